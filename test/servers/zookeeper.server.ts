import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { freePort } from './free-port.js';
import { ManagedProcess, pollUntilReady, startWithRetries } from './managed-process.js';
import { requireCommand, requireFile } from './prerequisites.js';
import { testProfile } from './test-profile.js';

const JAVA = '/usr/bin/java';
const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';
/** Optional: without a binding ZooKeeper logs nothing, and a failed start would show an empty log tail. */
const SLF4J_SIMPLE_JAR = '/usr/share/java/slf4j-simple.jar';
const READY_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;

export interface ZooKeeperServerOptions {
  /** Enables TTL nodes (`zookeeper.extendedTypesEnabled`); default true. */
  extendedTypes?: boolean;
  /** `user:base64(sha1(user:password))`: that digest user becomes a super user. */
  superDigest?: string;
  /** Extra JVM system properties (`-Dname=value`), e.g. `{ 'zookeeper.enforceQuota': 'true' }`. */
  systemProperties?: Record<string, string>;
}

export interface ZooKeeperServer {
  host: '127.0.0.1';
  port: number;
  connectString: string;
  dataDir: string;
  /** Kills the server and removes its data directory. */
  stop(): Promise<void>;
  /** SIGKILL, keeping the data: for "server down" tests. */
  kill(): Promise<void>;
  /** Starts the server again on the same port with the same data. */
  restart(): Promise<void>;
}

/** Sends a four-letter word and resolves with the whole answer ('' when the server is not there). */
export function fourLetterWord(port: number, word: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('connect', () => socket.end(word));
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}

function zooCfg(dataDir: string, port: number): string {
  return [
    'tickTime=500',
    `dataDir=${join(dataDir, 'data')}`,
    `clientPort=${port}`,
    'clientPortAddress=127.0.0.1',
    'admin.enableServer=false',
    '4lw.commands.whitelist=*',
    'minSessionTimeout=1000',
    'maxSessionTimeout=600000',
    'maxClientCnxns=0',
    // Tests write thousands of nodes on a two-core machine: no fsync, small log pre-allocation.
    'forceSync=no',
    'preAllocSize=4096',
    'snapCount=100000',
    '',
  ].join('\n');
}

function javaArgs(dataDir: string, options: ZooKeeperServerOptions): string[] {
  const classpath = ['/etc/zookeeper/conf', ZOOKEEPER_JAR];
  if (existsSync(SLF4J_SIMPLE_JAR)) classpath.push(SLF4J_SIMPLE_JAR);
  const args = [
    '-Xmx256m',
    '-Xms32m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=info',
    '-Dorg.slf4j.simpleLogger.showDateTime=true',
    `-Dzookeeper.extendedTypesEnabled=${options.extendedTypes === false ? 'false' : 'true'}`,
    '-Dzookeeper.admin.enableServer=false',
    // Empty containers and expired TTL nodes are reaped every second instead of every minute.
    '-Dznode.container.checkIntervalMs=1000',
  ];
  if (options.superDigest !== undefined) {
    args.push(`-Dzookeeper.DigestAuthenticationProvider.superDigest=${options.superDigest}`);
  }
  for (const [name, value] of Object.entries(options.systemProperties ?? {})) args.push(`-D${name}=${value}`);
  args.push('-cp', classpath.join(':'), 'org.apache.zookeeper.server.ZooKeeperServerMain');
  args.push(join(dataDir, 'zoo.cfg'));
  return args;
}

/** One standalone server on a fixed port and data directory; restartable. */
function zooKeeperProcess(dataDir: string, port: number, options: ZooKeeperServerOptions): ManagedProcess {
  const logPath = join(dataDir, 'zookeeper.log');
  return new ManagedProcess({
    name: 'ZooKeeper',
    command: JAVA,
    args: javaArgs(dataDir, options),
    logPath,
    waitUntilReady: (child) =>
      pollUntilReady(child, {
        name: 'ZooKeeper',
        logPath,
        timeoutMs: READY_TIMEOUT_MS,
        notReadyPhrase: 'did not answer ruok',
        logLines: 40,
        // `ruok` answers as soon as the port listens; `srvr` tells when the database is loaded and serving.
        probe: async () =>
          (await fourLetterWord(port, 'ruok', 1000)) === 'imok' &&
          (await fourLetterWord(port, 'srvr', 1000)).includes('Mode:'),
      }),
  });
}

async function startOnce(options: ZooKeeperServerOptions): Promise<ZooKeeperServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-zk-'));
  try {
    const port = await freePort();
    await mkdir(join(dataDir, 'data'));
    await writeFile(join(dataDir, 'zoo.cfg'), zooCfg(dataDir, port));
    const proc = zooKeeperProcess(dataDir, port, options);
    await proc.start();
    return {
      host: '127.0.0.1',
      port,
      connectString: `127.0.0.1:${port}`,
      dataDir,
      stop: async () => {
        await proc.terminate('SIGKILL');
        await rm(dataDir, { recursive: true, force: true });
      },
      kill: () => proc.terminate('SIGKILL'),
      restart: async () => {
        await proc.terminate('SIGKILL');
        await proc.start();
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Starts a standalone ZooKeeper on a free loopback port with a fresh data directory. */
export async function startZooKeeper(options: ZooKeeperServerOptions = {}): Promise<ZooKeeperServer> {
  requireCommand(JAVA, 'zookeeper', 'Java (needed by ZooKeeper)');
  requireFile(ZOOKEEPER_JAR, 'zookeeper', 'ZooKeeper');
  // Another process may grab the free port between probing and the JVM binding it: try a new one.
  return startWithRetries(START_ATTEMPTS, () => startOnce(options));
}

/** A resolved ZooKeeper connection profile for tests (what the core hands a driver). */
export function zooKeeperProfile(
  endpoints: string | string[],
  overrides: Partial<Omit<ResolvedProfile, 'kind'>> = {},
): ResolvedProfile {
  return testProfile('zookeeper', Array.isArray(endpoints) ? endpoints : [endpoints], {
    id: 'test-zookeeper',
    name: 'test zookeeper',
    sessionTimeoutMs: 10_000,
    ...overrides,
  });
}
