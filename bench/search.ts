// `npx tsx bench/search.ts`: value search with a regex over 100,000 etcd keys and 100,000 ZooKeeper znodes
// (100 folders of 1,000, JSON-ish values) through the contract (search.start → the final search.progress),
// beside the floor: a bare client reading the same tree with the same regex (etcd: etcd3 range pages of
// 1,000; ZooKeeper: node-zookeeper-client from the bench floors cache walking the tree pipelined, 256 in
// flight). Each case runs in a fresh process so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Etcd3 } from 'etcd3';
import type { SearchProgress } from '../shared/model/search.js';
import { createCore } from '../electron/core/core.js';
import { startEtcd } from '../test/servers/etcd.server.js';
import { startZooKeeper } from '../test/servers/zookeeper.server.js';
import { peakRssMb, timed } from './measure.js';
import { childName, pipelined } from './seed.js';
import { NodeZookeeperClientAdapter } from './zk-clients/node-zookeeper-client.adapter.js';

const COUNT = Number(process.env.BENCH_SEARCH_KEYS ?? 100_000);
const FOLDERS = 100;
const ROOT = '/bench-search';
/** About one value in a hundred matches (`svc-…42.internal`). */
const PATTERN = '"host":"svc-\\d*42\\.internal"';
const PAGE = 1000;

interface Figures {
  ms: number;
  scanned: number;
  matches: number;
  peakRssMb: number;
}

const folderOf = (i: number): string => `${ROOT}/g-${String(i % FOLDERS).padStart(3, '0')}`;
const pathOf = (i: number): string => `${folderOf(i)}/${childName(i)}`;
const valueOf = (i: number): Buffer =>
  Buffer.from(
    JSON.stringify({
      i,
      host: `svc-${i}.internal`,
      port: 8000 + (i % 1000),
      tags: ['blue', 'green'],
      on: i % 2 === 0,
    }),
  );

async function seedZooKeeper(connectString: string): Promise<void> {
  const client = new NodeZookeeperClientAdapter();
  await client.connect(connectString);
  await client.createIfAbsent(ROOT, Buffer.alloc(0));
  for (let f = 0; f < FOLDERS; f++) await client.createIfAbsent(folderOf(f), Buffer.alloc(0));
  await pipelined(COUNT, 512, (i) => client.createIfAbsent(pathOf(i), valueOf(i)));
  await client.close();
}

async function seedEtcd(endpoint: string): Promise<void> {
  const client = new Etcd3({ hosts: `http://${endpoint}` });
  const batch = 100; // etcd's default limit is 128 operations per txn
  await pipelined(Math.ceil(COUNT / batch), 8, async (b) => {
    const success = [];
    for (let i = b * batch; i < Math.min(COUNT, (b + 1) * batch); i += 1) {
      success.push({ request_put: { key: Buffer.from(pathOf(i)), value: valueOf(i) } });
    }
    await client.kv.txn({ success });
  });
  client.close();
}

/** etcd3 range pages of PAGE keys over the subtree, each value tested with the regex. */
async function etcdFloor(endpoint: string): Promise<Omit<Figures, 'ms' | 'peakRssMb'>> {
  const client = new Etcd3({ hosts: `http://${endpoint}` });
  const regex = new RegExp(PATTERN, 'iu');
  const end = Buffer.from(`${ROOT}0`); // '/' + 1: the end of every `${ROOT}/…` key
  let from = Buffer.from(`${ROOT}/`);
  let scanned = 0;
  let matches = 0;
  for (;;) {
    const response = await client.kv.range({ key: from, range_end: end, limit: PAGE });
    for (const kv of response.kvs) {
      scanned += 1;
      if (regex.test(kv.value.toString('utf8'))) matches += 1;
    }
    const last = response.kvs.at(-1);
    if (!response.more || last === undefined) break;
    from = Buffer.concat([last.key, Buffer.from([0])]);
  }
  client.close();
  return { scanned, matches };
}

/** node-zookeeper-client walking the tree: children level by level, every value read pipelined. */
async function zooKeeperFloor(connectString: string): Promise<Omit<Figures, 'ms' | 'peakRssMb'>> {
  const client = new NodeZookeeperClientAdapter();
  await client.connect(connectString);
  const regex = new RegExp(PATTERN, 'iu');
  const folders = (await client.children(ROOT)).map((name) => `${ROOT}/${name}`);
  const listed = new Array<string[]>(folders.length);
  await pipelined(folders.length, 256, async (f) => {
    listed[f] = (await client.children(folders[f]!)).map((name) => `${folders[f]!}/${name}`);
  });
  const paths = listed.flat();
  let matches = 0;
  await pipelined(paths.length, 256, async (i) => {
    if (regex.test((await client.getData(paths[i]!)).toString('utf8'))) matches += 1;
  });
  await client.close();
  return { scanned: folders.length + paths.length, matches };
}

/** The contract as the Search tab drives it: save a connection, start the search, wait for its last event. */
async function contractSearch(kind: 'zookeeper' | 'etcd', endpoint: string): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-bench-search-'));
  const core = await createCore({ dataDir, transport: 'browser', version: 'bench' });
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const outcome = await core.dispatch(method as never, input, 'bench');
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
    return outcome.result;
  };
  const { id } = (await call('connections.save', {
    name: kind,
    kind,
    endpoints: [endpoint],
    sessionTimeoutMs: 30000,
  })) as { id: string };
  await call('connections.open', { id }); // connect outside the timing, as the floors do
  const { ms, value } = await timed(
    () =>
      new Promise<SearchProgress>((resolve, reject) => {
        let searchId: string | null = null;
        let last: SearchProgress | null = null;
        core.onEvent((event, payload) => {
          if (event !== 'search.progress') return;
          const progress = payload as SearchProgress;
          if (progress.state === 'running') return;
          if (searchId === null) last = progress;
          else if (progress.searchId === searchId) resolve(progress);
        });
        call('search.start', {
          source: { type: 'connection', connectionId: id, path: ROOT },
          value: { mode: 'regex', text: PATTERN },
        }).then((started) => {
          searchId = (started as { searchId: string }).searchId;
          if (last !== null) resolve(last);
        }, reject);
      }),
  );
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
  if (value.state !== 'done') throw new Error(`the search ended ${value.state}: ${value.error?.message}`);
  return { ms, scanned: value.scanned, matches: value.matched, peakRssMb: peakRssMb() };
}

async function runCase(name: string, endpoint: string): Promise<Figures> {
  if (name === 'search-etcd') return contractSearch('etcd', endpoint);
  if (name === 'search-zookeeper') return contractSearch('zookeeper', endpoint);
  const floor = name === 'floor-etcd' ? etcdFloor : zooKeeperFloor;
  const { ms, value } = await timed(() => floor(endpoint));
  return { ms, ...value, peakRssMb: peakRssMb() };
}

function spawnCase(name: string, endpoint: string): Figures {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), name, endpoint],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`case ${name} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Figures;
}

function row(label: string, figures: Figures, floor: Figures | null): string {
  const seconds = `${(figures.ms / 1000).toFixed(2)} s`;
  const ratio = floor === null ? '' : `${(figures.ms / floor.ms).toFixed(2)}x`;
  return [
    label.padEnd(44),
    seconds.padStart(9),
    ratio.padStart(7),
    String(figures.matches).padStart(8),
    String(figures.scanned).padStart(8),
    `${figures.peakRssMb.toFixed(0)} MiB`.padStart(9),
  ].join(' ');
}

function report(store: string, search: Figures, floor: Figures): void {
  console.log(
    `\n${store}: value regex /${PATTERN}/ over ${COUNT} keys in ${FOLDERS} folders (target ≤ 1.5x)`,
  );
  console.log(
    `${''.padEnd(44)} ${'time'.padStart(9)} ${'ratio'.padStart(7)} ${'matches'.padStart(8)} ${'scanned'.padStart(8)} ${'peak RSS'.padStart(9)}`,
  );
  console.log(row('search through the contract', search, floor));
  console.log(row('floor: bare client scan, same regex', floor, null));
}

async function main(): Promise<void> {
  const zk = await startZooKeeper();
  const etcd = await startEtcd();
  try {
    const { ms } = await timed(() => Promise.all([seedZooKeeper(zk.connectString), seedEtcd(etcd.endpoint)]));
    console.log(`seeded ${COUNT} znodes and ${COUNT} etcd keys in ${(ms / 1000).toFixed(1)} s`);
    // Floor first, then the contract, each in a fresh process.
    const etcdFloorFigures = spawnCase('floor-etcd', etcd.endpoint);
    report('etcd', spawnCase('search-etcd', etcd.endpoint), etcdFloorFigures);
    const zkFloorFigures = spawnCase('floor-zookeeper', zk.connectString);
    report('ZooKeeper', spawnCase('search-zookeeper', zk.connectString), zkFloorFigures);
  } finally {
    await zk.stop();
    await etcd.stop();
  }
}

const [caseName, endpointArg] = process.argv.slice(2);
if (caseName !== undefined && endpointArg !== undefined) {
  process.stdout.write(`${JSON.stringify(await runCase(caseName, endpointArg))}\n`);
} else {
  await main();
}
