import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from './free-port.js';
import { ManagedProcess, pollUntilReady, startWithRetries } from './managed-process.js';
import { requireCommand } from './prerequisites.js';
import { etcdHealthy } from './etcd.server.js';

const ETCD = '/usr/bin/etcd';
const READY_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;

/** One member of a test cluster: its own ports and data directory, stopped and started by tests. */
export interface EtcdClusterMember {
  /** `m1`, `m2`, `m3`: the member's name in the cluster. */
  name: string;
  clientPort: number;
  /** `127.0.0.1:PORT`: this member only, as a connection profile lists it. */
  endpoint: string;
  /** `http://127.0.0.1:PORT`, where the member serves clients (it advertises this unless told otherwise). */
  clientUrl: string;
  running(): boolean;
  /** SIGTERM, keeping the data. */
  stop(): Promise<void>;
  /** SIGKILL, keeping the data. */
  kill(): Promise<void>;
  /** Starts it again (same ports, same data) and waits until it serves as part of the cluster. */
  start(): Promise<void>;
}

export interface EtcdCluster {
  members: readonly EtcdClusterMember[];
  /** Every member's endpoint. */
  endpoints: string[];
  /** Kills every member and removes all data (final). */
  stop(): Promise<void>;
}

export interface EtcdClusterOptions {
  /** Number of members; default 3. */
  size?: number;
  /**
   * The host in the client URLs members advertise (default 127.0.0.1, where they listen): `127.0.0.2`
   * makes the advertised URLs unreachable, as behind a port-forward or a proxy.
   */
  advertiseHost?: string;
}

interface MemberPlan {
  name: string;
  dir: string;
  clientPort: number;
  peerPort: number;
  advertiseHost: string;
}

function memberArgs(plan: MemberPlan, initialCluster: string, token: string): string[] {
  const client = `http://127.0.0.1:${plan.clientPort}`;
  const peer = `http://127.0.0.1:${plan.peerPort}`;
  return [
    `--name=${plan.name}`,
    `--data-dir=${join(plan.dir, 'data')}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=http://${plan.advertiseHost}:${plan.clientPort}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=${initialCluster}`,
    `--initial-cluster-token=${token}`,
    '--initial-cluster-state=new',
    '--logger=zap',
    '--log-outputs=stderr',
    // Fast elections so that a stopped leader is replaced (and a restarted member rejoins) within a second.
    '--heartbeat-interval=50',
    '--election-timeout=500',
    // Small in-memory raft log: test clusters see few writes.
    '--snapshot-count=1000',
  ];
}

function memberProcess(plan: MemberPlan, initialCluster: string, token: string): ManagedProcess {
  const logPath = join(plan.dir, 'etcd.log');
  return new ManagedProcess({
    name: `etcd ${plan.name}`,
    command: ETCD,
    args: memberArgs(plan, initialCluster, token),
    logPath,
    waitUntilReady: (child) =>
      pollUntilReady(child, {
        name: `etcd ${plan.name}`,
        logPath,
        timeoutMs: READY_TIMEOUT_MS,
        notReadyPhrase: 'was not healthy',
        // /health is true only once the member has a leader: it serves as part of the cluster.
        probe: () => etcdHealthy(plan.clientPort, null),
      }),
  });
}

function member(plan: MemberPlan, process: ManagedProcess): EtcdClusterMember {
  return {
    name: plan.name,
    clientPort: plan.clientPort,
    endpoint: `127.0.0.1:${plan.clientPort}`,
    clientUrl: `http://127.0.0.1:${plan.clientPort}`,
    running: () => process.pid !== null,
    stop: () => process.terminate('SIGTERM'),
    kill: () => process.terminate('SIGKILL'),
    start: async () => {
      if (process.pid === null) await process.start();
    },
  };
}

async function startOnce(size: number, advertiseHost: string): Promise<EtcdCluster> {
  const root = await mkdtemp(join(tmpdir(), 'configdeck-etcd-cluster-'));
  const processes: ManagedProcess[] = [];
  try {
    const ports = await freePorts(size * 2);
    const plans: MemberPlan[] = Array.from({ length: size }, (_, i) => ({
      name: `m${i + 1}`,
      dir: join(root, `m${i + 1}`),
      clientPort: ports[i * 2] ?? 0,
      peerPort: ports[i * 2 + 1] ?? 0,
      advertiseHost,
    }));
    const initialCluster = plans.map((p) => `${p.name}=http://127.0.0.1:${p.peerPort}`).join(',');
    const token = `configdeck-cluster-${ports[0]}`;
    for (const plan of plans) {
      await mkdir(plan.dir);
      processes.push(memberProcess(plan, initialCluster, token));
    }
    // Together: no member is healthy before a quorum runs.
    const started = await Promise.allSettled(processes.map((p) => p.start()));
    const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    const members = plans.map((plan, i) => member(plan, processes[i]!));
    return {
      members,
      endpoints: members.map((m) => m.endpoint),
      stop: async () => {
        await Promise.all(processes.map((p) => p.terminate('SIGKILL')));
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(processes.map((p) => p.terminate('SIGKILL')));
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts an etcd cluster of `size` (default 3) members on loopback (free client and peer ports, one data
 * directory each, fast elections); resolves when every member is healthy.
 */
export async function startEtcdCluster(options: EtcdClusterOptions = {}): Promise<EtcdCluster> {
  requireCommand(ETCD, 'etcd-server', 'etcd');
  const { size = 3, advertiseHost = '127.0.0.1' } = options;
  return startWithRetries(START_ATTEMPTS, () => startOnce(size, advertiseHost));
}
