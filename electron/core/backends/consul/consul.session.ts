import { PLAIN_NODES, type NodeCapabilities } from '../../../../shared/model/capabilities.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { ChildPage, NodeValue } from '../../../../shared/model/node.js';
import type {
  BackendSession,
  CreateOptions,
  DeleteOptions,
  ListChildrenOptions,
  NodeChange,
  WatchOptions,
  Written,
} from '../backend.js';
import { ConsulCatalog, type AgentInfo } from './consul.catalog.js';
import { listChildren } from './consul.children.js';
import { deleteNode } from './consul.delete.js';
import type { ConsulHttp } from './consul.http.js';
import type { KvContext } from './consul.kv.js';
import { consulBatchWriter } from './consul.batch.js';
import { scanConsulSubtree } from './consul.scan.js';
import type { ScannedNode, ScanOptions } from '../subtree.scan.js';
import type { BatchWriter } from '../batch.js';
import { LevelCache } from './consul.levels.js';
import { countSubtree, getNode } from './consul.read.js';
import { ConsulRegistry } from './consul.registry.js';
import { DerivedConnectionState } from '../derived-connection.state.js';
import { startWatch } from './consul.watch.js';
import { createNode, setNode } from './consul.write.js';

/** Consul keys are plain: no create modes, no ACLs on keys (ACL policies are the agent's, not the key's). */
export const CONSUL_NODES: NodeCapabilities = PLAIN_NODES;

/** One Consul connection (HTTP API) mapped onto the common tree model (see consul.paths.ts). */
export class ConsulSession implements BackendSession {
  readonly nodeCapabilities = CONSUL_NODES;
  readonly server: string | null;
  readonly catalog: ConsulCatalog;
  readonly registry: ConsulRegistry;
  readonly batch: BatchWriter;
  private readonly kv: KvContext;
  private readonly state: DerivedConnectionState;
  private readonly watches = new Set<() => void>();
  private closed = false;

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
    this.catalog = new ConsulCatalog(http, agent, datacenter);
    this.registry = new ConsulRegistry(http);
  }

  listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    return listChildren(this.kv, path, options);
  }

  get(path: string, options: { maxBytes: number }): Promise<NodeValue> {
    return getNode(this.kv, path, options.maxBytes);
  }

  set(path: string, value: Buffer, token: string | null): Promise<Written & { node: NodeValue }> {
    return setNode(this.kv, path, value, token);
  }

  create(path: string, value: Buffer, mode: CreateOptions): Promise<{ path: string }> {
    return createNode(this.kv, path, value, mode);
  }

  delete(path: string, options: DeleteOptions): Promise<Written & { deleted: number }> {
    return deleteNode(this.kv, path, options);
  }

  countSubtree(path: string): Promise<number> {
    return countSubtree(this.kv, path);
  }

  scanSubtree(path: string, options: ScanOptions): AsyncIterable<ScannedNode[]> {
    return scanConsulSubtree(this.kv, path, options);
  }

  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    const stop = startWatch(this.kv, path, options, listener);
    this.watches.add(stop);
    return () => {
      if (this.watches.delete(stop)) stop();
    };
  }

  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void {
    return this.state.subscribe(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stop of this.watches) stop();
    this.watches.clear();
    this.kv.levels.clear();
    this.state.closed();
    this.http.close();
  }
}
