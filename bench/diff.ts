// `npx tsx bench/diff.ts`: diff of 100,000 ZooKeeper znodes against 100,000 etcd keys (same values) through the
// engine, beside the floor: the same data read by bare client loops (ZooKeeper getChildren + pipelined getData,
// etcd paged range reads), each case in a fresh process so its peak memory is its own. A last row diffs the etcd
// keys against the same 100,000 keys in Consul (its bulk scan: one key listing, values in read-only txns).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Etcd3 } from 'etcd3';
import { createEtcdDriver } from '../electron/core/backends/etcd/etcd.driver.js';
import { createConsulDriver } from '../electron/core/backends/consul/consul.driver.js';
import { consulProfile, startConsul } from '../test/servers/consul.server.js';
import { createZooKeeperDriver } from '../electron/core/backends/zookeeper/zookeeper.driver.js';
import { SessionSource } from '../electron/core/sources/session.source.js';
import { canScanSubtree } from '../electron/core/backends/subtree.scan.js';
import { diffSources } from '../electron/core/sync/diff.engine.js';
import { etcdProfile, startEtcd } from '../test/servers/etcd.server.js';
import { startZooKeeper, zooKeeperProfile } from '../test/servers/zookeeper.server.js';
import { peakRssMb, timed } from './measure.js';
import { pipelined, seedConsul, seedEtcd, seedZooKeeper } from './seed.js';
import { NodeZookeeperClientAdapter } from './zk-clients/node-zookeeper-client.adapter.js';

const COUNT = Number(process.env.BENCH_DIFF_KEYS ?? 100_000);
const ROOT = '/bench-diff';

interface Figures {
  ms: number;
  keys: number;
  peakRssMb: number;
  /** Heap still used after a full GC while the result is held: what the diff keeps. */
  retainedMb?: number;
  note?: string;
}

/** Heap in use after a full collection (the case runs with --expose-gc). */
function retainedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** node-zookeeper-client from the bench floors cache: getChildren, then every value pipelined. */
async function zooKeeperFloor(connectString: string): Promise<number> {
  const client = new NodeZookeeperClientAdapter();
  await client.connect(connectString);
  const names = await client.children(ROOT);
  await pipelined(names.length, 256, async (i) => {
    await client.getData(`${ROOT}/${names[i]!}`);
  });
  await client.close();
  return names.length;
}

async function etcdFloor(endpoint: string): Promise<number> {
  const client = new Etcd3({ hosts: `http://${endpoint}` });
  const end = Buffer.from(`${ROOT}0`); // '/' + 1: the end of every `${ROOT}/…` key
  let from = Buffer.from(`${ROOT}/`);
  let count = 0;
  for (;;) {
    const response = await client.kv.range({ key: from, range_end: end, limit: 1000 });
    count += response.kvs.length;
    const last = response.kvs.at(-1);
    if (!response.more || last === undefined) break;
    from = Buffer.concat([last.key, Buffer.from([0])]);
  }
  client.close();
  return count;
}

async function consulCase(etcd: string, consul: string): Promise<Figures> {
  const ep = etcdProfile([etcd], { sessionTimeoutMs: 30000 });
  const cp = consulProfile([consul], { sessionTimeoutMs: 30000 });
  const [es, cs] = await Promise.all([createEtcdDriver().connect(ep), createConsulDriver().connect(cp)]);
  const left = new SessionSource({ label: `etcd://${etcd}${ROOT}`, profile: ep, session: es, root: ROOT });
  const right = new SessionSource({
    label: `consul://${consul}${ROOT}`,
    profile: cp,
    session: cs,
    root: ROOT,
  });
  const { ms, value } = await timed(() => diffSources(left, right));
  await Promise.all([es.close(), cs.close()]);
  const { same, changed, onlyLeft, onlyRight } = value.summary;
  const note = `${same} same, ${changed} changed, ${onlyLeft}+${onlyRight} one-sided`;
  return { ms, keys: value.entries.length * 2, peakRssMb: peakRssMb(), note };
}

async function runCase(name: string, zk: string, etcd: string, consul: string): Promise<Figures> {
  if (name === 'diff-consul') return consulCase(etcd, consul);
  if (name === 'floor') {
    const { ms, value } = await timed(() => Promise.all([zooKeeperFloor(zk), etcdFloor(etcd)]));
    return { ms, keys: value[0] + value[1], peakRssMb: peakRssMb() };
  }
  if (name === 'floor-zookeeper' || name === 'floor-etcd') {
    const { ms, value } = await timed(() => (name === 'floor-etcd' ? etcdFloor(etcd) : zooKeeperFloor(zk)));
    return { ms, keys: value, peakRssMb: peakRssMb() };
  }
  const zp = zooKeeperProfile(zk, { sessionTimeoutMs: 30000 });
  const ep = etcdProfile([etcd], { sessionTimeoutMs: 30000 });
  const [zs, es] = await Promise.all([createZooKeeperDriver().connect(zp), createEtcdDriver().connect(ep)]);
  const left = new SessionSource({ label: `zk://${zk}${ROOT}`, profile: zp, session: zs, root: ROOT });
  const right = new SessionSource({ label: `etcd://${etcd}${ROOT}`, profile: ep, session: es, root: ROOT });
  const { ms, value } = await timed(() => diffSources(left, right));
  const retained = retainedMb();
  await Promise.all([zs.close(), es.close()]);
  const { same, changed, onlyLeft, onlyRight } = value.summary;
  const path = canScanSubtree(zs) && canScanSubtree(es) ? 'bulk scan' : 'listChildren + get';
  const note = `${same} same, ${changed} changed, ${onlyLeft}+${onlyRight} one-sided; drivers read by ${path}`;
  return { ms, keys: value.entries.length * 2, peakRssMb: peakRssMb(), retainedMb: retained, note };
}

function spawnCase(name: string, zk: string, etcd: string, consul = ''): Figures {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), name, zk, etcd, consul],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`case ${name} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Figures;
}

function row(label: string, figures: Figures): string {
  const seconds = `${(figures.ms / 1000).toFixed(2)} s`;
  return `${label.padEnd(44)} ${seconds.padStart(9)} ${`${figures.peakRssMb.toFixed(0)} MiB`.padStart(9)}`;
}

async function main(): Promise<void> {
  const zk = await startZooKeeper();
  const etcd = await startEtcd();
  const consul = await startConsul();
  try {
    const { ms } = await timed(() =>
      Promise.all([
        seedZooKeeper(zk.connectString, ROOT, COUNT),
        seedEtcd(etcd.endpoint, ROOT, COUNT),
        seedConsul(consul.endpoint, ROOT, COUNT),
      ]),
    );
    console.log(
      `seeded ${COUNT} znodes, ${COUNT} etcd keys and ${COUNT} Consul keys in ${(ms / 1000).toFixed(1)} s`,
    );
    console.log(`${''.padEnd(44)} ${'time'.padStart(9)} ${'peak RSS'.padStart(9)}`);
    const diff = spawnCase('diff', zk.connectString, etcd.endpoint);
    console.log(row(`diff ${COUNT} vs ${COUNT} (ZooKeeper vs etcd)`, diff));
    console.log(
      row('floor: both bare client reads at once', spawnCase('floor', zk.connectString, etcd.endpoint)),
    );
    console.log(
      row(
        'floor: ZooKeeper getChildren + getData',
        spawnCase('floor-zookeeper', zk.connectString, etcd.endpoint),
      ),
    );
    console.log(
      row('floor: etcd paged range reads', spawnCase('floor-etcd', zk.connectString, etcd.endpoint)),
    );
    console.log(`(${diff.note}; heap held after the diff: ${diff.retainedMb?.toFixed(0)} MiB)`);
    const consulDiff = spawnCase('diff-consul', zk.connectString, etcd.endpoint, consul.endpoint);
    console.log(row(`diff ${COUNT} vs ${COUNT} (etcd vs Consul)`, consulDiff));
  } finally {
    await zk.stop();
    await etcd.stop();
    await consul.stop();
  }
}

const [caseName, zkArg, etcdArg, consulArg = ''] = process.argv.slice(2);
if (caseName !== undefined && zkArg !== undefined && etcdArg !== undefined) {
  process.stdout.write(`${JSON.stringify(await runCase(caseName, zkArg, etcdArg, consulArg))}\n`);
} else {
  await main();
}
