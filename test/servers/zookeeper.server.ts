import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { freePorts } from './free-port.js';
import { startWithRetries } from './managed-process.js';
import { testProfile } from './test-profile.js';
import { baseConfigLines, zooCfgText } from './zookeeper.config.js';
import { fourLetterWord } from './zookeeper.four-letter-words.js';
import {
  requireZooKeeper,
  STANDALONE_MAIN,
  zooKeeperProcess,
  type ZooKeeperJvmOptions,
} from './zookeeper.process.js';
import {
  createZooKeeperTls,
  secureFourLetterWord,
  tlsConfigLines,
  type ZooKeeperClientTls,
  type ZooKeeperTlsMaterial,
  type ZooKeeperTlsOptions,
} from './zookeeper.tls.js';

export { fourLetterWord } from './zookeeper.four-letter-words.js';

const START_ATTEMPTS = 3;
// The large-tree tests hold a few hundred thousand znodes.
const MAX_HEAP_MB = 256;

export interface ZooKeeperServerOptions extends ZooKeeperJvmOptions {
  /** Also serves a TLS `secureClientPort` (Netty) with a throw-away CA; the plain port stays open. */
  tls?: ZooKeeperTlsOptions;
  /** Extra zoo.cfg settings, after the shared ones (`4lw.commands.whitelist: 'srvr'` replaces `*`). */
  config?: Readonly<Record<string, string>>;
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

/** A server started with `tls`: its secure port and the PEM files a client presents to it. */
export interface ZooKeeperTlsServer extends ZooKeeperServer {
  securePort: number;
  /** `127.0.0.1:<securePort>`. */
  secureConnectString: string;
  tls: ZooKeeperClientTls;
}

/** `srvr` tells when the database is loaded and serving (`ruok` answers as soon as the port listens). */
async function plainPortServes(port: number): Promise<boolean> {
  return (
    (await fourLetterWord(port, 'ruok', 1000)) === 'imok' &&
    (await fourLetterWord(port, 'srvr', 1000)).includes('Mode:')
  );
}

async function startOnce(options: ZooKeeperServerOptions): Promise<ZooKeeperServer | ZooKeeperTlsServer> {
  const { tls: tlsOptions, config = {}, ...jvm } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-zk-'));
  try {
    const [port = 0, securePort = 0] = await freePorts(2);
    const tls: ZooKeeperTlsMaterial | null = tlsOptions ? createZooKeeperTls(dataDir, tlsOptions) : null;
    await mkdir(join(dataDir, 'data'));
    const lines = [
      ...baseConfigLines(dataDir, port),
      ...(tls ? tlsConfigLines(tls, securePort) : []),
      ...Object.entries(config).map(([name, value]) => `${name}=${value}`),
    ];
    await writeFile(join(dataDir, 'zoo.cfg'), zooCfgText(lines));
    const proc = zooKeeperProcess({
      dir: dataDir,
      mainClass: STANDALONE_MAIN,
      maxHeapMb: MAX_HEAP_MB,
      jvm,
      notReadyPhrase: tls ? 'did not answer srvr on both ports' : 'did not answer ruok',
      probe: async () =>
        (await plainPortServes(port)) &&
        (tls === null ||
          (await secureFourLetterWord(securePort, 'srvr', tls.client, 1000)).includes('Mode:')),
    });
    await proc.start();
    const server: ZooKeeperServer = {
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
    if (tls === null) return server;
    return { ...server, securePort, secureConnectString: `127.0.0.1:${securePort}`, tls: tls.client };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts a standalone ZooKeeper on a free loopback port with a fresh data directory; with `tls`, also a
 * secure port whose readiness is a `srvr` answered over TLS with the client certificate.
 */
export function startZooKeeper(
  options: ZooKeeperServerOptions & { tls: ZooKeeperTlsOptions },
): Promise<ZooKeeperTlsServer>;
export function startZooKeeper(options?: ZooKeeperServerOptions): Promise<ZooKeeperServer>;
export async function startZooKeeper(options: ZooKeeperServerOptions = {}): Promise<ZooKeeperServer> {
  requireZooKeeper();
  // Another process may grab a free port between probing and the JVM binding it: try new ones.
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
