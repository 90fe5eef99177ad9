import type { Etcd3, IOptions } from 'etcd3';
import type { ScannedNode, ScanOptions } from '../subtree.scan.js';
import { scanEtcdSubtree } from './etcd.subtree.js';
import { PLAIN_NODES, type NodeCapabilities } from '../../../../shared/model/capabilities.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { ChildPage, NodeValue } from '../../../../shared/model/node.js';
import type {
  BackendSession,
  CreateOptions,
  DeleteOptions,
  DeleteResult,
  GetOptions,
  ListChildrenOptions,
  NodeChange,
  WatchOptions,
  SetResult,
  EventStreamApi,
  DiagnosticsApi,
  LeaseApi,
  ServersApi,
  HistoryApi,
  PrincipalsApi,
} from '../backend.js';
import { listChildren } from './etcd.children.js';
import { deleteNode } from './etcd.delete.js';
import { countSubtree, getNode } from './etcd.read.js';
import { EtcdRpc } from './etcd.rpc.js';
import { etcdBatchWriter } from './etcd.batch.js';
import type { BatchWriter } from '../batch.js';
import { DerivedConnectionState } from '../derived-connection.state.js';
import { startWatch } from './etcd.watch.js';
import { EtcdStreams } from './etcd.stream.js';
import { EtcdMembers } from './etcd.members.js';
import { EtcdServers } from './etcd.servers.js';
import { EtcdDiagnostics } from './etcd.diagnostics.js';
import { EtcdLeases } from './etcd.leases.js';
import { SessionLifecycle } from '../kit/session.lifecycle.js';
import { createNode, setNode } from './etcd.write.js';
import { EtcdHistory } from './etcd.history.js';
import { EtcdPrincipals } from './etcd.principals.js';

/** etcd keys are plain; a lease can be attached when a key is created. */
export const ETCD_NODES: NodeCapabilities = { ...PLAIN_NODES, leases: true };

/** One open etcd connection mapped onto the common tree model (see etcd.paths.ts for the mapping). */
export class EtcdSession implements BackendSession {
  readonly nodeCapabilities = ETCD_NODES;
  readonly batch: BatchWriter;
  readonly streams: EventStreamApi;
  readonly servers: ServersApi;
  readonly diagnostics: DiagnosticsApi;
  readonly leases: LeaseApi;
  readonly history: HistoryApi;
  readonly principals: PrincipalsApi;
  /** One small client per member, for the servers view and /metrics. */
  private readonly members: EtcdMembers;
  private readonly rpc: EtcdRpc;
  private readonly state: DerivedConnectionState;
  private readonly life = new SessionLifecycle('etcd');

  constructor(
    private readonly client: Etcd3,
    timeoutMs: number,
    readonly server: string | null,
    options: IOptions,
    /** The profile's user name, when it has one (the Access view marks its user). */
    username: string | null = null,
  ) {
    this.state = new DerivedConnectionState(() =>
      this.rpc.call('Checking the etcd server', (c) => c.maintenance.status()),
    );
    this.rpc = new EtcdRpc(client, timeoutMs, this.state);
    this.batch = etcdBatchWriter(this.rpc);
    this.streams = new EtcdStreams(this.rpc, this.life);
    this.members = new EtcdMembers(this.rpc, options);
    this.servers = new EtcdServers(this.members, this.life);
    this.diagnostics = new EtcdDiagnostics(this.rpc, this.members, this.life);
    this.leases = new EtcdLeases(this.rpc, this.life);
    this.history = new EtcdHistory(this.rpc);
    this.principals = new EtcdPrincipals(this.rpc, username);
  }

  listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    return this.life.whileOpen(() => listChildren(this.rpc, path, options));
  }

  get(path: string, options: GetOptions): Promise<NodeValue> {
    return this.life.whileOpen(() => getNode(this.rpc, path, options.maxBytes));
  }

  set(path: string, value: Buffer, token: string | null): Promise<SetResult> {
    return this.life.whileOpen(() => setNode(this.rpc, path, value, token));
  }

  create(path: string, value: Buffer, mode: CreateOptions): Promise<{ path: string }> {
    return this.life.whileOpen(() => createNode(this.rpc, path, value, mode));
  }

  delete(path: string, options: DeleteOptions): Promise<DeleteResult> {
    return this.life.whileOpen(() => deleteNode(this.rpc, path, options));
  }

  /** Every key below `path` with its value, one range per page at one revision. */
  scanSubtree(path: string, options: ScanOptions): AsyncIterable<ScannedNode[]> {
    return scanEtcdSubtree(this.rpc, path, options);
  }

  countSubtree(path: string): Promise<number> {
    return this.life.whileOpen(() => countSubtree(this.rpc, path));
  }

  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    return this.life.watch(listener, (emit) => startWatch(this.rpc, path, options, emit));
  }

  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void {
    return this.state.subscribe(listener);
  }

  /** Watchers go first (a closed client would otherwise keep trying to re-open their stream). */
  close(): Promise<void> {
    return this.life.close(() => {
      this.state.closed();
      this.members.close();
      this.client.close();
    });
  }
}
