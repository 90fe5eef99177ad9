// `npx tsx bench/zookeeper.clients.ts`: ZooKeeper clients side by side on one standalone server holding 100,000
// children of ~50 bytes (BENCH_CHILDREN): the two floors (node-zookeeper-client, the native C-client binding)
// and ConfigDeck's own client. Every line runs for every client in a fresh process (peak RSS is that case's own),
// through one small adapter interface and one in-flight window, so only the client differs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startZooKeeper } from '../test/servers/zookeeper.server.js';
import { timed } from './measure.js';
import { pipelined, seedZooKeeper } from './seed.js';
import {
  benchValue,
  IN_FLIGHT,
  LINES,
  MULTI_SIZE,
  VALUE_BYTES,
  type LineFigures,
  type LineName,
} from './zookeeper.clients.lines.js';
import { notes, renderTable, requestsPerSecond, type Column } from './zookeeper.clients.table.js';
import { createBenchClient } from './zk-clients/clients.js';
import { NodeZookeeperClientAdapter } from './zk-clients/node-zookeeper-client.adapter.js';
import { CLIENT_NAMES, FLOOR_NAMES, type ClientName } from './zk-clients/zk-bench-client.js';

const COUNT = Number(process.env.BENCH_CHILDREN ?? 100_000);
const CREATES = Number(process.env.BENCH_ZK_CREATES ?? 10_000);
const PARENT = '/bench-clients';
/** Each case runs this many times per client; the table shows the run with the median time. */
const ROUNDS = Number(process.env.BENCH_ZK_ROUNDS ?? 3);
/** A case that has not finished by then is stuck (a lost session, a missed callback), not slow. */
const CASE_TIMEOUT_MS = 10 * 60_000;

function runCase(client: ClientName, line: LineName, connectString: string, parent: string): LineFigures {
  const args = [client, line, connectString, parent, String(CREATES)];
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'zookeeper.clients.case.ts'), ...args],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: CASE_TIMEOUT_MS },
  );
  if (result.status !== 0) {
    const why = result.error?.message ?? `exit ${result.status ?? result.signal}`;
    throw new Error(`case ${client} ${line} failed (${why}):\n${result.stderr}`);
  }
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as LineFigures;
}

/** The run with the median wall time (its CPU and memory with it, so one row's figures belong together). */
function medianRun(runs: readonly LineFigures[]): LineFigures {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** What every client must have done, checked through the seeder so that no column is taken on its own word. */
function check(client: ClientName, line: LineName, figures: LineFigures, created: number): void {
  const expected = line === 'creates' ? CREATES : COUNT;
  const bytesOk = line !== 'values' || figures.bytes === COUNT * VALUE_BYTES;
  if (figures.items !== expected || created !== expected || !bytesOk) {
    throw new Error(`${client} ${line}: ${JSON.stringify(figures)}, ${created} nodes; expected ${expected}`);
  }
}

/**
 * A short session of the seeder. None is held across a case: spawnSync blocks this process's event loop, so a held
 * session would miss its pings and lose its connection, and the server serves only the client under test.
 */
async function withSeeder<T>(
  connectString: string,
  work: (seeder: NodeZookeeperClientAdapter) => Promise<T>,
) {
  const seeder = new NodeZookeeperClientAdapter();
  await seeder.connect(connectString);
  try {
    return await work(seeder);
  } finally {
    await seeder.close();
  }
}

/** Line d, for one client: under a fresh parent, counted and deleted afterwards (not timed). */
async function createsCase(client: ClientName, connectString: string) {
  const parent = `${PARENT}-creates-${client}`;
  await withSeeder(connectString, (seeder) => seeder.create(parent, Buffer.alloc(0)));
  const figures = runCase(client, 'creates', connectString, parent);
  const created = await withSeeder(connectString, async (seeder) => {
    const names = await seeder.children(parent);
    await pipelined(names.length, IN_FLIGHT, (i) => seeder.remove(`${parent}/${names[i]!}`));
    await seeder.remove(parent);
    return names.length;
  });
  return { figures, created };
}

async function main(): Promise<void> {
  const zk = await startZooKeeper();
  try {
    const seeded = await timed(() => seedZooKeeper(zk.connectString, PARENT, COUNT, benchValue));
    console.log(
      `seeded ${COUNT} children of ${VALUE_BYTES} B under ${PARENT} in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    // One untimed read of everything, so the server's JIT and caches are as warm for the first client as the last.
    await withSeeder(zk.connectString, async (seeder) => {
      const names = await seeder.children(PARENT);
      await pipelined(names.length, IN_FLIGHT, (i) =>
        seeder.getData(`${PARENT}/${names[i]!}`).then(() => {}),
      );
    });

    const columns: Column[] = CLIENT_NAMES.map((name) => ({
      name,
      label: createBenchClient(name).label,
      floor: FLOOR_NAMES.includes(name),
    }));
    const results = new Map<LineName, Map<ClientName, LineFigures>>();
    for (const { name: line, label } of LINES) {
      const runs = new Map<ClientName, LineFigures[]>(columns.map(({ name }) => [name, []]));
      // Rounds interleave the clients, so that a slow spell of the shared machine hits every column alike.
      for (let round = 0; round < ROUNDS; round++) {
        for (const { name: client } of columns) {
          const { figures, created } =
            line === 'creates'
              ? await createsCase(client, zk.connectString)
              : { figures: runCase(client, line, zk.connectString, PARENT), created: COUNT };
          check(client, line, figures, created);
          runs.get(client)!.push(figures);
          process.stderr.write(`  ${label}, ${client}, round ${round + 1}: ${figures.ms.toFixed(1)} ms\n`);
        }
      }
      const row = new Map<ClientName, LineFigures>();
      for (const [client, figures] of runs) row.set(client, medianRun(figures));
      results.set(line, row);
    }

    console.log(
      `\nZooKeeper clients: ${COUNT} children of ${VALUE_BYTES} B under ${PARENT}; ${IN_FLIGHT} requests in ` +
        `flight on b, c, d; d = ${CREATES} creates in multis of ${MULTI_SIZE}, each case in a fresh process, ` +
        `median of ${ROUNDS} rounds`,
    );
    for (const text of renderTable(columns, results)) console.log(text);
    console.log(requestsPerSecond(columns, results));
    for (const text of notes(columns, results)) console.log(text);
  } finally {
    await zk.stop();
  }
}

await main();
