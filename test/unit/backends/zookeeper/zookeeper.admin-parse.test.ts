import { describe, expect, it } from 'vitest';
import {
  adminConnections,
  adminEphemerals,
  adminMonitor,
  adminStats,
  adminWatchesByPath,
  adminWatchSummary,
} from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.admin-parse.js';
import {
  commandsBase,
  parseAdminJson,
} from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.admin-server.js';
import { fixture } from './fixtures.js';

function json(name: string): Record<string, unknown> {
  return parseAdminJson(fixture(name)) as Record<string, unknown>;
}

describe('AdminServer JSON', () => {
  it('keeps 64-bit session ids exact (JSON.parse alone would round them)', () => {
    expect(JSON.parse('[72057671753859075]')).toEqual([72057671753859070]);
    expect(parseAdminJson('{"ids" : [ 72057671753859075, 12 ], "n" : 3}')).toEqual({
      ids: ['72057671753859075', 12],
      n: 3,
    });
  });

  it('stats and monitor as figures', () => {
    expect(adminStats(json('admin.stats.json'))).toMatchObject({
      version: '3.8.0',
      mode: 'standalone',
      zxid: 10n,
      latencyMax: 7,
      znodes: 8,
      connections: 3,
      outstanding: 0,
    });
    expect(adminMonitor(json('admin.monitor.json'))).toMatchObject({
      mode: 'standalone',
      ephemerals: 1,
      watches: 7,
      znodes: 8,
      connections: 3,
    });
  });

  it('connections with their sessions in hex as cons prints them', () => {
    const connections = adminConnections(json('admin.connections.json'));
    expect(connections.map((c) => [c.client, c.sessionId])).toEqual([
      ['127.0.0.1:56024', '0x1000012183b0003'],
      ['127.0.0.1:43474', '0x1000012183b0004'],
      ['127.0.0.1:56032', '0x1000012183b0002'],
    ]);
    expect(connections[0]).toMatchObject({
      lastOperation: 'PING',
      timeoutMs: 10000,
      latencyMax: 7,
      queued: 0,
    });
  });

  it('watch_summary, watches_by_path and dump', () => {
    expect(adminWatchSummary(json('admin.watch_summary.json'))).toEqual({
      connections: 3,
      paths: 2,
      watches: 4,
    });
    expect(adminWatchesByPath(json('admin.watches_by_path.json'))).toEqual(
      new Map([
        ['/app/cfg', ['0x1000012183b0003', '0x1000012183b0002']],
        ['/app', ['0x1000012183b0003', '0x1000012183b0004']],
      ]),
    );
    expect(adminEphemerals(json('admin.dump.json'))).toEqual(new Map([['0x1000012183b0003', ['/app/eph']]]));
  });

  it('takes the base URL with or without /commands', () => {
    expect(commandsBase('http://zk1:8080')).toBe('http://zk1:8080/commands');
    expect(commandsBase('http://zk1:8080/commands/')).toBe('http://zk1:8080/commands');
  });
});
