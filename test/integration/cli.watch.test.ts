import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEtcdCluster, type EtcdCluster } from '../servers/etcd.cluster.js';
import { REPO_ROOT, runCli } from './support/cli-runner.js';
import { until } from './support/async-expect.js';
import { connectedZkClient } from './support/zk-client.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';

let cluster: EtcdCluster;
/** The first member: what the sources name. */
let etcd: { endpoint: string };
let client: Etcd3;
let home: string;
let zk: ZooKeeperServer;

beforeAll(async () => {
  [cluster, zk, home] = await Promise.all([
    startEtcdCluster(),
    startZooKeeper(),
    mkdtemp(join(tmpdir(), 'configdeck-cli-watch-')),
  ]);
  etcd = cluster.members[0]!;
  client = new Etcd3({ hosts: `http://${etcd.endpoint}` });
});

afterAll(async () => {
  client?.close();
  await Promise.all([cluster?.stop(), zk?.stop()]);
  if (home) await rm(home, { recursive: true, force: true });
});

/** Starts `configdeck watch …` and collects its stdout lines while it runs. */
function watching(...args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'electron', 'cli', 'main.ts'), 'watch', ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, CONFIGDECK_HOME: home },
    },
  );
  const lines: string[] = [];
  let rest = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, lines, exited, stderr: () => stderr };
}

describe('configdeck watch, servers and watchers', () => {
  it('prints NDJSON events as they happen, relative to the root, and ends cleanly on Ctrl+C', async () => {
    const watch = watching(`etcd://${etcd.endpoint}/cli-watch`, '--json');
    // The stream is open once a write shows up; keep writing the first key until it does.
    await until(async () => {
      await client.put('/cli-watch/a').value('1');
      return watch.lines.length > 0;
    }, 20_000);
    await client.put('/cli-watch/deep/b').value(Buffer.from([0xff, 0xfe]));
    await client.delete().key('/cli-watch/a');
    const events = () => watch.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    await until(() => events().some((event) => event.type === 'deleted'), 10_000);
    expect(events().filter((event) => event.path === '/deep/b' || event.type === 'deleted')).toMatchObject([
      { type: 'created', path: '/deep/b', after: { encoding: 'base64', value: '//4=', size: 2 } },
      { type: 'deleted', path: '/a', before: { encoding: 'utf8', value: '1' }, after: null },
    ]);
    for (const event of events())
      expect(Object.keys(event)).toEqual(expect.arrayContaining(['time', 'version']));
    watch.child.kill('SIGINT');
    expect(await watch.exited).toBe(0);
    expect(watch.stderr()).toBe('');
  });

  it('replays from a revision and stops after --duration; a compacted revision is one sentence, exit 2', async () => {
    const first = await client.put('/cli-since/x').value('one');
    await client.put('/cli-since/x').value('two');
    const revision = first.header.revision;
    const replay = await runCli(
      home,
      'watch',
      `etcd://${etcd.endpoint}/cli-since`,
      '--since',
      revision,
      '--duration',
      '1.5',
    );
    expect(replay.code).toBe(0);
    const lines = replay.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/created {2}\/x {2}v1 {2}\d+ {2}– → 3 B$/);
    expect(lines[1]).toMatch(/changed {2}\/x {2}v2 {2}\d+ {2}3 B → 3 B$/);

    const latest = await client.put('/cli-since/x').value('three');
    await client.kv.compact({ revision: latest.header.revision, physical: true });
    const compacted = await runCli(
      home,
      'watch',
      `etcd://${etcd.endpoint}/cli-since`,
      '--since',
      revision,
      '--duration',
      '5',
    );
    expect(compacted.code).toBe(2);
    expect(compacted.stderr).toMatch(
      /^configdeck watch: Revision \d+ was compacted; the oldest revision kept is \d+\.\n$/,
    );
  });

  it('refuses what cannot be watched or asked, in one sentence with exit 2', async () => {
    const snapshot = `file:${join(REPO_ROOT, 'examples', 'staging.json')}`;
    const runs = await Promise.all([
      runCli(home, 'watch', snapshot),
      runCli(home, 'watch', `etcd://${etcd.endpoint}/x`, '--duration', 'soon'),
      runCli(home, 'watchers', `etcd://${etcd.endpoint}/x`),
      runCli(home, 'servers', snapshot),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2]);
    expect(runs[0]!.stderr).toMatch(
      /^configdeck watch: file:.*staging\.json is a snapshot file; only a live store can be watched\.\n$/,
    );
    expect(runs[1]!.stderr).toBe('configdeck watch: --duration takes seconds (more than 0), not "soon".\n');
    expect(runs[2]!.stderr).toBe('configdeck watchers: etcd does not tell which clients watch a key.\n');
    for (const run of runs) expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists the members with their health: exit 0 when all are up, 1 when one is down, 2 when none answers', async () => {
    const up = await runCli(home, 'servers', `etcd://${etcd.endpoint}/`, '--json');
    expect(up.code).toBe(0);
    const report = JSON.parse(up.stdout) as { members: Array<{ up: boolean; role: string }> };
    expect(report.members).toHaveLength(3);
    expect(report.members.filter((member) => member.role === 'leader')).toHaveLength(1);
    const last = cluster.members[2]!;
    await last.kill();
    try {
      const [down, gone] = await Promise.all([
        runCli(home, 'servers', `etcd://${etcd.endpoint}/`),
        runCli(home, 'servers', `etcd://${last.endpoint}/`, '--timeout', '2000'),
      ]);
      expect({ code: down.code, stderr: down.stderr }).toEqual({ code: 1, stderr: '' });
      expect(down.stdout).toMatch(/: 2 of 3 members up\n/);
      expect(down.stdout).toMatch(/\n {2}\S+ {2}\S+ {2}DOWN {2}\S/);
      expect(gone.code).toBe(2);
      expect(gone.stderr).toMatch(/^configdeck servers: .*unreachable.*\.\n$/);
    } finally {
      await last.start();
    }
  });

  it('names who watches a ZooKeeper path by session and address, after --yes', async () => {
    const watcher = await connectedZkClient(zk.connectString);
    try {
      await watcher.create('/cli-watched', Buffer.from('x'));
      await watcher.getData('/cli-watched', { watch: () => undefined });
      const source = `zk://${zk.connectString}/cli-watched`;
      const unconfirmed = await runCli(home, 'watchers', source);
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stderr).toMatch(
        /^configdeck watchers: .*\d+ watch.* Run again with --yes to list them\.\n$/,
      );
      const listed = await runCli(home, 'watchers', source, '--yes', '--json');
      expect(listed.code).toBe(0);
      const report = JSON.parse(listed.stdout) as { watchers: Array<Record<string, unknown>> };
      const session = `0x${watcher.sessionId.toString(16)}`;
      expect(report.watchers).toContainEqual(
        expect.objectContaining({
          sessionId: session,
          kind: 'data',
          client: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
        }),
      );
      const human = await runCli(home, 'watchers', source, '--yes');
      expect(human.stdout).toContain(`  ${session}  127.0.0.1:`);
    } finally {
      await watcher.close();
    }
  });
});
