import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { createTestCertificates, healthyOverTls, type EtcdTestCertificates } from './etcd.certs.js';
import { freePort } from './free-port.js';
import { requireCommand } from './prerequisites.js';

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

function logTail(logPath: string, lines = 30): string {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function healthy(clientPort: number, certs: EtcdTestCertificates | null): Promise<boolean> {
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

async function waitUntilHealthy(
  child: ChildProcess,
  clientPort: number,
  certs: EtcdTestCertificates | null,
  logPath: string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`etcd exited during start (code ${child.exitCode}); log tail:\n${logTail(logPath)}`);
    }
    if (await healthy(clientPort, certs)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  await exited(child);
  throw new Error(`etcd was not healthy within ${READY_TIMEOUT_MS / 1000} s; log tail:\n${logTail(logPath)}`);
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

/** One etcd process bound to fixed ports and a data directory; restartable. */
class EtcdProcess {
  private child: ChildProcess | null = null;
  private readonly killOnExit = (): void => {
    this.child?.kill('SIGKILL');
  };

  constructor(
    readonly dataDir: string,
    readonly clientPort: number,
    readonly peerPort: number,
    readonly certs: EtcdTestCertificates | null,
  ) {}

  async start(): Promise<void> {
    const logPath = join(this.dataDir, 'etcd.log');
    const log = openSync(logPath, 'a');
    const child = spawn(ETCD, etcdArgs(this.dataDir, this.clientPort, this.peerPort, this.certs), {
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.child = child;
    process.once('exit', this.killOnExit);
    try {
      await waitUntilHealthy(child, this.clientPort, this.certs, logPath);
    } catch (error) {
      this.child = null;
      process.off('exit', this.killOnExit);
      throw error;
    }
  }

  async terminate(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    process.off('exit', this.killOnExit);
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(timer);
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
  let lastError: unknown = null;
  // Another process may grab a probed port before etcd binds it: try new ports.
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    try {
      const proc = await startOnce(options);
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
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/** A resolved etcd connection profile for driver tests (no auth, no TLS, 5 s timeout unless overridden). */
export function etcdProfile(endpoints: string[], overrides: Partial<ResolvedProfile> = {}): ResolvedProfile {
  return {
    id: 'etcd-test',
    datacenter: null,
    contextPath: null,
    namespace: null,
    name: 'etcd test',
    kind: 'etcd',
    endpoints,
    environment: 'dev',
    readOnly: false,
    sessionTimeoutMs: 5000,
    auth: null,
    tls: null,
    password: null,
    ...overrides,
  };
}
