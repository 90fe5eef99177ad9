import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWithRetries, type ManagedProcess } from './managed-process.js';
import {
  allocateMemberPorts,
  createEnsembleMember,
  type ZooKeeperEnsembleMember,
} from './zookeeper.ensemble-member.js';
import { sessionIdOf } from './zookeeper.four-letter-words.js';
import { requireZooKeeper, type ZooKeeperJvmOptions } from './zookeeper.process.js';

export type { ZooKeeperEnsembleMember, ZooKeeperQuorumMode } from './zookeeper.ensemble-member.js';

const START_ATTEMPTS = 3;

export interface ZooKeeperEnsembleOptions extends ZooKeeperJvmOptions {
  /** Number of members; default 3. */
  size?: number;
  /**
   * Each member's maximum heap; default 64 MB, plenty for test trees: an idle member is about 65 MB
   * resident, and several ensembles may run beside other engineers' tests on two cores.
   */
  maxHeapMb?: number;
  /** Extra zoo.cfg settings for every member. */
  config?: Readonly<Record<string, string>>;
  /** Dynamic reconfig on, with each member's client address in `/zookeeper/config`; default false. */
  dynamicConfig?: boolean;
}

export interface ZooKeeperEnsemble {
  /** Every member's client address, `127.0.0.1:p1,127.0.0.1:p2,…`. */
  connectString: string;
  /** The directory holding each member's directory. */
  dataDir: string;
  members: readonly ZooKeeperEnsembleMember[];
  /** The member that answers `srvr` with Mode: leader, or null (during an election). */
  leader(): Promise<ZooKeeperEnsembleMember | null>;
  /** The member a session is connected to (by `cons`), or null; the id as a bigint or hex text. */
  memberOfSession(sessionId: bigint | string): Promise<ZooKeeperEnsembleMember | null>;
  /** SIGTERM to every member, keeping the data. */
  stopAll(): Promise<void>;
  /** SIGKILL to every member, keeping the data. */
  killAll(): Promise<void>;
  /** Starts every member that is not running and waits until each leads or follows. */
  startAll(): Promise<void>;
  /** Kills every member and removes all data (final). */
  stop(): Promise<void>;
}

/** Starts the stopped processes together: none is ready before a quorum runs. */
async function startTogether(processes: readonly ManagedProcess[]): Promise<void> {
  const results = await Promise.allSettled(processes.map((p) => (p.pid === null ? p.start() : undefined)));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}

async function signalAll(processes: readonly ManagedProcess[], signal: NodeJS.Signals): Promise<void> {
  await Promise.all(processes.map((p) => p.terminate(signal)));
}

function ensemble(
  root: string,
  members: readonly ZooKeeperEnsembleMember[],
  processes: readonly ManagedProcess[],
): ZooKeeperEnsemble {
  return {
    connectString: members.map((m) => m.connectString).join(','),
    dataDir: root,
    members,
    leader: async () => {
      const modes = await Promise.all(members.map((m) => m.mode()));
      return members[modes.indexOf('leader')] ?? null;
    },
    memberOfSession: async (sessionId) => {
      const wanted = sessionIdOf(sessionId);
      const held = await Promise.all(members.map((m) => m.connections()));
      return members[held.findIndex((list) => list.some((c) => c.sessionId === wanted))] ?? null;
    },
    stopAll: () => signalAll(processes, 'SIGTERM'),
    killAll: () => signalAll(processes, 'SIGKILL'),
    startAll: () => startTogether(processes),
    stop: async () => {
      await signalAll(processes, 'SIGKILL');
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function startOnce(
  size: number,
  maxHeapMb: number,
  jvm: ZooKeeperJvmOptions,
  config: Readonly<Record<string, string>>,
  dynamicConfig: boolean,
): Promise<ZooKeeperEnsemble> {
  const root = await mkdtemp(join(tmpdir(), 'configdeck-zk-ensemble-'));
  const processes: ManagedProcess[] = [];
  try {
    const settings = { root, ports: await allocateMemberPorts(size), maxHeapMb, jvm, config, dynamicConfig };
    const members: ZooKeeperEnsembleMember[] = [];
    for (let id = 1; id <= size; id++) {
      const created = await createEnsembleMember(id, settings);
      members.push(created.member);
      processes.push(created.process);
    }
    await startTogether(processes);
    return ensemble(root, members, processes);
  } catch (error) {
    // A member that did start would wait for the others in vain: none may outlive a failed start.
    await signalAll(processes, 'SIGKILL');
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts an ensemble of `size` (default 3) members on loopback, each with its own data directory, `myid`,
 * client, quorum and election ports; resolves when every member leads or follows.
 */
export async function startZooKeeperEnsemble(
  options: ZooKeeperEnsembleOptions = {},
): Promise<ZooKeeperEnsemble> {
  const { size = 3, maxHeapMb = 64, config = {}, dynamicConfig = false, ...jvm } = options;
  if (!Number.isInteger(size) || size < 2) {
    throw new Error(`an ensemble needs at least 2 members, not ${size}`);
  }
  requireZooKeeper();
  // Another process may grab a free port between probing and a JVM binding it: try new ones.
  return startWithRetries(START_ATTEMPTS, () => startOnce(size, maxHeapMb, jvm, config, dynamicConfig));
}
