import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_OPERATIONS, type AuditEntry } from '../../shared/model/audit.js';
import { dataPaths } from '../../electron/core/storage/data-dir.js';
import { queryAuditFiles } from '../../electron/core/audit/audit.query.js';
import { AUDIT_CSV_HEADER } from '../../electron/core/audit/audit.export.js';
import { logPaths, START, writeRandomLog } from '../unit/audit/fixtures/audit.random.js';
import { runCli, type CliRun } from './support/cli-runner.js';

/** More than one page of the list (500) and of the stream (2,000 lines per print), over rotated files. */
const ENTRIES = 2_600;

let home: string;
let file: string;
let paths: string[];
const cli = (...args: string[]): Promise<CliRun> => runCli(home, ...args);

/** What the file scan (the reference) finds for a filter: every match, newest first. */
async function expected(filter: Parameters<typeof queryAuditFiles>[1]): Promise<AuditEntry[]> {
  return (await queryAuditFiles(paths, { ...filter, limit: 10_000 })).entries;
}

const seqs = (stdout: string): number[] => (JSON.parse(stdout) as AuditEntry[]).map((entry) => entry.seq);

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'configdeck-cli-audit-'));
  file = dataPaths(home).audit;
  // Written by three users taking turns, rotated every 256 KiB (the CLI reads whatever files the log has).
  await writeRandomLog(file, ENTRIES, 21, 256 * 1024);
  paths = await logPaths(file);
}, 120_000);

afterAll(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

describe('configdeck audit', () => {
  it('filters by operation, outcome, environment, kind, user, path substring and time range (AND)', async () => {
    const until = new Date(START + 2_000_000).toISOString();
    const since = new Date(START + 500_000).toISOString();
    const [deletes, refusedProd, etcdBob, contains, range] = await Promise.all([
      cli('audit', '--json', '--operation', 'delete', '--limit', '10000'),
      cli('audit', '--json', '--outcome', 'refused', '--env', 'prod', '--limit', '10000'),
      cli('audit', '--json', '--kind', 'etcd', '--user', 'bob', '--limit', '10000'),
      cli('audit', '--json', '--contains', 'CONFIG', '--connection', 'dev-zk', '--limit', '10000'),
      cli('audit', '--json', '--since', since, '--until', until, '--path', '/svc/', '--limit', '10000'),
    ]);
    for (const run of [deletes, refusedProd, etcdBob, contains, range])
      expect(run).toMatchObject({ code: 0, stderr: '' });
    const bySeq = (entries: AuditEntry[]) => entries.map((entry) => entry.seq);
    expect(seqs(deletes.stdout)).toEqual(bySeq(await expected({ operation: 'delete' })));
    expect(seqs(refusedProd.stdout)).toEqual(
      bySeq(await expected({ outcome: 'refused', environment: 'prod' })),
    );
    expect(seqs(etcdBob.stdout)).toEqual(bySeq(await expected({ kind: 'etcd', user: 'bob' })));
    expect(seqs(contains.stdout)).toEqual(
      bySeq(await expected({ pathContains: 'CONFIG', connectionName: 'dev-zk' })),
    );
    const inRange = await expected({ since, until, pathPrefix: '/svc/' });
    expect(inRange.length).toBeGreaterThan(10);
    expect(seqs(range.stdout)).toEqual(bySeq(inRange));
    for (const run of [deletes, refusedProd, etcdBob, contains])
      expect(seqs(run.stdout).length).toBeGreaterThan(10);
  }, 60_000);

  it('takes --until as a duration ago, and lists 500 entries by default', async () => {
    const [recent, old, all] = await Promise.all([
      cli('audit', '--json', '--until', '1d'),
      cli('audit', '--json', '--until', '2000-01-01T00:00:00Z'),
      cli('audit', '--json'),
    ]);
    // The log's times are in 2025: all of them more than a day ago, none before 2000.
    expect(seqs(recent.stdout)).toHaveLength(500);
    expect(seqs(old.stdout)).toEqual([]);
    expect(seqs(all.stdout)).toEqual(Array.from({ length: 500 }, (_, i) => ENTRIES - i));
  }, 60_000);

  it('streams every match as JSON Lines (the log’s own lines) or CSV, past any page', async () => {
    const [jsonl, csv, someCsv] = await Promise.all([
      cli('audit', '--format', 'jsonl'),
      cli('audit', '--format', 'csv'),
      cli('audit', '--format', 'csv', '--operation', 'set', '--outcome', 'ok'),
    ]);
    const logLines = (await Promise.all(paths.map((path) => readFile(path, 'utf8'))))
      .join('')
      .trimEnd()
      .split('\n');
    expect(jsonl).toEqual({ code: 0, stderr: '', stdout: `${logLines.reverse().join('\n')}\n` });
    const csvLines = csv.stdout.trimEnd().split('\n');
    expect(csvLines[0]).toBe(AUDIT_CSV_HEADER);
    // Some error messages hold a comma and quotes: quoted, on one line (no newline in those fields).
    expect(csvLines[1]).toMatch(new RegExp(`^${ENTRIES},`));
    expect(csv.stdout).toContain('"CONFLICT: moved, ""since"""');
    const some = await expected({ operation: 'set', outcome: 'ok' });
    const someLines = someCsv.stdout.trimEnd().split('\n');
    expect(someLines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(some.map((e) => e.seq));
  }, 60_000);

  it('verifies the chain across every rotated file', async () => {
    const intact = await cli('audit', '--verify');
    expect(intact).toEqual({
      code: 0,
      stderr: '',
      stdout: `The audit log is intact (${ENTRIES} entries in ${paths.length} files).\n`,
    });
    expect(paths.length).toBeGreaterThan(3);
  }, 60_000);

  it('refuses a bad option value with one sentence and exit 2', async () => {
    const runs = await Promise.all([
      cli('audit', '--operation', 'drop'),
      cli('audit', '--outcome', 'maybe'),
      cli('audit', '--env', 'qa'),
      cli('audit', '--kind', 'redis'),
      cli('audit', '--format', 'xml'),
      cli('audit', '--until', 'yesterday'),
      cli('audit', '--json', '--format', 'csv'),
      cli('audit', '--limit', '0'),
    ]);
    expect(runs.map((run) => [run.code, run.stdout, run.stderr])).toEqual([
      [
        2,
        '',
        // Every operation the log knows, in the contract's order.
        `configdeck audit: --operation takes ${AUDIT_OPERATIONS.join(', ')}, not "drop".\n`,
      ],
      [2, '', 'configdeck audit: --outcome takes ok, conflict, refused, failed, not "maybe".\n'],
      [2, '', 'configdeck audit: --env takes dev, test, staging, prod, not "qa".\n'],
      [2, '', 'configdeck audit: --kind takes zookeeper, etcd, consul, nacos, snapshot, not "redis".\n'],
      [2, '', 'configdeck audit: --format takes jsonl, csv, not "xml".\n'],
      [
        2,
        '',
        'configdeck audit: --until takes an ISO time or a duration such as 30m, 12h or 7d, not "yesterday".\n',
      ],
      [2, '', 'configdeck audit: --json and --format cannot be used together.\n'],
      [2, '', 'configdeck audit: --limit takes a number of entries (1 to 10000), not "0".\n'],
    ]);
  }, 60_000);
});
