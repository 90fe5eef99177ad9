import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess, pollUntilReady } from './managed-process.js';
import { requireCommand, requireFile } from './prerequisites.js';

const JAVA = '/usr/bin/java';
const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';
/**
 * Debian's zookeeper.jar lists netty-handler, -transport, -buffer and -common in its manifest's Class-Path
 * but not netty-codec, which Netty's SslHandler extends: without it the secure port accepts connections
 * and then closes each one (NoClassDefFoundError io/netty/handler/codec/ByteToMessageDecoder in the log).
 */
const NETTY_CODEC_JAR = '/usr/share/java/netty-codec.jar';
/** Optional: without a binding ZooKeeper logs nothing, and a failed start would show an empty log tail. */
const SLF4J_SIMPLE_JAR = '/usr/share/java/slf4j-simple.jar';
/**
 * The AdminServer (Jetty) needs javax.servlet, which zookeeper.jar's Class-Path does not list: without it
 * a server with admin.enableServer=true logs "Unable to load jetty" and serves no /commands.
 */
const SERVLET_API_JAR = '/usr/share/java/servlet-api.jar';
const READY_TIMEOUT_MS = 30_000;

/** The entry points: one server alone, or a member of an ensemble (reads `dataDir/myid`). */
export const STANDALONE_MAIN = 'org.apache.zookeeper.server.ZooKeeperServerMain';
export const QUORUM_PEER_MAIN = 'org.apache.zookeeper.server.quorum.QuorumPeerMain';

/** Server settings passed to the JVM as system properties. */
export interface ZooKeeperJvmOptions {
  /** Enables TTL nodes (`zookeeper.extendedTypesEnabled`); default true. */
  extendedTypes?: boolean;
  /** `user:base64(sha1(user:password))`: that digest user becomes a super user. */
  superDigest?: string;
  /** Extra JVM system properties (`-Dname=value`), e.g. `{ 'zookeeper.enforceQuota': 'true' }`. */
  systemProperties?: Record<string, string>;
}

/** How to run one ZooKeeper JVM from `<dir>/zoo.cfg`, logging to `<dir>/zookeeper.log`. */
export interface ZooKeeperProcessSpec {
  dir: string;
  mainClass: typeof STANDALONE_MAIN | typeof QUORUM_PEER_MAIN;
  maxHeapMb: number;
  jvm: ZooKeeperJvmOptions;
  /** Completes "ZooKeeper … within N s" when `probe` never holds, e.g. `did not answer ruok`. */
  notReadyPhrase: string;
  probe(): Promise<boolean>;
}

/** Throws one clear sentence when Java or ZooKeeper is missing. */
export function requireZooKeeper(): void {
  requireCommand(JAVA, 'zookeeper', 'Java (needed by ZooKeeper)');
  requireFile(ZOOKEEPER_JAR, 'zookeeper', 'ZooKeeper');
}

function classpath(): string {
  const entries = ['/etc/zookeeper/conf', ZOOKEEPER_JAR, NETTY_CODEC_JAR];
  if (existsSync(SLF4J_SIMPLE_JAR)) entries.push(SLF4J_SIMPLE_JAR);
  if (existsSync(SERVLET_API_JAR)) entries.push(SERVLET_API_JAR);
  return entries.join(':');
}

/** The java command line: a small client-compiler JVM with the server's settings as system properties. */
export function zooKeeperJavaArgs(spec: ZooKeeperProcessSpec): string[] {
  const { jvm } = spec;
  const args = [
    `-Xmx${spec.maxHeapMb}m`,
    `-Xms${Math.min(32, spec.maxHeapMb)}m`,
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    // IPv4 sockets: the listeners show up as 127.0.0.1 rather than as ::ffff:127.0.0.1.
    '-Djava.net.preferIPv4Stack=true',
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=info',
    '-Dorg.slf4j.simpleLogger.showDateTime=true',
    `-Dzookeeper.extendedTypesEnabled=${jvm.extendedTypes === false ? 'false' : 'true'}`,
    '-Dzookeeper.admin.enableServer=false',
    // Empty containers and expired TTL nodes are reaped every second instead of every minute.
    '-Dznode.container.checkIntervalMs=1000',
  ];
  if (jvm.superDigest !== undefined) {
    args.push(`-Dzookeeper.DigestAuthenticationProvider.superDigest=${jvm.superDigest}`);
  }
  for (const [name, value] of Object.entries(jvm.systemProperties ?? {})) args.push(`-D${name}=${value}`);
  args.push('-cp', classpath(), spec.mainClass, join(spec.dir, 'zoo.cfg'));
  return args;
}

/** One ZooKeeper JVM on fixed ports and data; restartable, ready when `probe` holds. */
export function zooKeeperProcess(spec: ZooKeeperProcessSpec): ManagedProcess {
  const logPath = join(spec.dir, 'zookeeper.log');
  return new ManagedProcess({
    name: 'ZooKeeper',
    command: JAVA,
    args: zooKeeperJavaArgs(spec),
    logPath,
    waitUntilReady: (child) =>
      pollUntilReady(child, {
        name: 'ZooKeeper',
        logPath,
        timeoutMs: READY_TIMEOUT_MS,
        notReadyPhrase: spec.notReadyPhrase,
        logLines: 40,
        probe: spec.probe,
      }),
  });
}
