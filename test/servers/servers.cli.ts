import { fork } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuiltServer } from './server-binaries.js';
import {
  isAlive,
  readState,
  removeState,
  serverLine,
  stateFilePath,
  supervisorLogPath,
  type ServersState,
  type SupervisorMessage,
} from './servers.state.js';

const SUPERVISOR = join(dirname(fileURLToPath(import.meta.url)), 'servers.supervisor.ts');
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const USAGE =
  'usage: npm run servers -- start|stop (start runs ZooKeeper, etcd, Consul and Nacos on loopback).';

function fail(message: string): number {
  process.stderr.write(`servers: ${message}\n`);
  return 1;
}

/** Forks the supervisor detached and waits for its one report. */
function runSupervisor(): Promise<SupervisorMessage> {
  mkdirSync(dirname(stateFilePath()), { recursive: true });
  const log = openSync(supervisorLogPath(), 'a');
  // process.execArgv carries tsx's loader, so the child runs TypeScript the way this process does.
  const child = fork(SUPERVISOR, [], { detached: true, stdio: ['ignore', log, log, 'ipc'] });
  closeSync(log);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      resolve({ type: 'failed', message: `the servers did not start within ${START_TIMEOUT_MS / 1000} s.` });
    }, START_TIMEOUT_MS);
    child.once('message', (message) => {
      clearTimeout(timer);
      if (child.connected) child.disconnect();
      child.unref();
      resolve(message as SupervisorMessage);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({
        type: 'failed',
        message: `the supervisor exited (code ${code}); see ${supervisorLogPath()}.`,
      });
    });
  });
}

async function start(): Promise<number> {
  const existing = readState();
  if (existing !== null && isAlive(existing.supervisorPid)) {
    return fail('servers are already running (run `npm run servers -- stop` first).');
  }
  if (existing !== null) await cleanUp(existing);
  try {
    ensureBuiltServer('consul');
    ensureBuiltServer('rnacos');
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const report = await runSupervisor();
  if (report.type === 'failed') return fail(report.message);
  for (const server of report.servers) process.stdout.write(`${serverLine(server)}\n`);
  return 0;
}

/** Kills whatever the supervisor left behind and removes the data directories and the state file. */
async function cleanUp(state: ServersState): Promise<void> {
  for (const server of state.servers) {
    if (server.pid !== null && isAlive(server.pid)) process.kill(server.pid, 'SIGKILL');
  }
  await Promise.all(state.servers.map((s) => rm(s.dataDir, { recursive: true, force: true })));
  await removeState();
}

async function stop(): Promise<number> {
  const state = readState();
  if (state === null) {
    process.stderr.write('servers: no servers are running.\n');
    return 0;
  }
  if (isAlive(state.supervisorPid)) {
    process.kill(state.supervisorPid, 'SIGTERM');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (isAlive(state.supervisorPid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (isAlive(state.supervisorPid)) process.kill(state.supervisorPid, 'SIGKILL');
  }
  await cleanUp(state);
  return 0;
}

/** `servers start|stop`; returns the exit code (2 for a bad subcommand). */
export async function runServersCli(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (rest.length === 0 && command === 'start') return start();
  if (rest.length === 0 && command === 'stop') return stop();
  process.stderr.write(`${USAGE}\n`);
  return 2;
}
