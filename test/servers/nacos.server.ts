import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import {
  logSince,
  logSize,
  logTail,
  ManagedProcess,
  pollUntilReady,
  startWithRetries,
} from './managed-process.js';
import { requireBuiltServer } from './server-binaries.js';
import { testProfile } from './test-profile.js';

const READY_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;
/** Nacos 2.x clients find the gRPC port at the HTTP port + 1000: keep that layout. */
const GRPC_PORT_OFFSET = 1000;
/** See startAlive: each fresh start panics with a probability of about 1/4. */
const FRESH_START_ATTEMPTS = 10;
const RESTART_ATTEMPTS = 3;

export interface NacosServerOptions {
  /** Turns open-API authentication on, with this user as the initial admin. */
  auth?: { username: string; password: string };
  /**
   * Serves r-nacos's console API without login on the API port, which is where r-nacos offers config
   * history (its open API has none).
   */
  noAuthConsole?: boolean;
}

export interface NacosServer {
  host: '127.0.0.1';
  /** The HTTP port: the Nacos open API lives under `/nacos` (e.g. `/nacos/v1/cs/configs`). */
  port: number;
  /** `127.0.0.1:PORT`, as a connection profile lists it. */
  endpoint: string;
  /** The gRPC port of Nacos 2.x clients, always `port + 1000` as they expect (r-nacos runs raft on it too). */
  grpcPort: number;
  /** r-nacos's own web console (`/rnacos/`), which always requires a login. */
  consolePort: number;
  dataDir: string;
  /** Stops the server and removes its data directory (final). */
  stop(): Promise<void>;
  /** SIGKILL, keeping the data: for "server down" tests. */
  kill(): Promise<void>;
  /** Starts the server again on the same ports with the same data. */
  restart(): Promise<void>;
}

interface NacosPorts {
  http: number;
  grpc: number;
  console: number;
}

/** r-nacos reads its whole configuration from RNACOS_* environment variables. */
function nacosEnv(dataDir: string, ports: NacosPorts, options: NacosServerOptions): NodeJS.ProcessEnv {
  const { auth } = options;
  return {
    PATH: process.env.PATH,
    RUST_LOG: 'info',
    // Both listeners default to 0.0.0.0.
    RNACOS_SDK_HOST: '127.0.0.1',
    RNACOS_CONSOLE_HOST: '127.0.0.1',
    RNACOS_HTTP_PORT: String(ports.http),
    RNACOS_GRPC_PORT: String(ports.grpc),
    RNACOS_HTTP_CONSOLE_PORT: String(ports.console),
    // Raft runs over the gRPC port; a lone node 1 initialises the cluster by itself.
    RNACOS_RAFT_NODE_ADDR: `127.0.0.1:${ports.grpc}`,
    RNACOS_RAFT_NODE_ID: '1',
    RNACOS_DATA_DIR: join(dataDir, 'data'),
    RNACOS_HTTP_WORKERS: '2',
    RNACOS_ENABLE_METRICS: 'false',
    RNACOS_CONSOLE_ENABLE_CAPTCHA: 'false',
    // Tests log in far more often than the default 100 logins per user and minute allow.
    RNACOS_API_LOGIN_ONE_MINUTE_LIMIT: '100000',
    RNACOS_ENABLE_OPEN_API_AUTH: auth === undefined ? 'false' : 'true',
    RNACOS_ENABLE_NO_AUTH_CONSOLE: options.noAuthConsole === true ? 'true' : 'false',
    ...(auth === undefined
      ? {}
      : { RNACOS_INIT_ADMIN_USERNAME: auth.username, RNACOS_INIT_ADMIN_PASSWORD: auth.password }),
  };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free HTTP port whose gRPC partner (+1000) is free as well, and a free console port. */
async function nacosPorts(): Promise<NacosPorts> {
  for (;;) {
    const http = await freePort();
    if (http + GRPC_PORT_OFFSET > 65535 || !(await portIsFree(http + GRPC_PORT_OFFSET))) continue;
    return { http, grpc: http + GRPC_PORT_OFFSET, console: await freePort() };
  }
}

async function request(url: string, init: RequestInit = {}): Promise<Response | null> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(1000) });
  } catch {
    return null;
  }
}

/** The `&accessToken=…` query suffix for a server with auth, '' without, null when the login failed. */
async function tokenQuery(base: string, auth: NacosServerOptions['auth']): Promise<string | null> {
  if (auth === undefined) return '';
  const login = await request(`${base}/nacos/v1/auth/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: auth.username, password: auth.password }),
  });
  if (login === null || !login.ok) return null;
  return `&accessToken=${encodeURIComponent(((await login.json()) as { accessToken: string }).accessToken)}`;
}

/** True once the config API answers (404 for a missing config is an answer); with auth, after a login. */
async function ready(httpPort: number, auth: NacosServerOptions['auth']): Promise<boolean> {
  const base = `http://127.0.0.1:${httpPort}`;
  const health = await request(`${base}/health`);
  if (health === null || !health.ok) return false;
  const token = await tokenQuery(base, auth);
  if (token === null) return false;
  const config = await request(
    `${base}/nacos/v1/cs/configs?dataId=configdeck-probe&group=DEFAULT_GROUP${token}`,
  );
  return config !== null && (config.ok || config.status === 404);
}

/** Publishes a probe config and reads it back: the one check that catches a start whose writes vanish. */
async function storesWrites(httpPort: number, auth: NacosServerOptions['auth']): Promise<boolean> {
  const base = `http://127.0.0.1:${httpPort}`;
  const token = await tokenQuery(base, auth);
  if (token === null) return false;
  const url = `${base}/nacos/v1/cs/configs?dataId=configdeck-probe&group=DEFAULT_GROUP${token}`;
  await request(url, { method: 'POST', body: new URLSearchParams({ content: 'probe' }) });
  for (let attempt = 0; attempt < 10; attempt++) {
    if ((await request(url))?.ok) {
      await request(url, { method: 'DELETE' });
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Starts r-nacos and makes sure its raft state machine lives. r-nacos 0.8.8 races on a fresh data directory:
 * the raft auto-init may apply its first entry before the state machine is wired, that thread panics
 * (`raftapply.rs: unwrap() on a None value`), and the server still answers but silently drops every config
 * write (about one fresh start in four here). The data it leaves has no raft members, so a restart does not
 * heal it: a panicked fresh start is retried on an emptied data directory (r-nacos starts in ~50 ms).
 */
async function startAlive(
  proc: ManagedProcess,
  logPath: string,
  dataPath: string,
  fresh: boolean,
  probe: () => Promise<boolean>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const offset = logSize(logPath);
    await proc.start();
    // The panic may come just after the server first answers: a write read back proves the state machine.
    if (!logSince(logPath, offset).includes('panicked at') && (await probe())) return;
    await proc.terminate('SIGKILL');
    // A fresh start is retried on an emptied data directory; a restart keeps its data and simply tries again.
    if (attempt === (fresh ? FRESH_START_ATTEMPTS : RESTART_ATTEMPTS)) {
      throw new Error(`r-nacos panicked (or stored no write) during start; log tail:\n${logTail(logPath)}`);
    }
    if (fresh) {
      await rm(dataPath, { recursive: true, force: true });
      await mkdir(dataPath);
    }
  }
}

async function startOnce(binary: string, options: NacosServerOptions): Promise<NacosServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-nacos-'));
  try {
    const ports = await nacosPorts();
    await mkdir(join(dataDir, 'data'));
    const logPath = join(dataDir, 'rnacos.log');
    const proc = new ManagedProcess({
      name: 'r-nacos',
      command: binary,
      args: [],
      // r-nacos also loads `.env` from its working directory: keep it away from the repository's.
      cwd: dataDir,
      env: nacosEnv(dataDir, ports, options),
      logPath,
      waitUntilReady: (child) =>
        pollUntilReady(child, {
          name: 'r-nacos',
          logPath,
          timeoutMs: READY_TIMEOUT_MS,
          notReadyPhrase: 'did not answer /nacos/v1/cs/configs',
          probe: () => ready(ports.http, options.auth),
          intervalMs: 200,
        }),
    });
    const probe = (): Promise<boolean> => storesWrites(ports.http, options.auth);
    await startAlive(proc, logPath, join(dataDir, 'data'), true, probe);
    return {
      host: '127.0.0.1',
      port: ports.http,
      endpoint: `127.0.0.1:${ports.http}`,
      grpcPort: ports.grpc,
      consolePort: ports.console,
      dataDir,
      stop: async () => {
        await proc.terminate('SIGTERM');
        await rm(dataDir, { recursive: true, force: true });
      },
      kill: () => proc.terminate('SIGKILL'),
      restart: async () => {
        await proc.terminate('SIGTERM');
        await startAlive(proc, logPath, join(dataDir, 'data'), false, probe);
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Starts a single r-nacos server (Nacos open API and gRPC) on free loopback ports with a fresh data directory. */
export async function startNacos(options: NacosServerOptions = {}): Promise<NacosServer> {
  const binary = requireBuiltServer('rnacos');
  return startWithRetries(START_ATTEMPTS, () => startOnce(binary, options));
}

/** A resolved Nacos connection profile for tests (no auth, 5 s timeout unless overridden). */
export function nacosProfile(endpoints: string[], overrides: Partial<ResolvedProfile> = {}): ResolvedProfile {
  return testProfile('nacos', endpoints, overrides);
}
