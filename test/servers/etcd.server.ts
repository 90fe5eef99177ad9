import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { createTestCertificates, healthyOverTls, type EtcdTestCertificates } from './etcd.certs.js';
import { freePort } from './free-port.js';
import { ManagedProcess, pollUntilReady, startWithRetries } from './managed-process.js';
import { requireCommand } from './prerequisites.js';
import { testProfile } from './test-profile.js';

const ETCD = '/usr/bin/etcd';
const READY_TIMEOUT_MS = 20_000;
const START_ATTEMPTS = 3;

export interface EtcdServerOptions {
  /** Creates the user `root` (role `root`) with this password and enables authentication. */
  auth?: { rootPassword: string };
  /** Serves clients over TLS with a throw-away CA and requires a client certificate. */
  tls?: boolean;
}

export interface EtcdServer {
  host: '127.0.0.1';
  port: number;
  /** `127.0.0.1:PORT`, as a connection profile lists it. */
  endpoint: string;
  dataDir: string;
  /** Set when started with `tls: true`. */
  tls: { caFile: string; certFile: string; keyFile: string } | null;
  /** Stops the server and removes its data directory (final). */
  stop(): Promise<void>;
  /** SIGKILL, keeping the data: for "server down" tests. */
  kill(): Promise<void>;
  /** Starts the server again on the same ports with the same data. */
  restart(): Promise<void>;
}

function etcdArgs(
  dataDir: string,
  clientPort: number,
  peerPort: number,
  certs: EtcdTestCertificates | null,
): string[] {
  const client = `${certs ? 'https' : 'http'}://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const tls = certs
    ? [
        `--cert-file=${certs.serverCertFile}`,
        `--key-file=${certs.serverKeyFile}`,
        `--trusted-ca-file=${certs.caFile}`,
        '--client-cert-auth',
      ]
    : [];
  return [
    ...tls,
    '--name=configdeck-test',
    `--data-dir=${join(dataDir, 'data')}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=configdeck-test=${peer}`,
    `--initial-cluster-token=configdeck-${clientPort}`,
    '--initial-cluster-state=new',
    '--logger=zap',
    '--log-outputs=stderr',
    // A lone member elects itself; short ticks make start and restart fast.
    '--heartbeat-interval=50',
    '--election-timeout=500',
  ];
}

/** Whether the member on `clientPort` answers /health with true (it serves and has a leader). */
export async function etcdHealthy(clientPort: number, certs: EtcdTestCertificates | null): Promise<boolean> {
  if (certs) return healthyOverTls(clientPort, certs);
  try {
    const response = await fetch(`http://127.0.0.1:${clientPort}/health`, {
      signal: AbortSignal.timeout(1000),
    });
    const body = (await response.json()) as { health?: string };
    return body.health === 'true';
  } catch {
    return false;
  }
}

/** Creates root (user and role) and turns authentication on, through the gRPC API. */
async function enableAuth(
  endpoint: string,
  rootPassword: string,
  certs: EtcdTestCertificates | null,
): Promise<void> {
  const credentials = certs
    ? {
        rootCertificate: readFileSync(certs.caFile),
        certChain: readFileSync(certs.clientCertFile),
        privateKey: readFileSync(certs.clientKeyFile),
      }
    : undefined;
  const client = new Etcd3({
    hosts: `${certs ? 'https' : 'http'}://${endpoint}`,
    ...(credentials ? { credentials } : {}),
  });
  try {
    await client.role('root').create();
    await client.user('root').create(rootPassword);
    await client.user('root').addRole('root');
    await client.auth.authEnable({});
  } finally {
    client.close();
  }
}

/** One etcd member bound to fixed ports and a data directory; restartable. */
class EtcdProcess extends ManagedProcess {
  constructor(
    readonly dataDir: string,
    readonly clientPort: number,
    readonly peerPort: number,
    readonly certs: EtcdTestCertificates | null,
  ) {
    const logPath = join(dataDir, 'etcd.log');
    super({
      name: 'etcd',
      command: ETCD,
      args: etcdArgs(dataDir, clientPort, peerPort, certs),
      logPath,
      waitUntilReady: (child) =>
        pollUntilReady(child, {
          name: 'etcd',
          logPath,
          timeoutMs: READY_TIMEOUT_MS,
          notReadyPhrase: 'was not healthy',
          probe: () => etcdHealthy(clientPort, certs),
        }),
    });
  }
}

async function startOnce(options: EtcdServerOptions): Promise<EtcdProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-etcd-'));
  try {
    const certs = options.tls ? createTestCertificates(dataDir) : null;
    const server = new EtcdProcess(dataDir, await freePort(), await freePort(), certs);
    await server.start();
    if (options.auth) {
      try {
        await enableAuth(`127.0.0.1:${server.clientPort}`, options.auth.rootPassword, certs);
      } catch (error) {
        await server.terminate('SIGKILL');
        throw error;
      }
    }
    return server;
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Starts a single-member etcd on free loopback ports (client and peer) with a fresh data directory. */
export async function startEtcd(options: EtcdServerOptions = {}): Promise<EtcdServer> {
  requireCommand(ETCD, 'etcd-server', 'etcd');
  // Another process may grab a probed port before etcd binds it: try new ports.
  const proc = await startWithRetries(START_ATTEMPTS, () => startOnce(options));
  return {
    host: '127.0.0.1',
    port: proc.clientPort,
    endpoint: `127.0.0.1:${proc.clientPort}`,
    dataDir: proc.dataDir,
    tls: proc.certs
      ? {
          caFile: proc.certs.caFile,
          certFile: proc.certs.clientCertFile,
          keyFile: proc.certs.clientKeyFile,
        }
      : null,
    stop: async () => {
      await proc.terminate('SIGTERM');
      await rm(proc.dataDir, { recursive: true, force: true });
    },
    kill: () => proc.terminate('SIGKILL'),
    restart: async () => {
      await proc.terminate('SIGTERM');
      await proc.start();
    },
  };
}

/** A resolved etcd connection profile for driver tests (no auth, no TLS, 5 s timeout unless overridden). */
export function etcdProfile(endpoints: string[], overrides: Partial<ResolvedProfile> = {}): ResolvedProfile {
  return testProfile('etcd', endpoints, overrides);
}
