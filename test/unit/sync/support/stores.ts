// Helpers for the sync integration tests: real sessions on real servers, sources over them, an audit log.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import { connectedZkClient } from '../../../integration/support/zk-client.js';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import type { BackendSession, ResolvedProfile } from '../../../../electron/core/backends/backend.js';
import { createConsulDriver } from '../../../../electron/core/backends/consul/consul.driver.js';
import { createEtcdDriver } from '../../../../electron/core/backends/etcd/etcd.driver.js';
import { createNacosDriver } from '../../../../electron/core/backends/nacos/nacos.driver.js';
import { EtcdRpc } from '../../../../electron/core/backends/etcd/etcd.rpc.js';
import { DerivedConnectionState } from '../../../../electron/core/backends/derived-connection.state.js';
import { ZooKeeperConnection } from '../../../../electron/core/backends/zookeeper/zookeeper.connection.js';
import { createZooKeeperDriver } from '../../../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { ZooKeeperOps } from '../../../../electron/core/backends/zookeeper/zookeeper.ops.js';
import { AuditStore } from '../../../../electron/core/audit/audit.store.js';
import { WriteGate } from '../../../../electron/core/gate/write.gate.js';
import { applySync } from '../../../../electron/core/sync/sync.apply.js';
import { syncTarget } from '../../../../electron/core/sync/sync.guard.js';
import type { JobContext } from '../../../../electron/core/sync/job.js';
import type { SyncPlan, SyncReport } from '../../../../electron/core/sync/sync.types.js';
import type { Source } from '../../../../electron/core/sources/source.js';
import { methods } from '../../../../shared/contract/methods.js';
import { isAppError } from '../../../../shared/errors.js';
import { ancestorsOf } from '../../../../shared/paths.js';
import { EventBus } from '../../../../electron/core/events/event.bus.js';
import { MutationAuditor } from '../../../../electron/core/nodes/mutation.auditor.js';
import { SessionSource } from '../../../../electron/core/sources/session.source.js';
import type {
  ScannedNode,
  ScanOptions,
  SubtreeScanner,
} from '../../../../electron/core/backends/subtree.scan.js';
import { scanEtcdSubtree } from '../../../../electron/core/backends/etcd/etcd.subtree.js';
import { scanZooKeeperSubtree } from '../../../../electron/core/backends/zookeeper/zookeeper.subtree.js';
import { etcdProfile } from '../../../servers/etcd.server.js';
import { zooKeeperProfile } from '../../../servers/zookeeper.server.js';
import { consulProfile } from '../../../servers/consul.server.js';

export const PLAIN = { ephemeral: false, sequential: false, container: false } as const;

/** A store opened for a test: its profile (as the core keeps it) and a live session. */
export interface Store {
  profile: ConnectionProfile;
  session: BackendSession;
  source(root: string, label?: string): SessionSource;
  close(): Promise<void>;
}

function store(resolved: ResolvedProfile, session: BackendSession): Store {
  const { password: _password, ...profile } = resolved;
  return {
    profile,
    session,
    source: (root, label = `${profile.kind}:${root}`) => new SessionSource({ label, profile, session, root }),
    close: () => session.close(),
  };
}

export async function openZooKeeper(
  connectString: string,
  overrides: Partial<ResolvedProfile> = {},
): Promise<Store> {
  const profile = zooKeeperProfile(connectString, { name: 'zk', id: 'zk', ...overrides });
  return store(profile, await createZooKeeperDriver().connect(profile));
}

export async function openEtcd(endpoint: string, overrides: Partial<ResolvedProfile> = {}): Promise<Store> {
  const profile = etcdProfile([endpoint], { name: 'etcd', id: 'etcd', ...overrides });
  return store(profile, await createEtcdDriver().connect(profile));
}

export async function openConsul(endpoint: string, overrides: Partial<ResolvedProfile> = {}): Promise<Store> {
  const profile = consulProfile([endpoint], { id: 'consul', name: 'consul', ...overrides });
  return store(profile, await createConsulDriver().connect(profile));
}

export async function openNacos(endpoint: string, overrides: Partial<ResolvedProfile> = {}): Promise<Store> {
  const profile: ResolvedProfile = {
    ...etcdProfile([endpoint]),
    id: 'nacos',
    name: 'nacos',
    kind: 'nacos',
    ...overrides,
  };
  return store(profile, await createNacosDriver().connect(profile));
}

/** Writes values (creating missing parents empty) through a session. */
export async function seed(
  session: BackendSession,
  root: string,
  keys: Record<string, string | Buffer>,
): Promise<void> {
  for (const [path, value] of Object.entries(keys)) {
    const absolute = root === '/' ? path : `${root}${path}`;
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    try {
      await session.create(absolute, bytes, PLAIN);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'NODE_EXISTS') await session.set(absolute, bytes, null);
      else if (error.code !== 'NOT_FOUND') throw error;
      else {
        // A store whose nodes need their parents (ZooKeeper): make them empty, then try again.
        for (const parent of ancestorsOf(absolute).slice(1)) {
          await session.create(parent, Buffer.alloc(0), PLAIN).catch(() => undefined);
        }
        await session.create(absolute, bytes, PLAIN);
      }
    }
  }
}

/** An audit log in a fresh directory, the auditor writing to it and a write gate in front of it. */
export interface TempAudit {
  store: AuditStore;
  auditor: MutationAuditor;
  gate: WriteGate;
  /** Applies a sync as the engine does: admitted by the gate (`confirmation` for a prod target), audited. */
  apply(
    plan: SyncPlan,
    source: Source,
    target: Source,
    options?: { confirmation?: string; job?: JobContext },
  ): Promise<SyncReport>;
  dispose(): Promise<void>;
}

export async function tempAudit(): Promise<TempAudit> {
  const dir = await mkdtemp(join(tmpdir(), 'configdeck-sync-audit-'));
  const store = new AuditStore(join(dir, 'audit.jsonl'));
  const auditor = new MutationAuditor(store, new EventBus());
  const gate = new WriteGate(auditor);
  return {
    store,
    auditor,
    gate,
    apply: async (plan, source, target, options = {}) => {
      const rule = methods['sync.apply'].access;
      const permit = await gate.admit(rule, syncTarget(target, undefined), options.confirmation);
      return applySync(plan, source, target, { auditor, permit }, options.job);
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The session with some members replaced (undefined removes an optional one); methods stay bound to it. */
function overriding(session: BackendSession, overrides: Record<string, unknown>): BackendSession {
  return new Proxy(session, {
    get(target, property) {
      if (typeof property === 'string' && property in overrides) return overrides[property];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The session with a bulk scan added (the proposed driver method, wired here from the outside). */
export function withScanner(
  session: BackendSession,
  scan: (path: string, options: ScanOptions) => AsyncIterable<ScannedNode[]>,
): BackendSession & SubtreeScanner {
  return overriding(session, { scanSubtree: scan }) as BackendSession & SubtreeScanner;
}

/** The session without one of its optional fast paths (bulk scan, batch writer): the engine then goes node by node. */
export function without(session: BackendSession, member: 'scanSubtree' | 'batch'): BackendSession {
  return overriding(session, { [member]: undefined });
}

/** An etcd scanner on its own client; `close` releases it. */
export function etcdScanner(endpoint: string): {
  client: Etcd3;
  scan: (path: string, o: ScanOptions) => AsyncIterable<ScannedNode[]>;
  close(): void;
} {
  const client = new Etcd3({ hosts: `http://${endpoint}` });
  const rpc = new EtcdRpc(client, 5000, new DerivedConnectionState(async () => undefined));
  return {
    client,
    scan: (path, options) => scanEtcdSubtree(rpc, path, options),
    close: () => client.close(),
  };
}

/** A ZooKeeper scanner on its own client; `close` releases it. */
export async function zooKeeperScanner(
  connectString: string,
): Promise<{ scan: (path: string, o: ScanOptions) => AsyncIterable<ScannedNode[]>; close(): Promise<void> }> {
  const client = await connectedZkClient(connectString);
  const connection = new ZooKeeperConnection(client, 10_000, connectString);
  const ops = new ZooKeeperOps(client, connection);
  return {
    scan: (path, options) => scanZooKeeperSubtree(ops, path, options),
    close: () => connection.close(),
  };
}
