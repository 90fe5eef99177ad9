import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { ManagedProcess, pollUntilReady, startWithRetries } from './managed-process.js';
import { requireBuiltServer } from './server-binaries.js';
import { testProfile } from './test-profile.js';

const READY_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;

export interface ConsulServerOptions {
  /** Enables ACLs with `default_policy = deny`; this token is the bootstrap (initial management) token. */
  aclMasterToken?: string;
}

export interface ConsulServer {
  host: '127.0.0.1';
  /** The HTTP API port. */
  port: number;
  /** `127.0.0.1:PORT`, as a connection profile lists it. */
  endpoint: string;
  dataDir: string;
  /** Stops the agent and removes its data directory (final). */
  stop(): Promise<void>;
  /** SIGKILL, keeping the data: for "server down" tests. */
  kill(): Promise<void>;
  /** Starts the agent again on the same ports with the same data. */
  restart(): Promise<void>;
}

interface ConsulPorts {
  http: number;
  serfLan: number;
  server: number;
}

/** A single-node server agent that binds loopback only, with every port it does not need turned off. */
function consulConfig(dataDir: string, ports: ConsulPorts, aclToken: string | undefined): object {
  return {
    node_name: 'configdeck-test',
    datacenter: 'dc1',
    server: true,
    bootstrap_expect: 1,
    data_dir: join(dataDir, 'data'),
    bind_addr: '127.0.0.1',
    client_addr: '127.0.0.1',
    advertise_addr: '127.0.0.1',
    advertise_addr_wan: '127.0.0.1',
    ports: {
      http: ports.http,
      https: -1,
      dns: -1,
      grpc: -1,
      grpc_tls: -1,
      serf_lan: ports.serfLan,
      serf_wan: -1,
      server: ports.server,
    },
    // raft_multiplier 1 is the production timing: a lone server elects itself in about a second.
    performance: { raft_multiplier: 1 },
    disable_update_check: true,
    ui_config: { enabled: false },
    log_level: 'INFO',
    ...(aclToken === undefined
      ? {}
      : {
          acl: {
            enabled: true,
            default_policy: 'deny',
            down_policy: 'extend-cache',
            enable_token_persistence: true,
            // The agent token lets the node register itself under default-deny (else it logs errors forever).
            tokens: { initial_management: aclToken, agent: aclToken },
          },
        }),
  };
}

async function answers(url: string, token: string | undefined): Promise<Response | null> {
  try {
    return await fetch(url, {
      headers: token === undefined ? {} : { 'X-Consul-Token': token },
      signal: AbortSignal.timeout(1000),
    });
  } catch {
    return null;
  }
}

/** True once a leader is elected and, with ACLs, the bootstrap token is accepted. */
async function ready(httpPort: number, aclToken: string | undefined): Promise<boolean> {
  const base = `http://127.0.0.1:${httpPort}/v1`;
  const leader = await answers(`${base}/status/leader`, undefined);
  if (leader === null || !leader.ok || ((await leader.json()) as string) === '') return false;
  if (aclToken === undefined) return true;
  // The leader writes the initial management token shortly after its election.
  const self = await answers(`${base}/acl/token/self`, aclToken);
  return self !== null && self.ok;
}

async function startOnce(binary: string, options: ConsulServerOptions): Promise<ConsulServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-consul-'));
  try {
    const ports: ConsulPorts = {
      http: await freePort(),
      serfLan: await freePort(),
      server: await freePort(),
    };
    await mkdir(join(dataDir, 'data'));
    const configFile = join(dataDir, 'consul.json');
    await writeFile(
      configFile,
      JSON.stringify(consulConfig(dataDir, ports, options.aclMasterToken), null, 2),
    );
    const logPath = join(dataDir, 'consul.log');
    const proc = new ManagedProcess({
      name: 'Consul',
      command: binary,
      args: ['agent', `-config-file=${configFile}`],
      logPath,
      waitUntilReady: (child) =>
        pollUntilReady(child, {
          name: 'Consul',
          logPath,
          timeoutMs: READY_TIMEOUT_MS,
          notReadyPhrase:
            options.aclMasterToken === undefined
              ? 'did not elect a leader'
              : 'did not elect a leader and accept the ACL token',
          probe: () => ready(ports.http, options.aclMasterToken),
          intervalMs: 200,
        }),
    });
    await proc.start();
    return {
      host: '127.0.0.1',
      port: ports.http,
      endpoint: `127.0.0.1:${ports.http}`,
      dataDir,
      stop: async () => {
        await proc.terminate('SIGTERM');
        await rm(dataDir, { recursive: true, force: true });
      },
      kill: () => proc.terminate('SIGKILL'),
      restart: async () => {
        await proc.terminate('SIGTERM');
        await proc.start();
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Starts a single-node Consul server agent on free loopback ports with a fresh data directory. */
export async function startConsul(options: ConsulServerOptions = {}): Promise<ConsulServer> {
  const binary = requireBuiltServer('consul');
  return startWithRetries(START_ATTEMPTS, () => startOnce(binary, options));
}

/** A Consul connection profile for tests (secret resolved: `password` is the ACL token). */
export function consulProfile(
  endpoints: string[],
  overrides: Partial<ResolvedProfile> = {},
): ResolvedProfile {
  return testProfile('consul', endpoints, overrides);
}
