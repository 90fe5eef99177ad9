// `npx tsx bench/watch.ts`: 1,000 changes a second for 30 s, made by a separate process, into a watched
// ZooKeeper subtree and a watched etcd prefix, with the Watch tab open in Chromium (`npm run web`). Measured
// in the page: the events it received, the latency from each write to the moment its row is drawn (p50,
// p99), the events lost; the main (host) process's memory at the start and the end; and, as the floor in
// the same run, a bare client watching the same subtree (etcd3's watch; a persistent recursive ZooKeeper
// watch with a read per event), from the same write to its arrival. BENCH_WATCH_RATE, BENCH_WATCH_SECONDS.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { connectedZkClient } from '../test/integration/support/zk-client.js';
import { startEtcd } from '../test/servers/etcd.server.js';
import { startZooKeeper } from '../test/servers/zookeeper.server.js';
import { openConsole } from '../test/e2e/support/console-page.js';
import { connect } from '../test/e2e/support/page-helpers.js';
import { etcdFloor, zooKeeperFloor, type FloorWatch } from './watch.floor.js';
import { newestSeq, renderMarks, shownTotal, startRenderMarks, type RenderMarks } from './watch.page.js';
import { WRITER_NODES, writerNodePath } from './watch.writer.js';

const RATE = Number(process.env.BENCH_WATCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_WATCH_SECONDS ?? 30);
const ROOT = '/bench-watch';
const REPO = join(import.meta.dirname, '..');

interface WriterReport {
  written: number;
  failed: number;
  seconds: number;
  sentAt: number[];
}

interface StoreRun {
  store: string;
  writer: WriterReport;
  received: number;
  page: Latency;
  floor: Latency;
  rssStartMb: number;
  /** When the rings first hold 20,000 events (20 s in at 1,000/s): from here on memory should stay flat. */
  rssRingFullMb: number;
  rssEndMb: number;
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
  /** Writes whose arrival was never seen. */
  missing: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function latency(sentAt: readonly number[], arrival: (i: number) => number | null): Latency {
  const delays: number[] = [];
  let missing = 0;
  for (const [i, sent] of sentAt.entries()) {
    const at = arrival(i);
    if (at === null) missing += 1;
    else delays.push(Math.max(0, at - sent));
  }
  delays.sort((a, b) => a - b);
  return {
    p50: percentile(delays, 50),
    p99: percentile(delays, 99),
    max: delays.at(-1) ?? Number.NaN,
    missing,
  };
}

/**
 * When write `i` was drawn: the first mark whose newest row is at or past its event. The n-th event of the
 * stream after `baseSeq` is the n-th write (each write is one change, in the store's order).
 */
function pageArrival(marks: RenderMarks, baseSeq: number): (i: number) => number | null {
  let cursor = 0;
  return (i) => {
    const seq = baseSeq + i + 1;
    while (cursor < marks.length && marks[cursor]![1] < seq) cursor += 1;
    return cursor < marks.length ? marks[cursor]![0] : null;
  };
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
}

function runWriter(kind: string, endpoint: string): Promise<WriterReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO, 'bench', 'watch.writer.ts'),
        kind,
        endpoint,
        ROOT,
        String(RATE),
        String(SECONDS),
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as WriterReport);
      else reject(new Error(`the writer exited with ${code}`));
    });
  });
}

async function watchInPage(page: Page, connection: string): Promise<void> {
  await connect(page, connection);
  await page.getByTestId('watch-tab').click();
  await page.getByTestId('watch-path').fill(ROOT);
  await page.getByTestId('watch-start').click();
  await page
    .locator(`[data-testid=stream-pane][data-path="${ROOT}"] [data-testid=stream-state][data-state=running]`)
    .waitFor();
}

async function measure(
  store: string,
  kind: string,
  endpoint: string,
  profile: object,
  floor: () => Promise<FloorWatch>,
): Promise<StoreRun> {
  const ui = await openConsole([profile], { width: 1400, height: 850 });
  try {
    await watchInPage(ui.page, (profile as { name: string }).name);
    const bare = await floor();
    await startRenderMarks(ui.page);
    const baseSeq = await newestSeq(ui.page);
    const baseTotal = await shownTotal(ui.page);
    const rssStartMb = await rssMb(ui.app.pid);
    const ringFullMs = (20_000 / RATE) * 1000;
    let rssRingFullMb = Number.NaN;
    const ringFull = setTimeout(() => {
      rssMb(ui.app.pid).then(
        (mb) => (rssRingFullMb = mb),
        () => undefined,
      );
    }, ringFullMs);
    const writer = await runWriter(kind, endpoint);
    clearTimeout(ringFull);
    // Everything written has arrived, or nothing more comes for 10 s.
    let received = (await shownTotal(ui.page)) - baseTotal;
    for (let idle = 0; received < writer.written && idle < 100; idle++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = (await shownTotal(ui.page)) - baseTotal;
      if (now > received) idle = 0;
      received = now;
    }
    const marks = await renderMarks(ui.page);
    const rssEndMb = await rssMb(ui.app.pid);
    await bare.stop();
    return {
      store,
      writer,
      received,
      page: latency(writer.sentAt, pageArrival(marks, baseSeq)),
      floor: latency(writer.sentAt, (i) => bare.arrivals.get(i) ?? null),
      rssStartMb,
      rssRingFullMb,
      rssEndMb,
    };
  } finally {
    await ui.close();
  }
}

function printRuns(runs: readonly StoreRun[]): void {
  const ms = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0)).padStart(7);
  console.log(
    `\nwatch: ${RATE} changes/s for ${SECONDS} s by a separate process into a watched subtree, rows drawn in Chromium`,
  );
  console.log(
    `${'store'.padEnd(10)} ${'written'.padStart(8)} ${'received'.padStart(9)} ${'lost'.padStart(5)}` +
      ` ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)}` +
      ` ${'floor p50'.padStart(9)} ${'floor p99'.padStart(9)} ${'p99 ×'.padStart(6)}   main RSS start → ring full → end`,
  );
  for (const run of runs) {
    const lost = run.writer.written - run.received;
    const ratio = run.page.p99 / Math.max(1, run.floor.p99);
    console.log(
      `${run.store.padEnd(10)} ${String(run.writer.written).padStart(8)} ${String(run.received).padStart(9)}` +
        ` ${String(lost).padStart(5)} ${ms(run.page.p50)} ${ms(run.page.p99)} ${ms(run.page.max)}` +
        ` ${ms(run.floor.p50).padStart(9)} ${ms(run.floor.p99).padStart(9)} ${ratio.toFixed(2).padStart(6)}` +
        `   ${run.rssStartMb.toFixed(0)} → ${run.rssRingFullMb.toFixed(0)} → ${run.rssEndMb.toFixed(0)} MiB` +
        (run.writer.failed > 0 ? `  (${run.writer.failed} writes failed)` : '') +
        (run.page.missing > 0 ? `  (${run.page.missing} rows never drawn)` : ''),
    );
  }
  console.log(
    'target: p99 under 200 ms, nothing lost on etcd, main-process memory flat (the rings hold 20,000 events).',
  );
}

async function main(): Promise<void> {
  const [zk, etcd] = await Promise.all([startZooKeeper(), startEtcd()]);
  try {
    const seed = await connectedZkClient(zk.connectString);
    await seed.create(ROOT, Buffer.alloc(0));
    await Promise.all(
      Array.from({ length: WRITER_NODES }, (_, i) => seed.create(writerNodePath(ROOT, i), Buffer.from('{}'))),
    );
    await seed.close();
    const runs = [
      await measure(
        'ZooKeeper',
        'zookeeper',
        zk.connectString,
        { name: 'zk bench', kind: 'zookeeper', endpoints: [zk.connectString] },
        () => zooKeeperFloor(zk.connectString, ROOT),
      ),
      await measure(
        'etcd',
        'etcd',
        etcd.endpoint,
        { name: 'etcd bench', kind: 'etcd', endpoints: [etcd.endpoint] },
        () => etcdFloor(etcd.endpoint, ROOT),
      ),
    ];
    printRuns(runs);
  } finally {
    await Promise.allSettled([zk.stop(), etcd.stop()]);
  }
}

await main();
process.exit(0);
