import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core.js';
import type { Core } from '../../../electron/core/core.types.js';
import { findExamplesDir } from '../../../electron/core/examples/example-snapshots.js';

const REPO_EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

describe('the first-run example snapshots', () => {
  let dataDir: string;
  let core: Core;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'configdeck-examples-'));
    core = await createCore({ dataDir, transport: 'browser', version: 'test' });
  });
  afterEach(async () => {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, input: unknown) => {
    const result = await core.dispatch(method, input, 'test');
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.result as never;
  };

  it('finds the examples folder of the checkout from a module inside it', () => {
    expect(findExamplesDir(import.meta.url)).toBe(REPO_EXAMPLES);
    expect(findExamplesDir('file:///')).toBeNull();
  });

  it('saves a read-only prod and a staging snapshot profile once, and they open and browse', async () => {
    const first: Array<{
      id: string;
      kind: string;
      environment: string;
      readOnly: boolean;
      endpoints: string[];
    }> = await call('examples.open', {});
    expect(first.map((p) => [p.kind, p.environment, p.readOnly])).toEqual([
      ['snapshot', 'prod', true],
      ['snapshot', 'staging', true],
    ]);
    expect(first.map((p) => p.endpoints[0])).toEqual([
      join(REPO_EXAMPLES, 'prod.json'),
      join(REPO_EXAMPLES, 'staging.json'),
    ]);
    expect(first.every((p) => existsSync(p.endpoints[0] ?? ''))).toBe(true);

    const again: Array<{ id: string }> = await call('examples.open', {});
    expect(again.map((p) => p.id)).toEqual(first.map((p) => p.id));
    const listed: unknown[] = await call('connections.list', {});
    expect(listed).toHaveLength(2);

    const prod = first[0]!;
    await call('connections.open', { id: prod.id });
    const page: { entries: Array<{ name: string }> } = await call('tree.children', {
      connectionId: prod.id,
      path: '/',
    });
    expect(page.entries.map((c) => c.name)).toContain('db');
  });
});
