import { expect } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import type { ChildEntry } from '../../shared/model/node.js';

/** Every child of a level, following the cursor page by page (each at most `limit`), with each page's total. */
export async function allPages(
  session: BackendSession,
  path: string,
  limit: number,
  filter: string | null = null,
): Promise<{ entries: ChildEntry[]; pages: number; totals: Array<number | null> }> {
  const entries: ChildEntry[] = [];
  const totals: Array<number | null> = [];
  let cursor: string | null = null;
  do {
    const page = await session.listChildren(path, { cursor, limit, filter });
    expect(page.path).toBe(path);
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    entries.push(...page.entries);
    totals.push(page.total);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { entries, pages: totals.length, totals };
}
