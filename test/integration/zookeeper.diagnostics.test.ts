// Servers health, connections, "who watches" and "who owns" on a real three-member ensemble, with an
// independent client (ZooKeeper's own zkCli.sh) setting the watches and owning the ephemeral node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import type { ServerMember } from '../../shared/model/diagnostics.js';
import { startZkCli, type ZkCli } from '../servers/zookeeper.cli.js';
import { startZooKeeperEnsemble, type ZooKeeperEnsemble } from '../servers/zookeeper.ensemble.js';
import { zooKeeperProfile } from '../servers/zookeeper.server.js';
import { until } from './support/async-expect.js';
import { socketsOfPortOwner } from '../servers/listening-sockets.js';
import {
  DiagnosticsReportSchema,
  OwnerReportSchema,
  ServersReportSchema,
  WatchersReportSchema,
} from '../../shared/model/diagnostics.js';
import { connectedZkClient } from './support/zk-client.js';

const driver = createZooKeeperDriver();

let ensemble: ZooKeeperEnsemble;
let session: BackendSession;
let cli: ZkCli;
/** zkCli's own address as /proc tells it, and its session as the member it is connected to lists it. */
let cliAddress: string;
let cliSession: string;

/** zkCli's address now (a reconnect gives it a new port): every address assertion reads it afresh. */
function liveCliAddress(): string {
  return cli.clientAddress([ensemble.members[1]!.port]) ?? 'zkCli is not connected to the second member';
}

beforeAll(async () => {
  ensemble = await startZooKeeperEnsemble({ size: 3 });
  const seed = await connectedZkClient(ensemble.connectString);
  try {
    await seed.create('/diag', Buffer.from('root'));
    await seed.create('/diag/cfg', Buffer.from('v1'));
    await seed.create('/diag/cfg/deep', Buffer.from('d'));
    await seed.create('/diag/other', Buffer.from('o'));
  } finally {
    await seed.close();
  }
  // zkCli on the second member only: its connection and watches are there, not where ConfigDeck connects.
  const second = ensemble.members[1]!;
  cli = await startZkCli(second.connectString);
  const before = cli.outputLength();
  cli.send('get -w /diag/cfg');
  cli.send('addWatch -m PERSISTENT_RECURSIVE /diag');
  cli.send('create -e /diag/eph held-by-zkcli');
  cli.send('get /diag/eph');
  await cli.waitFor('held-by-zkcli\n', 15_000, before);
  cliAddress = cli.clientAddress([second.port]) ?? '';
  expect(cliAddress).toMatch(/^127\.0\.0\.1:\d+$/);
  const held = await second.connections();
  const mine = held.find((c) => c.remoteAddress === cliAddress);
  expect(mine?.sessionId).toBeTypeOf('bigint');
  cliSession = `0x${mine!.sessionId!.toString(16)}`;
  session = await driver.connect(
    zooKeeperProfile(
      ensemble.members[0]!.connectString +
        ',' +
        ensemble.members[2]!.connectString +
        ',' +
        second.connectString,
    ),
  );
}, 180_000);

afterAll(async () => {
  await session?.close();
  await cli?.kill();
  await ensemble?.stop();
});

function byId(members: readonly ServerMember[], id: string): ServerMember {
  const found = members.find((m) => m.id === id);
  if (found === undefined) throw new Error(`no member ${id} in ${members.map((m) => m.id).join(', ')}`);
  return found;
}

describe('ZooKeeper servers health', () => {
  it('reports every member with its role and figures from srvr and mntr', async () => {
    const report = await session.servers!.health();
    expect(ServersReportSchema.parse(report)).toEqual(report);
    // The description the session carries since connect comes from the same srvr (zookeeper.server-info.ts).
    expect(session.server).toMatch(/^ZooKeeper 3\.\d+\.\d+ \((leader|follower)\)$/);
    expect(report.members.map((m) => m.id).sort()).toEqual(
      ensemble.members.map((m) => m.connectString).sort(),
    );
    const roles = report.members.map((m) => m.role).sort();
    expect(roles).toEqual(['follower', 'follower', 'leader']);
    const leader = await ensemble.leader();
    expect(byId(report.members, leader!.connectString).role).toBe('leader');
    for (const member of report.members) {
      expect(member.up).toBe(true);
      expect(member.error).toBeNull();
      expect(member.version).toMatch(/^3\.\d+\.\d+/);
      const keys = member.metrics.map((m) => m.key);
      for (const key of [
        'zxid',
        'latencyMin',
        'latencyAvg',
        'latencyMax',
        'outstanding',
        'znodes',
        'watches',
        'ephemerals',
        'connections',
      ]) {
        expect(keys).toContain(key);
      }
      expect(member.metrics.find((m) => m.key === 'zxid')?.value).toMatch(/^0x[0-9a-f]+$/);
      expect(member.metrics.find((m) => m.key === 'ephemerals')?.value).toBe(1);
    }
    // zkCli's connection and its two watches sit on the second member.
    const second = byId(report.members, ensemble.members[1]!.connectString);
    expect(Number(second.metrics.find((m) => m.key === 'watches')?.value)).toBeGreaterThanOrEqual(2);
    expect(report.disagreements).toEqual([]);
    expect(report.notes).toEqual([]);
  });

  it('reports a stopped member down within 3 s and up again after its restart', async () => {
    // A follower without zkCli: no election, so zkCli's connection (and address) stays as it is.
    const leader = await ensemble.leader();
    const third = ensemble.members.find((m, i) => i !== 1 && m.id !== leader?.id)!;
    // A session on that member alone is left waiting for it: its health must not wait with it.
    const alone = await driver.connect(zooKeeperProfile(third.connectString));
    expect((await alone.servers!.health()).members.map((m) => m.up)).toEqual([true]);
    await third.kill();
    try {
      const started = Date.now();
      const report = await session.servers!.health();
      expect(Date.now() - started).toBeLessThan(3000);
      const down = byId(report.members, third.connectString);
      expect(down.up).toBe(false);
      expect(down.error).toMatch(/^Nothing listens on 127\.0\.0\.1:\d+ \(connection refused\)\.$/);
      expect(down.metrics).toEqual([]);
      expect(report.members.filter((m) => m.up)).toHaveLength(2);
      const aloneStarted = Date.now();
      const stranded = await alone.servers!.health();
      expect(Date.now() - aloneStarted).toBeLessThan(3000);
      expect(stranded.members.map((m) => [m.id, m.up])).toEqual([[third.connectString, false]]);
      // Its /zookeeper/config (read while it was up) names all three, without client ports.
      expect(stranded.notes.map((n) => n.message)).toContain(
        "/zookeeper/config names 3 servers but gives no client port for 2 of them: add them to the connection's endpoints to see them here.",
      );
    } finally {
      await alone.close();
      await third.restart();
    }
    await until(async () => {
      const report = await session.servers!.health();
      const back = byId(report.members, third.connectString);
      return back.up && (back.role === 'follower' || back.role === 'leader');
    }, 30_000);
  }, 90_000);

  it('reports a member that accepts connections but stops answering (SIGSTOP) down within 3 s', async () => {
    const leader = await ensemble.leader();
    const frozen = ensemble.members.find((m, i) => i !== 1 && m.id !== leader?.id)!;
    const { pid } = socketsOfPortOwner(frozen.port);
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const report = await session.servers!.health();
      expect(Date.now() - started).toBeLessThan(3000);
      const stuck = byId(report.members, frozen.connectString);
      expect(stuck).toMatchObject({ up: false, role: 'unknown' });
      expect(stuck.error).toMatch(/did not answer (srvr|mntr) within 1500 ms/);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await until(async () => {
      const back = byId((await session.servers!.health()).members, frozen.connectString);
      return back.up && back.role === 'follower';
    }, 30_000);
  }, 60_000);
});

describe('ZooKeeper connections and watch summaries', () => {
  it("lists every member's cons with zkCli's address and session, and the wchs of each", async () => {
    const report = await session.diagnostics!.report();
    expect(DiagnosticsReportSchema.parse(report)).toEqual(report);
    const cons = report.tables.filter((t) => t.id.startsWith('cons:'));
    expect(cons).toHaveLength(3);
    for (const table of cons) expect(table.available).toBe(true);
    const second = cons.find((t) => t.id === `cons:${ensemble.members[1]!.connectString}`)!;
    const row = second.rows.find((r) => r.client === liveCliAddress());
    expect(row).toMatchObject({ session: cliSession, queued: 0 });
    expect(typeof row?.lastOperation).toBe('string');
    expect(typeof row?.latencyMax).toBe('number');
    const wchs = report.tables.find((t) => t.id === 'wchs')!;
    expect(wchs.available).toBe(true);
    expect(wchs.rows).toHaveLength(3);
    const onSecond = wchs.rows.find((r) => r.member === ensemble.members[1]!.connectString);
    expect(onSecond).toMatchObject({ connections: 1, paths: 2, watches: 2 });
    expect(wchs.notes.map((n) => n.message).join(' ')).toMatch(/child watches .* counted .* not listed/);
  });
});

describe('who watches a path', () => {
  it('shows the cost first: the watch count of every member from wchs', async () => {
    const report = await session.watchers!.query('/diag/cfg', false);
    expect(report.watchers).toEqual([]);
    expect(report.cost?.watches).toBe(2);
    expect(report.cost?.message).toBe('3 members hold 2 watches; listing them is costly on the servers.');
  });

  it("finds zkCli's get -w on the path and its recursive watch on an ancestor, with its address", async () => {
    const report = await session.watchers!.query('/diag/cfg', true);
    expect(WatchersReportSchema.parse(report)).toEqual(report);
    expect(report.available).toBe(true);
    expect(report.cost).toBeNull();
    const member = ensemble.members[1]!.connectString;
    expect(report.watchers).toEqual([
      expect.objectContaining({
        sessionId: cliSession,
        client: liveCliAddress(),
        member,
        kind: 'data',
        watchedPath: '/diag/cfg',
      }),
      expect.objectContaining({
        sessionId: cliSession,
        client: liveCliAddress(),
        member,
        kind: 'recursive',
        watchedPath: '/diag',
      }),
    ]);
    expect(report.watchers[1]?.detail).toMatch(/ancestor/);
    expect(report.notes.map((n) => n.message).join(' ')).toMatch(/child watches/);
  });

  it('finds only the recursive watch for a path deeper down, and nobody for a path outside it', async () => {
    const deep = await session.watchers!.query('/diag/cfg/deep', true);
    // The get -w on /diag/cfg is listed too: wchp does not tell a one-shot watch from a recursive one.
    const address = liveCliAddress();
    expect(deep.watchers.map((w) => [w.kind, w.watchedPath, w.client])).toEqual([
      ['recursive', '/diag/cfg', address],
      ['recursive', '/diag', address],
    ]);
    expect(
      deep.watchers.every((w) =>
        /covers \/diag\/cfg\/deep when it is a persistent recursive watch/.test(w.detail ?? ''),
      ),
    ).toBe(true);
    const outside = await session.watchers!.query('/zookeeper', true);
    expect(outside.watchers).toEqual([]);
    expect(outside.notes.map((n) => n.message)).toContain(
      'No session holds a data watch on /zookeeper or a watch on one of its ancestors.',
    );
  });
});

describe('who owns an ephemeral node', () => {
  it("resolves the owner session to zkCli's address and lists the session's ephemerals", async () => {
    const report = await session.owners!.query('/diag/eph');
    expect(OwnerReportSchema.parse(report)).toEqual(report);
    expect(report.owned).toBe(true);
    expect(report.sessionId).toBe(cliSession);
    expect(report.clients).toEqual([
      { address: liveCliAddress(), member: ensemble.members[1]!.connectString },
    ]);
    const ephemerals = report.facts.find((f) => f.key === 'sessionEphemerals');
    expect(ephemerals?.value).toBe('1: /diag/eph');
  });

  it('says a persistent node has no owner', async () => {
    const report = await session.owners!.query('/diag/cfg');
    expect(report).toMatchObject({ owned: false, sessionId: null, clients: [] });
    expect(report.notes[0]?.message).toBe('/diag/cfg is a persistent node: no session owns it.');
  });
});

describe('under a chroot', () => {
  it('asks for the server path and shows the paths as the profile sees them', async () => {
    const chrooted = await driver.connect(zooKeeperProfile(`${ensemble.connectString}/diag`));
    try {
      const watchers = await chrooted.watchers!.query('/cfg', true);
      const address = liveCliAddress();
      expect(watchers.watchers.map((w) => [w.kind, w.watchedPath, w.client, w.sessionId])).toEqual([
        ['data', '/cfg', address, cliSession],
        ['recursive', '/', address, cliSession],
      ]);
      const owner = await chrooted.owners!.query('/eph');
      expect(owner).toMatchObject({ owned: true, sessionId: cliSession, clients: [{ address }] });
      expect(owner.facts).toContainEqual({
        key: 'sessionEphemerals',
        label: 'Ephemeral nodes of the session',
        value: '1: /eph',
        // The UI writes the value from its word in its language.
        word: { key: 'ephemeralPaths', params: { count: 1, paths: '/eph' } },
      });
      expect(owner.facts).toContainEqual({ key: 'serverPath', label: 'Server path', value: '/diag/eph' });
    } finally {
      await chrooted.close();
    }
  });
});
