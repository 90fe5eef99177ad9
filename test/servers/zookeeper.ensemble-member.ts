import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePorts } from './free-port.js';
import type { ManagedProcess } from './managed-process.js';
import { baseConfigLines, quorumConfigLines, zooCfgText, type QuorumPorts } from './zookeeper.config.js';
import { serverConnections, serverMode, type ZooKeeperConnection } from './zookeeper.four-letter-words.js';
import { QUORUM_PEER_MAIN, zooKeeperProcess, type ZooKeeperJvmOptions } from './zookeeper.process.js';

/** A member's role from `srvr`; null while it is down, electing, or syncing with a new leader. */
export type ZooKeeperQuorumMode = 'leader' | 'follower';

export interface ZooKeeperEnsembleMember {
  /** Its `myid`, 1 to size: the `server.N` of the configuration. */
  id: number;
  host: '127.0.0.1';
  /** The client port. */
  port: number;
  /** `127.0.0.1:<port>`: this member only. */
  connectString: string;
  dataDir: string;
  /** True while its process runs. */
  running(): boolean;
  mode(): Promise<ZooKeeperQuorumMode | null>;
  /** The client connections it holds (`cons`). */
  connections(): Promise<ZooKeeperConnection[]>;
  /** SIGKILL, keeping the data. */
  kill(): Promise<void>;
  /**
   * Kills it if running, starts it again with the same ports and data, and waits until it leads or follows
   * (which needs a quorum: with the others down it fails after 30 s).
   */
  restart(): Promise<void>;
}

/** One member's ports: for clients, for followers to reach a leader, and for leader election. */
export interface MemberPorts extends QuorumPorts {
  clientPort: number;
}

/** How to build each member of one ensemble. */
export interface MemberSettings {
  root: string;
  ports: readonly MemberPorts[];
  maxHeapMb: number;
  jvm: ZooKeeperJvmOptions;
  /** Extra zoo.cfg settings for every member (`localSessionsEnabled: 'true'`). */
  config: Readonly<Record<string, string>>;
  /** Reconfig on, each server line with its client address (see quorumConfigLines). */
  dynamicConfig: boolean;
}

/** Three distinct free loopback ports per member. */
export async function allocateMemberPorts(size: number): Promise<MemberPorts[]> {
  const ports = await freePorts(size * 3);
  return Array.from({ length: size }, (_, i) => ({
    clientPort: ports[i * 3] ?? 0,
    quorumPort: ports[i * 3 + 1] ?? 0,
    electionPort: ports[i * 3 + 2] ?? 0,
  }));
}

async function quorumMode(port: number): Promise<ZooKeeperQuorumMode | null> {
  const mode = await serverMode(port);
  return mode === 'leader' || mode === 'follower' ? mode : null;
}

/**
 * Writes `<root>/member-<id>/zoo.cfg` and `data/myid` and returns the member with its (not yet started)
 * process, which counts as ready once it leads or follows.
 */
export async function createEnsembleMember(
  id: number,
  settings: MemberSettings,
): Promise<{ member: ZooKeeperEnsembleMember; process: ManagedProcess }> {
  const own = settings.ports[id - 1];
  if (own === undefined) throw new Error(`no ports for member ${id}`);
  const port = own.clientPort;
  const dir = join(settings.root, `member-${id}`);
  await mkdir(join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'data', 'myid'), `${id}\n`);
  const lines = [
    ...baseConfigLines(dir, port),
    ...quorumConfigLines(
      settings.ports,
      settings.dynamicConfig ? settings.ports.map((p) => p.clientPort) : undefined,
    ),
    ...Object.entries(settings.config).map(([name, value]) => `${name}=${value}`),
  ];
  await writeFile(join(dir, 'zoo.cfg'), zooCfgText(lines));
  const proc = zooKeeperProcess({
    dir,
    mainClass: QUORUM_PEER_MAIN,
    maxHeapMb: settings.maxHeapMb,
    jvm: settings.jvm,
    notReadyPhrase: 'did not report Mode: leader or follower',
    probe: async () => (await quorumMode(port)) !== null,
  });
  const member: ZooKeeperEnsembleMember = {
    id,
    host: '127.0.0.1',
    port,
    connectString: `127.0.0.1:${port}`,
    dataDir: dir,
    running: () => proc.pid !== null,
    mode: () => quorumMode(port),
    connections: () => serverConnections(port),
    kill: () => proc.terminate('SIGKILL'),
    restart: async () => {
      await proc.terminate('SIGKILL');
      await proc.start();
    },
  };
  return { member, process: proc };
}
