// The long-lived process behind `npm run servers -- start`: it owns the four servers (the launchers kill
// their servers when their process exits), reports them to the CLI over IPC, and stops them on SIGTERM.
import { readdirSync, readFileSync } from 'node:fs';
import { startConsul } from './consul.server.js';
import { startEtcd } from './etcd.server.js';
import { startNacos } from './nacos.server.js';
import {
  removeState,
  writeState,
  type RunningServer,
  type ServerKind,
  type SupervisorMessage,
} from './servers.state.js';
import { startZooKeeper } from './zookeeper.server.js';

interface Started {
  kind: ServerKind;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** How to recognise each server among the supervisor's children (by command line). */
const COMMAND_MARKERS: Record<ServerKind, string> = {
  zookeeper: 'ZooKeeperServerMain',
  etcd: '/usr/bin/etcd',
  consul: '/consul',
  nacos: '/rnacos',
};

/** Child processes of this process, with their command lines (Linux /proc). */
function children(): Array<{ pid: number; command: string }> {
  const found: Array<{ pid: number; command: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the second field after the parenthesised command name.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      found.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'utf8') });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function startAll(): Promise<Started[]> {
  const results = await Promise.allSettled([
    startZooKeeper().then((s): Started => ({
      kind: 'zookeeper',
      port: s.port,
      dataDir: s.dataDir,
      stop: s.stop,
    })),
    startEtcd().then((s): Started => ({ kind: 'etcd', port: s.port, dataDir: s.dataDir, stop: s.stop })),
    startConsul().then((s): Started => ({ kind: 'consul', port: s.port, dataDir: s.dataDir, stop: s.stop })),
    startNacos().then((s): Started => ({ kind: 'nacos', port: s.port, dataDir: s.dataDir, stop: s.stop })),
  ]);
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(started.map((s) => s.stop()));
    throw failure.reason;
  }
  return started;
}

async function main(): Promise<void> {
  const send = (message: SupervisorMessage): void => {
    process.send?.(message);
  };
  let started: Started[];
  try {
    started = await startAll();
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.disconnect?.();
    process.exitCode = 1;
    return;
  }
  const processes = children();
  const servers: RunningServer[] = started.map((s) => ({
    kind: s.kind,
    host: '127.0.0.1',
    port: s.port,
    dataDir: s.dataDir,
    pid: processes.find((p) => p.command.includes(COMMAND_MARKERS[s.kind]))?.pid ?? null,
  }));
  await writeState({ supervisorPid: process.pid, servers });

  let stopping = false;
  const stopAll = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled(started.map((s) => s.stop()));
    await removeState();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stopAll());
  process.on('SIGINT', () => void stopAll());
  send({ type: 'ready', servers });
  process.disconnect?.();
  // The servers' child handles keep the event loop alive; this keeps it alive should one of them die.
  setInterval(() => undefined, 60_000);
  console.log(`servers supervisor ${process.pid}: ${servers.map((s) => `${s.kind}:${s.port}`).join(' ')}`);
}

await main();
