// `npm run bench`: seeds 100,000 children under one ZooKeeper node and 100,000 etcd keys under one prefix on
// real local servers, then prints each figure through the contract beside the bare client loop (the floor).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startConsul } from '../test/servers/consul.server.js';
import { startEtcd } from '../test/servers/etcd.server.js';
import { startNacos } from '../test/servers/nacos.server.js';
import { startZooKeeper } from '../test/servers/zookeeper.server.js';
import type { CaseResult } from './measure.js';
import { seedConsul, seedEtcd, seedNacos, seedZooKeeper } from './seed.js';

const COUNT = Number(process.env.BENCH_CHILDREN ?? 100_000);
const PARENT = '/bench';
const NACOS_COUNT = Number(process.env.BENCH_NACOS_CONFIGS ?? 5_000);
const NACOS_GROUP = 'BENCH';
const NACOS_PARENT = `/public/${NACOS_GROUP}`;
const STORES = ['zookeeper', 'etcd', 'consul', 'nacos'] as const;
type Store = (typeof STORES)[number];

/** `--store etcd --store consul` (or `--store etcd,consul`) runs only those stores; default: all four. */
function selectedStores(argv: readonly string[]): ReadonlySet<Store> {
  const named: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--store' && argv[i + 1] !== undefined) named.push(...argv[++i]!.split(','));
    else if (argv[i]!.startsWith('--store=')) named.push(...argv[i]!.slice('--store='.length).split(','));
  }
  const unknown = named.filter((name) => !(STORES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`unknown store ${unknown.join(', ')} (one of ${STORES.join(', ')})`);
  return new Set(named.length === 0 ? STORES : (named as Store[]));
}
const stores = selectedStores(process.argv.slice(2));

/**
 * Both cases run as compiled JavaScript under plain node, as the app's main process does (tsc output, no
 * loader): under tsx every loaded module carries its transform's cost, which charges the contract for its
 * ~320 modules and the floor for almost none — a difference no user ever sees.
 */
const COMPILED = join(import.meta.dirname, '..', '.cache', 'bench-js', 'bench');
function compileCases(): void {
  const tsc = spawnSync('npx', ['tsc', '-p', join(import.meta.dirname, '..', 'tsconfig.bench.json')], {
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(`compiling the bench cases failed:\n${tsc.stdout}${tsc.stderr}`);
}

function runCase(file: string, kind: string, endpoint: string, parent: string): CaseResult {
  const result = spawnSync(
    process.execPath,
    [join(COMPILED, file.replace(/\.ts$/, '.js')), kind, endpoint, parent],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`${file} ${kind} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as CaseResult;
}

function row(label: string, contract: number, floor: number, unit: string): string {
  const ratio = floor > 0 ? (contract / floor).toFixed(2) : 'n/a';
  return `${label.padEnd(34)} ${contract.toFixed(1).padStart(10)} ${unit.padEnd(3)} ${floor.toFixed(1).padStart(10)} ${unit.padEnd(3)} ${ratio.padStart(7)}x`;
}

function report(kind: string, parent: string, contract: CaseResult, floor: CaseResult): void {
  console.log(`\n${kind}: ${contract.children} children under ${parent} (floor listed ${floor.children})`);
  console.log(
    `${''.padEnd(34)} ${'contract'.padStart(14)} ${'bare client'.padStart(14)} ${'ratio'.padStart(8)}`,
  );
  console.log(row('first page (500 children)', contract.firstPageMs, floor.firstPageMs, 'ms'));
  console.log(row('list all children', contract.listAllMs, floor.listAllMs, 'ms'));
  console.log(row('peak memory of the process', contract.peakRssMb, floor.peakRssMb, 'MiB'));
}

compileCases();
const zk = stores.has('zookeeper') ? await startZooKeeper() : null;
const etcd = stores.has('etcd') ? await startEtcd() : null;
const consul = stores.has('consul') ? await startConsul() : null;
const nacos = stores.has('nacos') ? await startNacos() : null;
try {
  let started = performance.now();
  if (zk) {
    await seedZooKeeper(zk.connectString, PARENT, COUNT);
    console.log(
      `seeded ${COUNT} ZooKeeper children in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  started = performance.now();
  if (etcd) {
    await seedEtcd(etcd.endpoint, PARENT, COUNT);
    console.log(`seeded ${COUNT} etcd keys in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  started = performance.now();
  if (consul) {
    await seedConsul(consul.endpoint, PARENT, COUNT);
    console.log(`seeded ${COUNT} Consul keys in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  started = performance.now();
  if (nacos) {
    await seedNacos(nacos.endpoint, NACOS_GROUP, NACOS_COUNT);
    console.log(
      `seeded ${NACOS_COUNT} Nacos configs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  const cases: Array<readonly [Store, string, string]> = [];
  if (zk) cases.push(['zookeeper', zk.connectString, PARENT]);
  if (etcd) cases.push(['etcd', etcd.endpoint, PARENT]);
  if (consul) cases.push(['consul', consul.endpoint, PARENT]);
  if (nacos) cases.push(['nacos', nacos.endpoint, NACOS_PARENT]);
  for (const [kind, endpoint, parent] of cases) {
    // Floor first, then contract, each in a fresh process so peak memory is the case's own.
    const floor = runCase('case.floor.ts', kind, endpoint, parent);
    const contract = runCase('case.contract.ts', kind, endpoint, parent);
    report(kind, parent, contract, floor);
  }
} finally {
  await zk?.stop();
  await etcd?.stop();
  await consul?.stop();
  await nacos?.stop();
}
