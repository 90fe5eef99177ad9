// A server whose whitelist allows only srvr and ruok: four-letter words give the exact zoo.cfg line to add,
// and with the profile's AdminServer URL the same answers come from the AdminServer's JSON commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { freePorts } from '../servers/free-port.js';
import { startZkCli, type ZkCli } from '../servers/zookeeper.cli.js';
import { startZooKeeper, zooKeeperProfile, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { fourLetterWord } from '../servers/zookeeper.four-letter-words.js';

const WHITELIST_LINE = '4lw.commands.whitelist=srvr,mntr,cons,wchs,wchp,dump';

let server: ZooKeeperServer;
let adminUrl: string;
let cli: ZkCli;
let words: BackendSession;
let admin: BackendSession;

beforeAll(async () => {
  const [adminPort] = await freePorts(1);
  adminUrl = `http://127.0.0.1:${adminPort}/commands`;
  server = await startZooKeeper({
    config: {
      '4lw.commands.whitelist': 'srvr,ruok',
      'admin.enableServer': 'true',
      'admin.serverAddress': '127.0.0.1',
      'admin.serverPort': String(adminPort),
    },
  });
  cli = await startZkCli(server.connectString);
  const from = cli.outputLength();
  cli.send('create /app v1');
  cli.send('create -e /app/lock me');
  cli.send('get -w /app');
  cli.send('get /app/lock');
  await cli.waitFor('me\n', 15_000, from);
  words = await driver().connect(zooKeeperProfile(server.connectString));
  admin = await driver().connect(zooKeeperProfile(server.connectString, { adminServerUrl: adminUrl }));
  // Jetty's first answers in a cold JVM can take seconds on a loaded machine; the driver gives a member 1.5 s,
  // which the tests below are about, not the JVM's warm-up.
  for (const command of ['stats', 'monitor', 'connections', 'watch_summary']) {
    await fetch(`${adminUrl}/${command}`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.text());
  }
}, 120_000);

afterAll(async () => {
  await words?.close();
  await admin?.close();
  await cli?.kill();
  await server?.stop();
});

function driver(): ReturnType<typeof createZooKeeperDriver> {
  return createZooKeeperDriver();
}

function cliAddress(): string {
  return cli.clientAddress([server.port]) ?? 'zkCli is not connected';
}

describe('four-letter words refused by the whitelist', () => {
  it('is the server that refuses: mntr is not in its whitelist', async () => {
    expect(await fourLetterWord(server.port, 'mntr')).toBe(
      'mntr is not executed because it is not in the whitelist.\n',
    );
  });

  it('health still comes from srvr, with the zoo.cfg line for mntr', async () => {
    const report = await words.servers!.health();
    expect(report.members).toHaveLength(1);
    expect(report.members[0]).toMatchObject({ up: true, role: 'standalone', error: null });
    expect(report.members[0]!.metrics.map((m) => m.key)).toContain('zxid');
    expect(report.notes).toEqual([
      {
        message: `${server.connectString} refuses the four-letter word mntr: it is not in 4lw.commands.whitelist. Add this line to its zoo.cfg and restart it.`,
        fix: WHITELIST_LINE,
      },
    ]);
  });

  it('connections, watchers and owners say which word is refused and how to allow it', async () => {
    const report = await words.diagnostics!.report();
    const cons = report.tables.find((t) => t.id === `cons:${server.connectString}`)!;
    expect(cons).toMatchObject({ available: false, rows: [] });
    expect(cons.reason).toEqual({
      message: expect.stringContaining('refuses the four-letter word cons'),
      fix: WHITELIST_LINE,
    });
    const watchers = await words.watchers!.query('/app', true);
    expect(watchers.available).toBe(false);
    expect(watchers.notes.map((n) => n.fix)).toContain(WHITELIST_LINE);
    const owner = await words.owners!.query('/app/lock');
    expect(owner.owned).toBe(true);
    expect(owner.clients).toEqual([]);
    expect(owner.notes.map((n) => n.fix)).toContain(WHITELIST_LINE);
  });
});

describe('the AdminServer instead of four-letter words', () => {
  it('health from /commands/stats and /commands/monitor, with no refusal', async () => {
    const report = await admin.servers!.health();
    expect(report.notes).toEqual([]);
    const member = report.members[0]!;
    expect(member).toMatchObject({ up: true, role: 'standalone', error: null });
    const metric = (key: string): unknown => member.metrics.find((m) => m.key === key)?.value;
    expect(metric('zxid')).toMatch(/^0x[0-9a-f]+$/);
    expect(metric('ephemerals')).toBe(1);
    expect(metric('znodes')).toBeGreaterThanOrEqual(6);
    expect(metric('watches')).toBeGreaterThanOrEqual(1);
  });

  it("connections from /commands/connections with zkCli's address and its session in hex", async () => {
    const report = await admin.diagnostics!.report();
    const cons = report.tables.find((t) => t.id === `cons:${server.connectString}`)!;
    expect(cons.available).toBe(true);
    const row = cons.rows.find((r) => r.client === cliAddress());
    expect(row?.session).toMatch(/^0x[0-9a-f]{9,}$/);
    const wchs = report.tables.find((t) => t.id === 'wchs')!;
    expect(wchs.rows).toEqual([{ member: server.connectString, connections: 1, paths: 1, watches: 1 }]);
  });

  it('who watches from /commands/watches_by_path, who owns from /commands/dump', async () => {
    const cost = await admin.watchers!.query('/app', false);
    expect(cost.cost).toEqual({
      message: '1 member holds 1 watch; listing them is costly on the servers.',
      watches: 1,
    });
    const watchers = await admin.watchers!.query('/app', true);
    expect(watchers.watchers).toEqual([
      expect.objectContaining({
        kind: 'data',
        watchedPath: '/app',
        client: cliAddress(),
        member: server.connectString,
      }),
    ]);
    const owner = await admin.owners!.query('/app/lock');
    expect(owner.sessionId).toBe(watchers.watchers[0]?.sessionId);
    expect(owner.clients).toEqual([{ address: cliAddress(), member: server.connectString }]);
    expect(owner.facts).toContainEqual({
      key: 'sessionEphemerals',
      label: 'Ephemeral nodes of the session',
      value: '1: /app/lock',
      word: { key: 'ephemeralPaths', params: { count: 1, paths: '/app/lock' } },
    });
  });
});

describe('an AdminServer URL where nothing answers', () => {
  it('asks the four-letter words instead and says so, rather than calling the member down', async () => {
    const [closedPort] = await freePorts(1);
    const url = `http://127.0.0.1:${closedPort}/commands`;
    const session = await driver().connect(zooKeeperProfile(server.connectString, { adminServerUrl: url }));
    try {
      const report = await session.servers!.health();
      expect(report.members[0]).toMatchObject({ up: true, role: 'standalone', error: null });
      const messages = report.notes.map((n) => n.message);
      expect(messages[0]).toMatch(
        new RegExp(`^The AdminServer at ${url} is not reachable, so four-letter words were asked instead: `),
      );
      // srvr answered in its place; mntr is refused by this server's whitelist, with the line to add.
      expect(report.notes.map((n) => n.fix)).toContain(WHITELIST_LINE);
    } finally {
      await session.close();
    }
  });
});
