import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import type { SearchResult } from '../../../shared/model/search.js';
import { b64, startCoreClient, type CoreClient } from '../../integration/support/core-client.js';

// The registry of searches over the contract, on an in-memory etcd-like store (the stores' own cases run on
// real servers in test/integration/search.*.test.ts).
describe('search registry over the in-memory driver', () => {
  let client: CoreClient;
  let id: string;

  async function finished(searchId: string): Promise<SearchResult> {
    for (let i = 0; i < 200; i++) {
      const result = await client.call('search.result', { searchId, offset: 0, limit: 5000 });
      if (result.progress.state !== 'running') return result;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the search did not end');
  }

  beforeEach(async () => {
    client = await startCoreClient('search', [
      createMemoryDriver({ kind: 'etcd', endpoints: { 'down.memory': { state: 'down' } } }),
    ]);
    id = (await client.call('connections.save', { name: 'm', kind: 'etcd', endpoints: ['up.memory'] })).id;
    for (const [path, value] of [
      ['/s/a', 'alpha'],
      ['/s/b/c', 'beta gamma'],
    ] as const)
      await client.call('node.create', { connectionId: id, path, valueBase64: b64(value) });
  });

  afterEach(async () => {
    await client.close();
  });

  it('validates its input at the contract: a pattern is required', async () => {
    const failure = await client.failure('search.start', {
      source: { type: 'connection', connectionId: id, path: '/s' },
    });
    expect(failure.code).toBe('INVALID_INPUT');
  });

  it('keeps the last 20 finished searches and forgets older ones', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      const { searchId } = await client.call('search.start', {
        source: { type: 'connection', connectionId: id, path: '/s' },
        value: { mode: 'substring', text: 'a' },
      });
      expect((await finished(searchId)).progress).toMatchObject({ state: 'done', matched: 2, scanned: 3 });
      ids.push(searchId);
    }
    for (const gone of ids.slice(0, 2)) {
      expect((await client.failure('search.result', { searchId: gone, offset: 0, limit: 1 })).code).toBe(
        'NOT_FOUND',
      );
    }
    expect(
      (await client.call('search.result', { searchId: ids[2]!, offset: 0, limit: 1 })).matches,
    ).toHaveLength(1);
    expect(await client.call('search.remove', { searchId: ids[2]! })).toEqual({ removed: true });
    expect(await client.call('search.remove', { searchId: ids[2]! })).toEqual({ removed: false });
  });

  it('fails a search whose connection is unknown or down, with the sentence of the failure', async () => {
    const down = (
      await client.call('connections.save', { name: 'd', kind: 'etcd', endpoints: ['down.memory'] })
    ).id;
    for (const connectionId of [down, 'no-such-connection']) {
      const { searchId } = await client.call('search.start', {
        source: { type: 'connection', connectionId, path: '/' },
        path: { mode: 'substring', text: 'x' },
      });
      const { progress } = await finished(searchId);
      expect(progress.state).toBe('failed');
      expect(progress.error?.message).toMatch(/^[^\n]+\.$/);
      expect(progress.notes).toEqual([]);
    }
  });

  it('cancels a search before it got going, and answers false for one already over', async () => {
    const { searchId } = await client.call('search.start', {
      source: { type: 'connection', connectionId: id, path: '/s' },
      path: { mode: 'glob', text: '**' },
    });
    expect(await client.call('search.cancel', { searchId })).toEqual({ cancelled: true });
    const { progress } = await finished(searchId);
    expect(progress.state).toBe('cancelled');
    expect(await client.call('search.cancel', { searchId })).toEqual({ cancelled: false });
  });
});
