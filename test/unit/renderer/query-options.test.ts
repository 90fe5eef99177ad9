import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { appInfoQuery, connectionsQuery, prefQuery } from '../../../renderer/src/api/app.queries.js';
import { auditListQuery } from '../../../renderer/src/api/audit.queries.js';
import {
  compareResultQuery,
  compareValuesQuery,
  syncResultQuery,
} from '../../../renderer/src/api/compare.queries.js';
import {
  historyListQuery,
  historyVersionQuery,
  listenersQuery,
} from '../../../renderer/src/api/history.queries.js';
import { nodeValueQuery, subtreeCountQuery } from '../../../renderer/src/api/node.queries.js';
import { queryKeys } from '../../../renderer/src/api/query-keys.js';
import {
  catalogNodesQuery,
  clusterOverviewQuery,
  serviceInstancesQuery,
  servicesQuery,
} from '../../../renderer/src/api/registry.queries.js';
import { childrenLevelQuery, CHILDREN_PAGE_SIZE } from '../../../renderer/src/api/tree.queries.js';
import { startSnapshotCore, type SnapshotCore } from './support/snapshot-core.js';

const BIG = 1_201;
const name = (i: number) => `n${String(i).padStart(4, '0')}`;

describe('query options (key and fetch together) over a real core', () => {
  let core: SnapshotCore;
  let queryClient: QueryClient;

  beforeAll(async () => {
    core = await startSnapshotCore([
      { path: '/app/config.json', value: '{"a":1}' },
      ...Array.from({ length: BIG }, (_, i) => ({ path: `/big/${name(i)}`, value: String(i) })),
    ]);
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  });

  afterAll(async () => {
    queryClient.clear();
    await core?.close();
  });

  it("passes TanStack's abort signal to the transport from every query function", async () => {
    const { client, connectionId } = core;
    const path = '/app/config.json';
    const queries = [
      appInfoQuery(client),
      connectionsQuery(client),
      prefQuery(client, 'k'),
      auditListQuery(client, { limit: 5 }),
      nodeValueQuery(client, connectionId, path, false),
      nodeValueQuery(client, connectionId, path, true),
      subtreeCountQuery(client, connectionId, '/app'),
      historyListQuery(client, connectionId, path),
      historyVersionQuery(client, connectionId, path, '1'),
      listenersQuery(client, connectionId, path),
      servicesQuery(client, connectionId, {}),
      serviceInstancesQuery(client, connectionId, 'web', {}),
      clusterOverviewQuery(client, connectionId, null),
      catalogNodesQuery(client, connectionId, null),
      compareResultQuery(client, {
        jobId: 'j',
        onlyDifferences: true,
        pathContains: '',
        offset: 0,
        limit: 1,
      }),
      compareValuesQuery(client, 'j', '/a'),
      syncResultQuery(client, 'j'),
    ];
    for (const options of queries) {
      core.calls.length = 0;
      // Snapshots have no history, registry or jobs: those fail, but they were called all the same.
      await queryClient
        .fetchQuery(options as Parameters<QueryClient['fetchQuery']>[0])
        .catch(() => undefined);
      expect(core.calls, JSON.stringify(options.queryKey)).toHaveLength(1);
      expect(core.calls[0]!.signal, JSON.stringify(options.queryKey)).toBeInstanceOf(AbortSignal);
    }
    core.calls.length = 0;
    await queryClient.fetchInfiniteQuery(childrenLevelQuery(client, connectionId, '/', ''));
    expect(core.calls).toMatchObject([{ method: 'tree.children', signal: expect.any(AbortSignal) }]);
  });

  it('asks for nothing while a needed id is missing', async () => {
    const { client, connectionId } = core;
    core.calls.length = 0;
    for (const options of [
      historyVersionQuery(client, connectionId, '/app/config.json', null),
      compareValuesQuery(client, 'j', null),
      syncResultQuery(client, null),
    ]) {
      await queryClient
        .fetchQuery(options as Parameters<QueryClient['fetchQuery']>[0])
        .catch(() => undefined);
    }
    expect(core.calls).toEqual([]);
  });

  it('loads an expanded level as one infinite query, page by page with the cursor of the page before', async () => {
    const { client, connectionId } = core;
    const observer = new InfiniteQueryObserver(
      queryClient,
      childrenLevelQuery(client, connectionId, '/big', ''),
    );
    const stop = observer.subscribe(() => undefined);
    try {
      const first = await observer.refetch();
      expect(first.data?.pages.map((p) => p.entries.length)).toEqual([CHILDREN_PAGE_SIZE]);
      expect(observer.getCurrentResult().hasNextPage).toBe(true);
      await observer.fetchNextPage();
      const last = await observer.fetchNextPage();
      expect(last.data?.pages.map((p) => p.entries.length)).toEqual([500, 500, 201]);
      expect(last.hasNextPage).toBe(false);
      const names = last.data!.pages.flatMap((p) => p.entries.map((e) => e.name));
      expect(names).toEqual(Array.from({ length: BIG }, (_, i) => name(i)));
      expect(last.data?.pages.at(-1)?.total).toBe(BIG);
    } finally {
      stop();
    }

    // A filter is part of the key: its own level, its own pages.
    const filtered = await queryClient.fetchInfiniteQuery(
      childrenLevelQuery(client, connectionId, '/big', 'n119'),
    );
    expect(filtered.pages[0]!.entries.map((e) => e.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => name(1190 + i)),
    );
    expect(queryClient.getQueryData(queryKeys.childrenLevel(connectionId, '/big', ''))).toMatchObject({
      pages: [{}, {}, {}],
    });
  });
});
