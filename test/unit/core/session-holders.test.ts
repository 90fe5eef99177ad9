import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core.js';
import type { Core } from '../../../electron/core/core.types.js';

const PROD_SNAPSHOT = join(import.meta.dirname, '..', '..', '..', 'examples', 'prod.json');

// Two windows (or browser tabs) on one core share a connection's session: one closing its tab leaves the
// session open for the other, and the last one closing it closes it.
describe('a connection open in two windows', () => {
  let dataDir: string;
  let core: Core;
  let id: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'configdeck-holders-'));
    core = await createCore({ dataDir, transport: 'browser', version: 'test' });
    const saved = await core.dispatch(
      'connections.save',
      { name: 'prod snapshot', kind: 'snapshot', endpoints: [PROD_SNAPSHOT] },
      'window:1',
    );
    if (!saved.ok) throw new Error(saved.error.message);
    id = (saved.result as { id: string }).id;
  });
  afterEach(async () => {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = (method: string, input: unknown, clientId: string) => core.dispatch(method, input, clientId);
  const browse = (clientId: string) => call('tree.children', { connectionId: id, path: '/' }, clientId);

  it('stays open until the last window closes it', async () => {
    expect((await call('connections.open', { id }, 'window:1')).ok).toBe(true);
    expect((await call('connections.open', { id }, 'window:2')).ok).toBe(true);
    expect(await call('connections.close', { id }, 'window:1')).toEqual({
      ok: true,
      result: { closed: false },
    });
    expect((await browse('window:2')).ok).toBe(true);
    expect(await call('connections.close', { id }, 'window:2')).toEqual({
      ok: true,
      result: { closed: true },
    });
  });

  it('forgets the holds of a window that went away', async () => {
    await call('connections.open', { id }, 'window:1');
    await call('connections.open', { id }, 'window:2');
    core.releaseClient('window:2');
    expect(await call('connections.close', { id }, 'window:1')).toEqual({
      ok: true,
      result: { closed: true },
    });
  });
});
