import type { ServerFeature } from '../../../shared/model/server-features.js';
import type { BackendKind, ConnectionProfile, ConnectionState } from '../../../shared/model/connection.js';
import type { NodeCapabilities } from '../../../shared/model/capabilities.js';
import type {
  AclEntry,
  ChildPage,
  CreateMode,
  NodeChangeType,
  NodeValue,
} from '../../../shared/model/node.js';
import type { AclIdentity, NodeAcl } from '../../../shared/model/acl.js';
import type { ScannedNode, ScanOptions } from './subtree.scan.js';
import type { BatchWriter } from './batch.js';
import type { SubtreeMoveApi } from './subtree.move.js';
import type { FlagsApi } from './flags.api.js';
import type {
  CatalogNode,
  ClusterOverview,
  RegistryScope,
  ServiceInstance,
  ServiceSummary,
} from '../../../shared/model/registry.js';
import type {
  Discovery,
  HistoryVersion,
  ListenerReport,
  ServerHistory,
} from '../../../shared/model/history.js';
import type { BackendStreamEvent, StreamMarkKind } from '../../../shared/model/event-stream.js';
import type {
  DiagnosticsReport,
  LeaseKeysPage,
  LeasePage,
  OwnerReport,
  ServersReport,
  WatchersReport,
} from '../../../shared/model/diagnostics.js';
import type { AppError } from '../../../shared/errors.js';
import type { PrincipalsReport } from '../../../shared/model/principals.js';

/** A profile with its secret resolved, handed to a driver only; never leaves the core. */
export interface ResolvedProfile extends ConnectionProfile {
  password: string | null;
  /**
   * Through an SSH tunnel the endpoints are loopback ports: the names the servers really have, which TLS
   * certificates are checked against (absent for a direct connection).
   */
  tunnelServerNames?: readonly string[];
  /** Through an SSH tunnel: each real server address and the loopback address forwarding to it. */
  tunnelForwards?: ReadonlyArray<{
    target: { host: string; port: number };
    local: { host: string; port: number };
  }>;
}

export interface ListChildrenOptions {
  cursor: string | null;
  limit: number;
  /** Case-insensitive substring on the child name. */
  filter: string | null;
}

export interface GetOptions {
  /** Return at most this many bytes of the value (0 = all); `truncated` says when cut. */
  maxBytes: number;
}

export interface DeleteOptions {
  recursive: boolean;
  /** For a non-recursive delete: fail with CONFLICT when the node moved past this token. */
  token: string | null;
}

export interface NodeChange {
  path: string;
  type: NodeChangeType;
}

/** What a write found before it wrote, for the audit log: read by the same operation where the store allows. */
export interface Written {
  /** The node's value before the write; null when it had none (absent, or a folder without a value). */
  before: Buffer | null;
}

/** What a set resolves with: the node as written and the value it replaced. */
export type SetResult = Written & { node: NodeValue };

/** What a delete resolves with: how many nodes went and the value of the node itself before. */
export type DeleteResult = Written & { deleted: number };

/** The mode of a create, validated by the node service against the session's node capabilities. */
export type CreateOptions = Required<Pick<CreateMode, 'ephemeral' | 'sequential' | 'container'>> &
  Pick<CreateMode, 'ttlMs' | 'leaseTtlSec'>;

export interface WatchOptions {
  /** Also report changes to the direct children list (created/deleted children). */
  children: boolean;
}

/**
 * One live connection to a store, mapped onto the common tree model. Every method rejects with an
 * AppError (stable code) and never hangs past the profile's session timeout.
 */
export interface BackendSession {
  /** Create modes and ACLs of this session's server; the flags of the optional APIs below are derived (capabilities.ts). */
  readonly nodeCapabilities: NodeCapabilities;
  /** Server version or description when known. */
  readonly server: string | null;
  /** Optional features of the server as detected on connect (persistent watches, TTL, …); optional. */
  readonly features?: readonly ServerFeature[];
  /** Optional: the message of the current state (a read-only server), as onStateChange said it last. */
  readonly stateMessage?: string | null;
  listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage>;
  /** Rejects with NOT_FOUND when neither a value nor children exist at the path. */
  get(path: string, options: GetOptions): Promise<NodeValue>;
  /**
   * Writes when the node is still at `token` (null = unconditional); CONFLICT carries the current value.
   * Resolves with the node as written and the value it replaced.
   */
  set(path: string, value: Buffer, token: string | null): Promise<SetResult>;
  /**
   * Returns the created path (differs from the input for sequential nodes). The mode is one the node
   * capabilities allow (checked by the node service before).
   */
  create(path: string, value: Buffer, mode: CreateOptions): Promise<{ path: string }>;
  /** Returns the number of nodes removed and the value of the node itself before. */
  delete(path: string, options: DeleteOptions): Promise<DeleteResult>;
  /** Number of nodes in the subtree, the node itself included when it holds a value. */
  countSubtree(path: string): Promise<number>;
  /** Calls the listener on every change until the returned function is called. */
  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void;
  /** Connection state changes (reconnects, session expiry). */
  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void;
  close(): Promise<void>;
  /** Optional fast path for whole-subtree work (diff, export): every node below `path` with its value, in pages. */
  scanSubtree?(path: string, options: ScanOptions): AsyncIterable<ScannedNode[]>;
  /** Optional: many guarded writes in one all-or-nothing transaction (ZooKeeper multi, etcd txn, Consul txn). */
  readonly batch?: BatchWriter;
  /** Optional: a subtree moved within the connection in one transaction (ZooKeeper multi), where it fits. */
  readonly subtreeMove?: SubtreeMoveApi;
  /** Optional: a key's numeric flags read and set on their own (Consul), what a copy carries. */
  readonly flags?: FlagsApi;
  /** Optional: datacenters, nodes, leader and peers (its presence is capability `catalog`). */
  readonly catalog?: CatalogApi;
  /** Optional: services and instances (its presence is capability `serviceRegistry`). */
  readonly registry?: ServiceRegistryApi;
  /** Optional: earlier versions of values kept by the server (its presence is capability `history`). */
  readonly history?: HistoryApi;
  /** Optional: who listens to a value (its presence is capability `listeners`). */
  readonly listeners?: ListenerApi;
  /** Optional: live event streams with values before and after (capability `eventStreams`). */
  readonly streams?: EventStreamApi;
  /** Optional: the cluster's members and their health from cheap calls (capability `servers`). */
  readonly servers?: ServersApi;
  /** Optional: who is connected and what members tell beyond health (capability `diagnostics`). */
  readonly diagnostics?: DiagnosticsApi;
  /** Optional: which clients watch a path (capability `watchers`). */
  readonly watchers?: WatchersApi;
  /** Optional: who owns a node (capability `owners`). */
  readonly owners?: OwnerApi;
  /** Optional: etcd leases and their keys (capability `leaseInventory`). */
  readonly leases?: LeaseApi;
  /** Optional: read a node's ACL with its version and replace it (capability `aclEditing`). */
  readonly acls?: AclApi;
  /** Optional: users, roles, tokens and policies with their grants, read-only (capability `principals`). */
  readonly principals?: PrincipalsApi;
}

/** Who may do what on the store, as far as the session's credentials may read it (a denial is a note). */
export interface PrincipalsApi {
  list(): Promise<PrincipalsReport>;
}

/** What an ACL save found and left: the ACL it replaced and the ACL as written, each with its version. */
export interface AclWriteResult {
  before: NodeAcl;
  after: NodeAcl;
}

/** A node's ACL (ZooKeeper); every method rejects with an AppError. */
export interface AclApi {
  get(path: string): Promise<NodeAcl>;
  /**
   * Replaces the ACL when it is at `aclVersion` (null: any); CONFLICT carries the current ACL (JSON text of
   * its entries) and version. The entries were checked by the caller.
   */
  set(path: string, entries: readonly AclEntry[], aclVersion: number | null): Promise<AclWriteResult>;
  /** Who this session is to the server (`world:anyone` first): what the admin-removal rule checks. */
  identities(): Promise<AclIdentity[]>;
}

/** Where a driver's stream reports to; both calls are safe from any callback, in the store's order. */
export interface StreamSink {
  /** A change, a lost or restored connection, or a note (values already cut by streamValue). */
  emit(event: BackendStreamEvent): void;
  /** The stream cannot go on (a compacted revision, the path refused): its sentence is shown, it stops. */
  fail(error: AppError): void;
}

export interface StreamOptions {
  /** The whole subtree (true) or the node alone. */
  recursive: boolean;
  /** etcd: replay from this revision; other stores refuse it with INVALID_INPUT. */
  sinceRevision: string | null;
}

/** A running backend stream: how it watches (shown with the stream) and how to stop it. */
export interface OpenedStream {
  method: string;
  note: string | null;
  markKind: StreamMarkKind | null;
  /** Stops the stream; no event is emitted after it returns. Idempotent. */
  stop(): void;
}

/** Live event streams; `open` rejects with an AppError when the path cannot be watched. */
export interface EventStreamApi {
  open(path: string, options: StreamOptions, sink: StreamSink): Promise<OpenedStream>;
}

/** Members and their health; only cheap calls (it is polled every few seconds). */
export interface ServersApi {
  health(): Promise<ServersReport>;
}

/** On-demand facts beyond health: connections, watch summaries, alarms, sessions. */
export interface DiagnosticsApi {
  report(): Promise<DiagnosticsReport>;
}

/** Who watches a path; a costly query unconfirmed returns its cost only. */
export interface WatchersApi {
  query(path: string, confirmed: boolean): Promise<WatchersReport>;
}

export interface OwnerApi {
  query(path: string): Promise<OwnerReport>;
}

export interface LeaseApi {
  list(cursor: string | null, limit: number): Promise<LeasePage>;
  keys(leaseId: string, cursor: string | null, limit: number): Promise<LeaseKeysPage>;
}

/** Datacenters, nodes, leader and peers (Consul). */
export interface CatalogApi {
  overview(datacenter: string | null): Promise<ClusterOverview>;
  nodes(datacenter: string | null): Promise<CatalogNode[]>;
}

/** Services and instances of a registry (Consul catalog + health, Nacos naming). */
export interface ServiceRegistryApi {
  services(scope: RegistryScope): Promise<ServiceSummary[]>;
  instances(service: string, scope: RegistryScope): Promise<ServiceInstance[]>;
}

/**
 * Earlier versions of a value as the server keeps them (etcd revisions, Nacos config history). Ids are the
 * driver's own (without the `server:` prefix the core adds); entries carry `source: 'server'`.
 */
export interface HistoryApi {
  /** Newest first, at most `limit`, with a sentence where the list stops (a compaction). */
  list(path: string, limit: number): Promise<ServerHistory>;
  /** One version with its value; NOT_FOUND when the server no longer has it. */
  get(path: string, id: string): Promise<HistoryVersion>;
}

/** Who listens to a value and which version each client holds (Nacos). */
export interface ListenerApi {
  query(path: string): Promise<ListenerReport>;
}

export interface BackendDriver {
  readonly kind: BackendKind;
  /** Opens a session; rejects with UNREACHABLE/AUTH_FAILED/TIMEOUT/INVALID_INPUT within the session timeout. */
  connect(profile: ResolvedProfile): Promise<BackendSession>;
  /** What the server offers before a profile is saved (datacenters, namespaces, API); optional. */
  discover?(profile: ResolvedProfile): Promise<Discovery>;
}
