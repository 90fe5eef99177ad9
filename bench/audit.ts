// `npm run bench` (audit): writes a realistic log of 1,000,000 entries (BENCH_AUDIT_ENTRIES) over 30 days into
// files rotated at 64 MiB, then measures, each in a fresh process: building the index from the log, loading
// it from audit.index, and the audit centre's queries (median of several runs) beside the issue's targets and
// a floor measured in the same run (the same entries' lines read by offset without any filtering, plus a
// bare scan of one index column for the filtered queries), and the process's memory with the index loaded.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditQuery } from '../shared/model/audit.js';
import { AuditStore } from '../electron/core/audit/audit.store.js';
import { AuditLogNames } from '../electron/core/audit/audit.files.js';
import { loadAuditIndex } from '../electron/core/audit/audit.index.file.js';
import { readIndexedLines } from '../electron/core/audit/audit.index.read.js';
import { scanLogFile } from '../electron/core/audit/audit.scan.js';
import { timed } from './measure.js';
import { writeBenchLog, type BenchLog } from './audit.log.js';

const COUNT = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const RUNS = 7;
const PAGE = 200;
const DAY = 86_400_000;

interface BuildFigures {
  buildMs: number;
  /** Floor of the build: read every file and JSON.parse every line, keeping nothing. */
  parseAllMs: number;
  /** Recomputing the whole chain (what the UI's verify shows progress for). */
  verifyMs: number;
  rssMb: number;
}

interface QueryFigure {
  label: string;
  ms: number;
  floorMs: number;
  targetMs: number;
  matched: number;
}

interface QueryFigures {
  loadMs: number;
  rssMb: number;
  heapMb: number;
  queries: QueryFigure[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function medianOf(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up (JIT, page cache)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push((await timed(run)).ms);
  return median(times);
}

async function buildCase(file: string): Promise<BuildFigures> {
  const store = new AuditStore(file);
  const { ms: buildMs } = await timed(() => store.list({ limit: 1 }));
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const files = await new AuditLogNames(file).list();
  const { ms: parseAllMs } = await timed(async () => {
    for (const { path } of files) {
      await scanLogFile(path, 0, ({ chunk, start, end }) => {
        JSON.parse(chunk.toString('utf8', start, end));
      });
    }
  });
  const { ms: verifyMs, value: verified } = await timed(() => store.verify());
  if (!verified.ok) throw new Error(`the bench log does not verify: ${JSON.stringify(verified.firstBroken)}`);
  return { buildMs, parseAllMs, verifyMs, rssMb };
}

async function queryCase(file: string, log: BenchLog): Promise<QueryFigures> {
  const store = new AuditStore(file);
  const { ms: loadMs } = await timed(() => store.list({ limit: 1 }));
  global.gc?.();
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  // The floor's own copy of the columns (loaded after the memory figure, so it is not counted there).
  const names = new AuditLogNames(file);
  const index = (await loadAuditIndex(names.indexPath))!;
  const since = new Date(log.start + 10 * DAY).toISOString();
  const until = new Date(log.start + 13 * DAY).toISOString();
  const cases: Array<{ label: string; query: AuditQuery; targetMs: number; column: boolean }> = [
    { label: `first page of all (${PAGE})`, query: { limit: PAGE }, targetMs: 100, column: false },
    {
      label: `path prefix ${log.pathPrefix}`,
      query: { pathPrefix: log.pathPrefix, limit: PAGE },
      targetMs: 500,
      column: true,
    },
    {
      label: `connection ${log.connectionName} + 3 days`,
      query: { connectionName: log.connectionName, since, until, limit: PAGE },
      targetMs: 500,
      column: true,
    },
    {
      label: 'path substring "timeout"',
      query: { pathContains: 'timeout', limit: PAGE },
      targetMs: 500,
      column: true,
    },
    {
      label: 'prod + refused + one user, page 2',
      query: { environment: 'prod', outcome: 'refused', user: 'user3', offset: PAGE, limit: PAGE },
      targetMs: 500,
      column: true,
    },
  ];
  const queries: QueryFigure[] = [];
  for (const { label, query, targetMs, column } of cases) {
    const page = await store.list(query);
    const ms = await medianOf(() => store.list(query));
    const rows = page.entries.map((entry) => index.rowOf(entry.seq));
    const connection = index.dictionaries.connectionName.find(log.connectionName);
    const floorMs = await medianOf(async () => {
      // A bare scan of one column over every entry (what any filter must at least touch)…
      if (column) {
        let hits = 0;
        const names = index.connectionName;
        for (let row = index.rows - 1; row >= 0; row -= 1) if (names[row] === connection) hits += 1;
        if (hits < 0) throw new Error('unreachable');
      }
      // …and the page's own lines read by offset and parsed, nothing filtered or validated.
      for (const text of await readIndexedLines(index, rows, (n) => names.path(n))) JSON.parse(text);
    });
    queries.push({ label, ms, floorMs, targetMs, matched: page.matched });
  }
  return { loadMs, rssMb, heapMb, queries };
}

function spawnCase(name: string, dir: string, log: BenchLog): unknown {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), name, dir, JSON.stringify(log)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`case ${name} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

const ms = (value: number): string =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'configdeck-bench-audit-'));
  try {
    const file = join(dir, 'audit.jsonl');
    const { ms: writeMs, value: log } = await timed(() => writeBenchLog(file, COUNT));
    console.log(
      `wrote ${COUNT} audit entries (${(log.bytes / 2 ** 20).toFixed(0)} MiB in ${log.files} files rotated at 64 MiB) in ${(writeMs / 1000).toFixed(1)} s`,
    );
    const build = spawnCase('build', dir, log) as BuildFigures;
    const indexBytes = (await stat(new AuditLogNames(file).indexPath)).size;
    const query = spawnCase('query', dir, log) as QueryFigures;
    const header = `${''.padEnd(44)} ${'median'.padStart(10)} ${'target'.padStart(9)} ${'floor'.padStart(10)} ${'ratio'.padStart(7)} ${'matched'.padStart(9)}`;
    const row = (label: string, value: number, target: string, floor: number | null, matched = '') =>
      `${label.padEnd(44)} ${ms(value).padStart(10)} ${target.padStart(9)} ${(floor === null ? '' : ms(floor)).padStart(10)} ${(floor === null ? '' : `${(value / floor).toFixed(2)}x`).padStart(7)} ${matched.padStart(9)}`;
    console.log(
      `\naudit queries over ${COUNT} entries (index ${(indexBytes / 2 ** 20).toFixed(0)} MiB beside the log)`,
    );
    console.log(header);
    console.log(row('build the index from the log', build.buildMs, '', build.parseAllMs));
    console.log(row('verify the chain over every file', build.verifyMs, '', build.parseAllMs));
    console.log('  (floor: read every file and JSON.parse every line)');
    console.log(row('load the index from audit.index', query.loadMs, '', null));
    for (const figure of query.queries) {
      console.log(
        row(figure.label, figure.ms, `< ${figure.targetMs} ms`, figure.floorMs, String(figure.matched)),
      );
    }
    console.log(
      "  (floor: the page's lines read by offset and parsed; filtered rows add a bare scan of one column)",
    );
    console.log(
      `memory with the index loaded: ${query.rssMb.toFixed(0)} MiB RSS (${query.heapMb.toFixed(0)} MiB JS heap); while building: ${build.rssMb.toFixed(0)} MiB RSS`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const [caseName, dirArg, logArg] = process.argv.slice(2);
if (caseName !== undefined && dirArg !== undefined && logArg !== undefined) {
  const file = join(dirArg, 'audit.jsonl');
  const log = JSON.parse(logArg) as BenchLog;
  const figures = caseName === 'build' ? await buildCase(file) : await queryCase(file, log);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  await main();
}
