import { DEFAULT_MAX_VALUE_BYTES } from '../../../shared/model/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { ChildEntry, ChildPage, NodeValue } from '../../../shared/model/node.js';
import type { ChildLevelData } from '../../../renderer/src/api/child-pages.js';
import { cacheWrittenNode, forgetNode, headOf } from '../../../renderer/src/api/node-cache.js';
import { applyNodeChange } from '../../../renderer/src/api/node-change.js';
import { nodeValueQuery } from '../../../renderer/src/api/node.queries.js';
import { queryKeys } from '../../../renderer/src/api/query-keys.js';
import { startSnapshotCore, type SnapshotCore } from './support/snapshot-core.js';

const C = 'conn-1';

function entry(path: string, over: Partial<ChildEntry> = {}): ChildEntry {
  return {
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    hasValue: true,
    childCount: 0,
    dataLength: 1,
    ephemeral: false,
    ...over,
  };
}

function level(...pages: ChildEntry[][]): ChildLevelData {
  const total = pages.flat().length;
  return {
    pages: pages.map((entries, i): ChildPage => ({
      path: '',
      entries,
      total,
      nextCursor: i < pages.length - 1 ? `c${i}` : null,
    })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
  };
}

function node(path: string, value: Buffer, over: Partial<NodeValue> = {}): NodeValue {
  return {
    path,
    hasValue: true,
    valueBase64: value.toString('base64'),
    size: value.length,
    truncated: false,
    token: '7',
    meta: [],
    acls: null,
    childCount: 0,
    ...over,
  };
}

const levelOf = (qc: QueryClient, path: string, filter = '', connectionId = C) =>
  qc.getQueryData<ChildLevelData>(queryKeys.childrenLevel(connectionId, path, filter));
const entriesOf = (qc: QueryClient, path: string, filter = '') =>
  levelOf(qc, path, filter)?.pages.flatMap((p) => p.entries.map((e) => e.path));

describe('writes put their answer into the cache', () => {
  it('caches a written value as head and full, and gives the parent entry its new size in every filter', () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.childrenLevel(C, '/app', ''), level([entry('/app/a'), entry('/app/b')]));
    qc.setQueryData(queryKeys.childrenLevel(C, '/app', 'b'), level([entry('/app/b')]));
    const untouched = level([entry('/other/b')]);
    qc.setQueryData(queryKeys.childrenLevel(C, '/other', ''), untouched);

    const written = node('/app/b', Buffer.from('hello world'));
    cacheWrittenNode(qc, C, written);

    expect(qc.getQueryData(queryKeys.nodeValue(C, '/app/b', false))).toEqual(written);
    expect(qc.getQueryData(queryKeys.nodeValue(C, '/app/b', true))).toEqual(written);
    for (const filter of ['', 'b']) {
      const b = levelOf(qc, '/app', filter)!.pages[0]!.entries.find((e) => e.path === '/app/b');
      expect(b?.dataLength).toBe(11);
    }
    expect(levelOf(qc, '/other')).toBe(untouched);
  });

  it('caches a value over 1 MiB whole as full, and only its first MiB, truncated, as head', () => {
    const qc = new QueryClient();
    const big = Buffer.alloc(DEFAULT_MAX_VALUE_BYTES + 5000, 'x');
    big.write('END', big.length - 3);
    const written = node('/big', big);
    cacheWrittenNode(qc, C, written);

    const full = qc.getQueryData<NodeValue>(queryKeys.nodeValue(C, '/big', true))!;
    expect(Buffer.from(full.valueBase64, 'base64').equals(big)).toBe(true);
    const head = qc.getQueryData<NodeValue>(queryKeys.nodeValue(C, '/big', false))!;
    expect(head).toMatchObject({ truncated: true, size: big.length, token: '7' });
    expect(Buffer.from(head.valueBase64, 'base64').equals(big.subarray(0, DEFAULT_MAX_VALUE_BYTES))).toBe(
      true,
    );
    expect(headOf(node('/small', Buffer.alloc(DEFAULT_MAX_VALUE_BYTES)))).toMatchObject({ truncated: false });
  });

  it('forgets a deleted node and its subtree, takes it out of the parent list and lowers the parent count', () => {
    const qc = new QueryClient();
    const keep = (key: readonly unknown[]) => qc.setQueryData(key, { kept: true });
    keep(queryKeys.nodeValue(C, '/app/sub', false));
    keep(queryKeys.history(C, '/app/sub'));
    keep(queryKeys.nodeValue(C, '/app/sub/deep', true));
    keep(queryKeys.subtreeCount(C, '/app/sub'));
    qc.setQueryData(queryKeys.childrenLevel(C, '/app/sub', ''), level([entry('/app/sub/deep')]));
    keep(queryKeys.nodeValue(C, '/app/sub2', false));
    keep(queryKeys.nodeValue('other-conn', '/app/sub', false));
    qc.setQueryData(
      queryKeys.childrenLevel(C, '/app', ''),
      level([entry('/app/a')], [entry('/app/sub'), entry('/app/sub2')]),
    );
    qc.setQueryData(queryKeys.childrenLevel(C, '/', ''), level([entry('/app', { childCount: 3 })]));

    forgetNode(qc, C, '/app/sub', { refetchShown: false });

    const left = qc
      .getQueryCache()
      .getAll()
      .map((q) => JSON.stringify(q.queryKey));
    expect(left.filter((k) => k.includes('"/app/sub"') || k.includes('/app/sub/'))).toEqual([
      JSON.stringify(queryKeys.nodeValue('other-conn', '/app/sub', false)),
    ]);
    expect(left).toContain(JSON.stringify(queryKeys.nodeValue(C, '/app/sub2', false)));
    expect(entriesOf(qc, '/app')).toEqual(['/app/a', '/app/sub2']);
    expect(levelOf(qc, '/app')!.pages.map((p) => p.total)).toEqual([2, 2]);
    // The cursors of the pages already loaded are kept: they name entries, not positions.
    expect(levelOf(qc, '/app')!.pageParams).toEqual([null, 'c0']);
    expect(levelOf(qc, '/')!.pages[0]!.entries[0]!.childCount).toBe(2);
  });
});

describe('watch events patch the cache', () => {
  let core: SnapshotCore;

  beforeAll(async () => {
    core = await startSnapshotCore([
      { path: '/app/a', value: 'a' },
      { path: '/app/b', value: 'bbbb' },
    ]);
  });
  afterAll(async () => core?.close());

  it('on "deleted" forgets what is not on screen and asks again for what is (the open value)', async () => {
    const qc = new QueryClient();
    const { client, connectionId } = core;
    const shown = new QueryObserver(qc, nodeValueQuery(client, connectionId, '/app/a', false));
    const stop = shown.subscribe(() => undefined);
    await shown.refetch();
    await qc.fetchQuery(nodeValueQuery(client, connectionId, '/app/a', true));
    const before = qc.getQueryState(queryKeys.nodeValue(connectionId, '/app/a', false))!.dataUpdatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    core.calls.length = 0;

    applyNodeChange(qc, connectionId, '/app/a', 'deleted');
    expect(qc.getQueryData(queryKeys.nodeValue(connectionId, '/app/a', true))).toBeUndefined();
    await expect.poll(() => core.calls.map((c) => c.method)).toEqual(['node.get']);
    await expect
      .poll(() => qc.getQueryState(queryKeys.nodeValue(connectionId, '/app/a', false))?.dataUpdatedAt)
      .toBeGreaterThan(before);
    stop();
  });

  it('on "data" asks again for the open value only, then gives the parent entry the size it read', async () => {
    const qc = new QueryClient();
    const { client, connectionId } = core;
    qc.setQueryData(
      queryKeys.childrenLevel(connectionId, '/app', ''),
      level([entry('/app/a'), entry('/app/b')]),
    );
    const shown = new QueryObserver(qc, nodeValueQuery(client, connectionId, '/app/b', false));
    const stop = shown.subscribe(() => undefined);
    await shown.refetch();
    core.calls.length = 0;

    applyNodeChange(qc, connectionId, '/app/b', 'data');
    await expect
      .poll(
        () =>
          levelOf(qc, '/app', '', connectionId)?.pages[0]?.entries.find((e) => e.path === '/app/b')
            ?.dataLength,
      )
      .toBe(4);
    expect(core.calls.map((c) => c.method)).toEqual(['node.get']);
    stop();
  });
});
