// `npm test`: builds, then runs the unit, integration (real servers) and end-to-end (real Chromium) suites one
// after the other (two cores do not run JVMs and a browser in parallel well), and closes with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const projects = (process.env.CONFIGDECK_TEST_PROJECTS ?? 'unit,integration,e2e').split(',');
const reports = mkdtempSync(join(tmpdir(), 'configdeck-tests-'));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

if (run('npm', ['run', '--silent', 'build']) !== 0) {
  process.stderr.write('npm test: the build failed.\n');
  process.exit(1);
}
writeFileSync(join(root, 'dist', '.build-stamp'), new Date().toISOString());

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedProjects = [];
for (const project of projects) {
  const outputFile = join(reports, `${project}.json`);
  const status = run('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ]);
  let report = null;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    // No report: the runner died before writing it; the exit status says so below.
  }
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  if (status !== 0 || report === null || report.numTotalTests === 0) failedProjects.push(project);
}
rmSync(reports, { recursive: true, force: true });

if (failedProjects.length > 0) process.stdout.write(`failing suites: ${failedProjects.join(', ')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedProjects.length > 0 || totals.failed > 0 ? 1 : 0);
