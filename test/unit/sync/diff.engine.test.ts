import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotSource } from '../../../electron/core/sources/snapshot.source.js';
import { diffSources } from '../../../electron/core/sync/diff.engine.js';
import type { JobProgress } from '../../../electron/core/sync/job.js';
import { snapshotSource } from './support/snapshots.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const statuses = (result: Awaited<ReturnType<typeof diffSources>>): Record<string, string> =>
  Object.fromEntries(result.entries.map((e) => [e.path, e.status]));

describe('diff engine', () => {
  const left = snapshotSource('left', {
    '/same': 'x',
    '/changed': 'a',
    '/only-left': '1',
    '/json': '{"a":1,"b":2}',
    '/folder/key': 'k',
    '/folder': 'value on a folder',
    '/bin': Buffer.from([0, 1, 2]),
    '/tmp/cache': 'left',
  });
  const right = snapshotSource('right', {
    '/same': 'x',
    '/changed': 'b',
    '/only-right': '2',
    '/json': '{ "b": 2, "a": 1 }',
    '/folder/key': 'k',
    '/bin': Buffer.from([0, 1, 3]),
    '/tmp/cache': 'right',
  });

  it('classifies every key by path, sorted as a tree, with counts', async () => {
    const result = await diffSources(left, right);
    expect(result.entries.map((e) => e.path)).toEqual([
      '/bin',
      '/changed',
      '/folder',
      '/folder/key',
      '/json',
      '/only-left',
      '/only-right',
      '/same',
      '/tmp/cache',
    ]);
    expect(statuses(result)).toMatchObject({
      '/bin': 'changed',
      '/changed': 'changed',
      '/folder': 'only-left',
      '/folder/key': 'same',
      '/json': 'changed',
      '/only-left': 'only-left',
      '/only-right': 'only-right',
      '/same': 'same',
    });
    expect(result.summary).toEqual({ onlyLeft: 2, onlyRight: 1, changed: 4, same: 2 });
    expect(result.leftFolders).toEqual(['/tmp']);
    expect(result.rightFolders).toEqual(['/folder', '/tmp']);
  });

  it('leaves out ignored paths and subtrees, and compares JSON as data when asked', async () => {
    const result = await diffSources(left, right, { ignore: ['/tmp', 'only-*'], normalize: 'json' });
    expect(statuses(result)).toEqual({
      '/bin': 'changed',
      '/changed': 'changed',
      '/folder': 'only-left',
      '/folder/key': 'same',
      '/json': 'same',
      '/same': 'same',
    });
  });

  it('reads the values of differing keys only when asked', async () => {
    const plain = await diffSources(left, right);
    expect(plain.entries.every((e) => e.left?.value === undefined && e.right?.value === undefined)).toBe(
      true,
    );
    const withValues = await diffSources(left, right, { withValues: true });
    const changed = withValues.entries.find((e) => e.path === '/changed')!;
    expect(changed.left?.value?.toString()).toBe('a');
    expect(changed.right?.value?.toString()).toBe('b');
    expect(withValues.entries.find((e) => e.path === '/same')!.left?.value).toBeUndefined();
  });

  it('reports progress and stops with CANCELLED when the signal fires', async () => {
    const seen: JobProgress[] = [];
    await diffSources(left, right, {}, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toMatchObject({ phase: 'walk', left: { keys: 8 }, right: { keys: 7 } });
    const controller = new AbortController();
    controller.abort();
    await expect(diffSources(left, right, {}, { signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });

  it('diffs the two example snapshots: one key per side, a JSON value differing only in key order', async () => {
    const staging = await SnapshotSource.open(join(EXAMPLES, 'staging.json'));
    const prod = await SnapshotSource.open(join(EXAMPLES, 'prod.json'));
    const raw = await diffSources(staging, prod);
    expect(raw.summary).toEqual({ onlyLeft: 1, onlyRight: 1, changed: 5, same: 7 });
    const normalized = await diffSources(staging, prod, { normalize: 'json' });
    expect(normalized.summary).toEqual({ onlyLeft: 1, onlyRight: 1, changed: 4, same: 8 });
    expect(statuses(normalized)['/features.json']).toBe('same');
  });
});
