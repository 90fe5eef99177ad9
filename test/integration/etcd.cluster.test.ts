import { Etcd3, Range } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { capabilitiesOf } from '../../electron/core/backends/capabilities.js';
import { createEtcdDriver } from '../../electron/core/backends/etcd/etcd.driver.js';
import type { DiagnosticTable, ServerMember, ServersReport } from '../../shared/model/diagnostics.js';
import type { BackendStreamEvent } from '../../shared/model/event-stream.js';
import { startEtcdCluster, type EtcdCluster, type EtcdClusterMember } from '../servers/etcd.cluster.js';
import { etcdProfile, startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { rejection, until } from './support/async-expect.js';

let cluster: EtcdCluster;
let session: BackendSession;
/** Someone else: leases, alarms and writes through every member. */
let other: Etcd3;

const member = (report: ServersReport, name: string): ServerMember =>
  report.members.find((m) => m.name === name)!;
const metric = (m: ServerMember, key: string): number | string | undefined =>
  m.metrics.find((x) => x.key === key)?.value;
const table = (tables: DiagnosticTable[], id: string): DiagnosticTable => tables.find((t) => t.id === id)!;

/** Polls health once a second (as the status bar does) until `done`; returns how long it took. */
async function pollHealth(
  on: BackendSession,
  done: (report: ServersReport) => boolean,
  limitMs: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const asked = Date.now();
    const report = await on.servers!.health();
    // Every check answers within about 3 s, whatever is down.
    expect(Date.now() - asked).toBeLessThan(3500);
    if (done(report)) return Date.now() - started;
    if (Date.now() - started > limitMs)
      throw new Error(`health did not turn within ${limitMs} ms: ${JSON.stringify(report)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

beforeAll(async () => {
  cluster = await startEtcdCluster();
  other = new Etcd3({ hosts: cluster.members.map((m) => m.clientUrl) });
  session = await createEtcdDriver().connect(etcdProfile(cluster.endpoints));
});

afterAll(async () => {
  await session?.close();
  other?.close();
  await cluster?.stop();
});

describe('etcd servers, diagnostics and leases against a real three-member cluster', () => {
  it('offers streams, servers, diagnostics and leases, and no watcher list', () => {
    expect(capabilitiesOf(session)).toMatchObject({
      eventStreams: true,
      servers: true,
      diagnostics: true,
      leaseInventory: true,
      watchers: false,
    });
  });

  it('lists every member with its own status: one leader, raft figures, DB sizes, version', async () => {
    const report = await session.servers!.health();
    expect(report.members.map((m) => m.name).sort()).toEqual(['m1', 'm2', 'm3']);
    expect(report.members.map((m) => m.role).sort()).toEqual(['follower', 'follower', 'leader']);
    const list = await other.cluster.memberList({});
    for (const m of report.members) {
      const listed = list.members.find((x) => x.name === m.name)!;
      expect(m).toMatchObject({
        up: true,
        error: null,
        id: BigInt(listed.ID).toString(16),
        address: listed.clientURLs[0],
      });
      expect(m.version).toMatch(/^3\.\d+\.\d+$/);
      expect(metric(m, 'raftTerm')).toBeGreaterThan(0);
      expect(metric(m, 'raftAppliedIndex')).toBeGreaterThan(0);
      expect(metric(m, 'dbSize')).toBeGreaterThan(0);
      expect(metric(m, 'dbSizeInUse')).toBeGreaterThan(0);
    }
    const leader = report.members.find((m) => m.role === 'leader')!;
    expect(report.members.every((m) => metric(m, 'leader') === leader.id)).toBe(true);
    expect(report.disagreements).toEqual([]);
    expect(report.notes).toEqual([]);
  });

  it('marks a stopped member down within 10 s and up again after its restart', async () => {
    const stopped = cluster.members[2]!;
    await stopped.kill();
    try {
      const tookDown = await pollHealth(session, (r) => !member(r, 'm3').up, 10_000);
      expect(tookDown).toBeLessThan(10_000);
      const down = await session.servers!.health();
      expect(member(down, 'm3')).toMatchObject({ up: false, metrics: [], version: null });
      expect(member(down, 'm3').error).toContain(stopped.clientUrl);
      expect(member(down, 'm3').error).toMatch(/unreachable|did not answer|no answer/);
      expect(['m1', 'm2'].every((name) => member(down, name).up)).toBe(true);
    } finally {
      await stopped.start();
    }
    const tookUp = await pollHealth(session, (r) => member(r, 'm3').up, 5000);
    expect(tookUp).toBeLessThan(5000);
  });

  it('keeps showing every member when the only endpoint of the connection is down', async () => {
    const [only] = cluster.members as [EtcdClusterMember];
    const lone = await createEtcdDriver().connect(etcdProfile([only.endpoint], { sessionTimeoutMs: 3000 }));
    try {
      expect((await lone.servers!.health()).members.every((m) => m.up)).toBe(true);
      await only.kill();
      const report = await lone.servers!.health();
      expect(member(report, 'm1').up).toBe(false);
      expect(member(report, 'm2').up && member(report, 'm3').up).toBe(true);
      expect(report.notes).toHaveLength(1);
      expect(report.notes[0]!.message).toMatch(
        /^Listing the etcd members: .+; shown are the members listed before\.$/,
      );
    } finally {
      await only.start();
      await lone.close();
    }
  });

  it('lists leases with their TTLs and key counts, paged, and the keys of a lease as tree paths, paged', async () => {
    const busy = other.lease(120, { autoKeepAlive: false });
    const single = other.lease(60, { autoKeepAlive: false });
    const empty = other.lease(30, { autoKeepAlive: false });
    try {
      const ids = [await busy.grant(), await single.grant(), await empty.grant()];
      const hex = ids.map((id) => BigInt(id).toString(16).padStart(16, '0'));
      for (const name of ['c', 'a', 'e', 'b', 'd']) await busy.put(`/leased/${name}`).value(name);
      await single.put('no-slash/key').value('x');

      const first = await session.leases!.list(null, 2);
      expect(first.leases).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();
      const second = await session.leases!.list(first.nextCursor, 2);
      expect(second.nextCursor).toBeNull();
      const listed = [...first.leases, ...second.leases];
      expect(listed.map((l) => l.id)).toEqual([...hex].sort());
      const byId = new Map(listed.map((l) => [l.id, l]));
      expect(byId.get(hex[0]!)).toMatchObject({ grantedTtlSec: 120, keyCount: 5 });
      expect(byId.get(hex[1]!)).toMatchObject({ grantedTtlSec: 60, keyCount: 1 });
      expect(byId.get(hex[2]!)).toMatchObject({ grantedTtlSec: 30, keyCount: 0 });
      for (const lease of listed) {
        expect(lease.ttlSec).toBeGreaterThan(lease.grantedTtlSec - 10);
        expect(lease.ttlSec).toBeLessThanOrEqual(lease.grantedTtlSec);
      }

      const page1 = await session.leases!.keys(hex[0]!, null, 2);
      const page2 = await session.leases!.keys(hex[0]!, page1.nextCursor, 2);
      const page3 = await session.leases!.keys(hex[0]!, page2.nextCursor, 2);
      expect([page1.paths, page2.paths, page3.paths]).toEqual([
        ['/leased/a', '/leased/b'],
        ['/leased/c', '/leased/d'],
        ['/leased/e'],
      ]);
      expect(page3.nextCursor).toBeNull();
      expect((await session.leases!.keys(hex[1]!, null, 10)).paths).toEqual([
        '/(no leading slash)/no-slash/key',
      ]);

      await empty.revoke();
      const gone = await rejection(session.leases!.keys(hex[2]!, null, 10));
      expect(gone).toMatchObject({
        code: 'NOT_FOUND',
        message: `Lease ${hex[2]} does not exist (it expired or was revoked).`,
      });
      expect((await session.leases!.list(null, 100)).leases.map((l) => l.id)).not.toContain(hex[2]);
      await expect(session.leases!.keys('not-hex', null, 10)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    } finally {
      await Promise.allSettled([busy.revoke(), single.revoke(), empty.revoke()]);
    }
  });

  it('reports each member’s watcher and watch-stream gauges from /metrics, and says who watches is unknown', async () => {
    const stream = await session.streams!.open(
      '/gauged',
      { recursive: true, sinceRevision: null },
      {
        emit: () => undefined,
        fail: () => undefined,
      },
    );
    try {
      const report = await session.diagnostics!.report();
      const gauges = table(report.tables, 'watch-gauges');
      expect(gauges.available).toBe(true);
      expect(gauges.rows.map((r) => r.member).sort()).toEqual(['m1', 'm2', 'm3']);
      const sum = (key: string): number => gauges.rows.reduce((s, r) => s + Number(r[key]), 0);
      expect(sum('watchers')).toBeGreaterThanOrEqual(1);
      expect(sum('watchStreams')).toBeGreaterThanOrEqual(1);
      expect(gauges.rows.every((r) => typeof r.slowWatchers === 'number' && r.error === null)).toBe(true);
      expect(gauges.notes.map((n) => n.message)).toContain('etcd does not tell which clients watch a key.');

      // A member down: its row says why, the others still count.
      await cluster.members[1]!.kill();
      const partial = table((await session.diagnostics!.report()).tables, 'watch-gauges');
      const downRow = partial.rows.find((r) => r.member === 'm2')!;
      expect(downRow).toMatchObject({ watchers: null, watchStreams: null });
      expect(String(downRow.error)).toContain(`${cluster.members[1]!.clientUrl}/metrics`);
      expect(partial.rows.filter((r) => typeof r.watchers === 'number')).toHaveLength(2);
    } finally {
      stream.stop();
      await cluster.members[1]!.start();
    }
  });

  it('lists raised alarms by member, and says so when there are none', async () => {
    const none = table((await session.diagnostics!.report()).tables, 'alarms');
    expect(none).toMatchObject({ available: true, rows: [] });
    expect(none.notes.map((n) => n.message)).toEqual([
      'No alarm is raised on any member (etcd raises NOSPACE and CORRUPT).',
    ]);

    const list = await other.cluster.memberList({});
    const target = list.members.find((m) => m.name === 'm2')!;
    await other.maintenance.alarm({ action: 'Activate', memberID: target.ID, alarm: 'Nospace' });
    try {
      const raised = table((await session.diagnostics!.report()).tables, 'alarms');
      expect(raised.rows).toEqual([
        { member: 'm2', memberId: BigInt(target.ID).toString(16), alarm: 'NOSPACE' },
      ]);
      expect(raised.notes.map((n) => n.fix)).toEqual(['etcdctl alarm disarm']);
      // Every member reports the raised alarm among its errors.
      const health = await session.servers!.health();
      expect(health.members.every((m) => m.up && /NOSPACE/.test(m.error ?? ''))).toBe(true);
    } finally {
      await other.maintenance.alarm({ action: 'Deactivate', memberID: target.ID, alarm: 'Nospace' });
    }
    expect(table((await session.diagnostics!.report()).tables, 'alarms').rows).toEqual([]);
  });
});

describe('etcd servers behind endpoints they do not advertise (a port-forward, a proxy)', () => {
  let hidden: EtcdCluster;
  let through: BackendSession;

  beforeAll(async () => {
    // Members advertise 127.0.0.2, where nothing listens; the console reaches them on 127.0.0.1.
    hidden = await startEtcdCluster({ size: 1, advertiseHost: '127.0.0.2' });
    through = await createEtcdDriver().connect(etcdProfile(hidden.endpoints));
  });

  afterAll(async () => {
    await through?.close();
    await hidden?.stop();
  });

  it('reads the status and /metrics of a member through the endpoint, and says why', async () => {
    const [only] = hidden.members as [EtcdClusterMember];
    const report = await through.servers!.health();
    expect(report.members).toHaveLength(1);
    expect(report.members[0]).toMatchObject({
      name: 'm1',
      up: true,
      role: 'leader',
      address: only.clientUrl,
    });
    expect(report.notes.map((n) => n.message)).toEqual([
      `m1 does not answer at the client URL it advertises (http://127.0.0.2:${only.clientPort}); its status was read through the connection's endpoint ${only.clientUrl}.`,
    ]);
    const gauges = table((await through.diagnostics!.report()).tables, 'watch-gauges');
    expect(gauges.rows).toEqual([
      {
        member: 'm1',
        watchers: expect.any(Number),
        watchStreams: expect.any(Number),
        slowWatchers: 0,
        error: null,
      },
    ]);
  });
});

describe('etcd troubleshooting with authentication on', () => {
  const ROOT_PASSWORD = 'root-secret';
  let server: EtcdServer;
  let alice: BackendSession;

  beforeAll(async () => {
    server = await startEtcd({ auth: { rootPassword: ROOT_PASSWORD } });
    const root = new Etcd3({
      hosts: `http://${server.endpoint}`,
      auth: { username: 'root', password: ROOT_PASSWORD },
    });
    try {
      const reader = await root.role('reader').create();
      await reader.grant({ permission: 'Readwrite', range: Range.prefix('/allowed/') });
      await root.user('alice').create('alice-secret');
      await root.user('alice').addRole('reader');
    } finally {
      root.close();
    }
    alice = await createEtcdDriver().connect(
      etcdProfile([server.endpoint], {
        auth: { username: 'alice', hasPassword: true },
        password: 'alice-secret',
      }),
    );
  });

  afterAll(async () => {
    await alice?.close();
    await server?.stop();
  });

  it('shows member health and watch gauges to a user without any cluster role', async () => {
    const report = await alice.servers!.health();
    expect(report.members).toMatchObject([{ up: true, role: 'leader', error: null }]);
    const gauges = table((await alice.diagnostics!.report()).tables, 'watch-gauges');
    expect(gauges.available).toBe(true);
  });

  it('refuses a stream on keys the user may not read in one sentence, and still opens the ones it may', async () => {
    const quiet = { emit: () => undefined, fail: () => undefined };
    const refused = await rejection(
      alice.streams!.open('/forbidden', { recursive: true, sinceRevision: null }, quiet),
    );
    expect(refused.code).toBe('PERMISSION_DENIED');
    expect(refused.message).toBe(
      'Watching /forbidden: the etcd user of this connection lacks the permission.',
    );

    // alice may read `/allowed/…` but not `/allowed` itself: the subtree stream watches the keys below it.
    const events: BackendStreamEvent[] = [];
    const allowed = await alice.streams!.open(
      '/allowed',
      { recursive: true, sinceRevision: null },
      { emit: (e) => events.push(e), fail: () => undefined },
    );
    try {
      expect(allowed.note).toBe(
        'The user of this connection may read only the keys below /allowed, so changes to /allowed itself are not in this stream.',
      );
      await alice.create('/allowed/a/b/c', Buffer.from('v'), {
        ephemeral: false,
        sequential: false,
        container: false,
      });
      await until(() => events.length >= 1, 5000);
      expect(events.map((e) => [e.type, e.path])).toEqual([['created', '/allowed/a/b/c']]);
    } finally {
      allowed.stop();
    }
  });
});
