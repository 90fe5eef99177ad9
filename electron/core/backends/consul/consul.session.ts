import { PLAIN_NODES, type NodeCapabilities } from '../../../../shared/model/capabilities.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { ChildPage, NodeValue } from '../../../../shared/model/node.js';
import type {
  BackendSession,
  CreateOptions,
  DiagnosticsApi,
  EventStreamApi,
  OwnerApi,
  ServersApi,
  DeleteOptions,
  DeleteResult,
  ListChildrenOptions,
  NodeChange,
  WatchOptions,
  SetResult,
  PrincipalsApi,
} from '../backend.js';
import { ConsulCatalog, type AgentInfo } from './consul.catalog.js';
import { listChildren } from './consul.children.js';
import { deleteNode } from './consul.delete.js';
import type { ConsulHttp } from './consul.http.js';
import type { KvContext } from './consul.kv.js';
import { consulBatchWriter } from './consul.batch.js';
import { consulFlags } from './consul.flags.js';
import type { FlagsApi } from '../flags.api.js';
import { scanConsulSubtree } from './consul.scan.js';
import type { ScannedNode, ScanOptions } from '../subtree.scan.js';
import type { BatchWriter } from '../batch.js';
import { LevelCache } from './consul.levels.js';
import { countSubtree, getNode } from './consul.read.js';
import { ConsulRegistry } from './consul.registry.js';
import { DerivedConnectionState } from '../derived-connection.state.js';
import { startWatch } from './consul.watch.js';
import { SessionLifecycle } from '../kit/session.lifecycle.js';
import { createNode, setNode } from './consul.write.js';
import { ConsulStreams } from './consul.stream.js';
import { ConsulServers } from './consul.servers.js';
import { ConsulDiagnostics } from './consul.diagnostics.js';
import { ConsulOwners } from './consul.owner.js';
import { ConsulPrincipals } from './consul.principals.js';

/** Consul keys are plain: no create modes, no ACLs on keys (ACL policies are the agent's, not the key's). */
export const CONSUL_NODES: NodeCapabilities = PLAIN_NODES;

/** One Consul connection (HTTP API) mapped onto the common tree model (see consul.paths.ts). */
export class ConsulSession implements BackendSession {
  readonly nodeCapabilities = CONSUL_NODES;
  readonly server: string | null;
  readonly catalog: ConsulCatalog;
  readonly registry: ConsulRegistry;
  readonly batch: BatchWriter;
  /** KV flags on their own (a copy between Consul connections carries them). */
  readonly flags: FlagsApi;
  readonly streams: EventStreamApi;
  readonly servers: ServersApi;
  readonly diagnostics: DiagnosticsApi;
  readonly owners: OwnerApi;
  readonly principals: PrincipalsApi;
  private readonly kv: KvContext;
  private readonly state: DerivedConnectionState;
  private readonly life = new SessionLifecycle('consul');

  constructor(
    private readonly http: ConsulHttp,
    agent: AgentInfo,
    datacenter: string | null,
  ) {
    this.server = agent.version ? `consul ${agent.version}` : null;
    this.state = new DerivedConnectionState(() =>
      http.request({ what: 'Checking the Consul agent', path: '/v1/status/leader' }),
    );
    http.reachability = this.state;
    this.kv = { http, levels: new LevelCache(http) };
    this.batch = consulBatchWriter(this.kv);
    this.flags = consulFlags(this.kv);
    this.catalog = new ConsulCatalog(http, agent, datacenter);
    this.registry = new ConsulRegistry(http);
    this.streams = new ConsulStreams(this.kv, this.life);
    this.servers = new ConsulServers(http);
    this.diagnostics = new ConsulDiagnostics(http);
    this.owners = new ConsulOwners(this.kv);
    this.principals = new ConsulPrincipals(http);
  }

  listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    return this.life.whileOpen(() => listChildren(this.kv, path, options));
  }

  get(path: string, options: { maxBytes: number }): Promise<NodeValue> {
    return this.life.whileOpen(() => getNode(this.kv, path, options.maxBytes));
  }

  set(path: string, value: Buffer, token: string | null): Promise<SetResult> {
    return this.life.whileOpen(() => setNode(this.kv, path, value, token));
  }

  create(path: string, value: Buffer, mode: CreateOptions): Promise<{ path: string }> {
    return this.life.whileOpen(() => createNode(this.kv, path, value, mode));
  }

  delete(path: string, options: DeleteOptions): Promise<DeleteResult> {
    return this.life.whileOpen(() => deleteNode(this.kv, path, options));
  }

  countSubtree(path: string): Promise<number> {
    return this.life.whileOpen(() => countSubtree(this.kv, path));
  }

  scanSubtree(path: string, options: ScanOptions): AsyncIterable<ScannedNode[]> {
    return scanConsulSubtree(this.kv, path, options);
  }

  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    return this.life.watch(listener, (emit) => startWatch(this.kv, path, options, emit));
  }

  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void {
    return this.state.subscribe(listener);
  }

  close(): Promise<void> {
    return this.life.close(() => {
      this.kv.levels.clear();
      this.state.closed();
      this.http.close();
    });
  }
}
