import { AppError, isAppError } from '../../../../shared/errors.js';
import type { ScannedNode, ScanOptions } from '../subtree.scan.js';
import { scanZooKeeperSubtree } from './zookeeper.subtree.js';
import type { NodeCapabilities } from '../../../../shared/model/capabilities.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { AclEntry, ChildPage, NodeValue } from '../../../../shared/model/node.js';
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
} from '../backend.js';
import { toAclEntries } from './zookeeper.acl.js';
import { ChildLister } from './zookeeper.children.js';
import type { ZooKeeperConnection } from './zookeeper.connection.js';
import { createNode } from './zookeeper.create.js';
import { ZooKeeperOps } from './zookeeper.ops.js';
import { zooKeeperBatchWriter } from './zookeeper.batch.js';
import { ZooKeeperSubtreeMove } from './zookeeper.rename.js';
import type { SubtreeMoveApi } from '../subtree.move.js';
import type { BatchWriter } from '../batch.js';
import { assertZnodePath } from './zookeeper.paths.js';
import { parentPath } from '../../../../shared/paths.js';
import { countSubtree } from './zookeeper.tree.js';
import { assertValueSize, explainWriteError, toNodeValue } from './zookeeper.values.js';
import { WatchHub } from './zookeeper.watch.js';
import { PersistentWatchHub } from './zookeeper.watch.persistent.js';
import { removeZnode, removeZnodeTree, writeZnode } from './zookeeper.write.js';
import { SessionLifecycle } from '../kit/session.lifecycle.js';
import type { ServerFeature } from '../../../../shared/model/server-features.js';
import { describeFeatures, type ZooKeeperFeatures } from './zookeeper.features.js';
import type { AclApi, DiagnosticsApi, OwnerApi, ServersApi, WatchersApi } from '../backend.js';
import type { AclIdentity } from '../../../../shared/model/acl.js';
import { ZooKeeperAclEditor } from './zookeeper.acl-editor.js';
import { sessionTroubleshooting, type EnsembleAddress } from './diagnostics/zookeeper.troubleshooting.js';
import {
  DEFAULT_STREAM_SETTINGS,
  ZooKeeperStreams,
  type ZooKeeperStreamSettings,
} from './zookeeper.streams.js';

function isCode(error: unknown, code: string): boolean {
  return isAppError(error) && error.code === code;
}

/** A live ZooKeeper session mapped onto the common tree model. */
export class ZooKeeperSession implements BackendSession {
  readonly batch: BatchWriter;
  /** A rename within the ensemble as one multi, where the subtree fits. */
  readonly subtreeMove: SubtreeMoveApi;
  readonly servers?: ServersApi;
  readonly diagnostics?: DiagnosticsApi;
  readonly watchers?: WatchersApi;
  readonly owners?: OwnerApi;
  readonly streams: ZooKeeperStreams;
  /** ACL editing: every ZooKeeper node has an ACL this session may read and, with ADMIN, replace. */
  readonly acls: AclApi;
  private readonly ops: ZooKeeperOps;
  private readonly children: ChildLister;
  private readonly watches: Pick<WatchHub, 'watch'>;
  private readonly life = new SessionLifecycle('zookeeper');
  /** From the connect probe, corrected when the server refuses a TTL create later (another server). */
  private ttlAccepted: boolean;

  constructor(
    private readonly connection: ZooKeeperConnection,
    readonly server: string | null,
    private readonly detected: ZooKeeperFeatures,
    ensemble: EnsembleAddress | null = null,
    streamSettings: ZooKeeperStreamSettings = DEFAULT_STREAM_SETTINGS,
    /** Who the profile authenticates as (its digest id), for servers that cannot tell (no whoAmI). */
    profileIdentities: readonly AclIdentity[] = [],
  ) {
    this.ttlAccepted = detected.ttl !== false;
    this.ops = new ZooKeeperOps(connection.client, connection);
    this.acls = new ZooKeeperAclEditor(this.ops, profileIdentities);
    this.batch = zooKeeperBatchWriter(this.ops);
    this.subtreeMove = new ZooKeeperSubtreeMove(this.ops);
    this.children = new ChildLister(this.ops);
    // One persistent watch per path where the server has them; re-armed one-shot watches elsewhere.
    const persistent = detected.persistentWatches === true && streamSettings.watches !== 'oneShot';
    this.watches = persistent
      ? new PersistentWatchHub(this.ops, connection)
      : new WatchHub(this.ops, connection);
    this.streams = new ZooKeeperStreams(this.ops, connection, detected.persistentWatches, streamSettings);
    // Members, health, who is connected, who watches, who owns (diagnostics/): absent without an address.
    const trouble = ensemble === null ? null : sessionTroubleshooting(ensemble, this.ops);
    this.servers = trouble?.servers;
    this.diagnostics = trouble?.diagnostics;
    this.watchers = trouble?.watchers;
    this.owners = trouble?.owners;
  }

  get nodeCapabilities(): NodeCapabilities {
    return {
      ephemeral: true,
      sequential: true,
      container: true,
      ttl: this.ttlAccepted,
      leases: false,
      acls: true,
    };
  }

  /** A session that came up on a read-only server says so from the start. */
  get stateMessage(): string | null {
    return this.connection.stateMessage;
  }

  get features(): ServerFeature[] {
    return describeFeatures(
      { ...this.detected, ttl: this.ttlAccepted ? this.detected.ttl : false },
      this.connection.readOnly,
    );
  }

  async listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    assertZnodePath(path);
    return this.children.list(path, options);
  }

  async get(path: string, options: GetOptions): Promise<NodeValue> {
    assertZnodePath(path);
    const [{ data, stat }, acls] = await Promise.all([this.ops.getData(path), this.readAcls(path)]);
    return toNodeValue(path, data, stat, acls, options.maxBytes);
  }

  /** The value it replaced is read in the same flow, and the write is guarded by that read (zookeeper.write.ts). */
  async set(path: string, value: Buffer, token: string | null): Promise<SetResult> {
    assertZnodePath(path);
    assertValueSize(path, value);
    const { stat, before } = await writeZnode(this.ops, path, value, token);
    // The write went through: a failed ACL read must not make it look failed.
    const acls = await this.readAcls(path).catch(() => null);
    return { node: toNodeValue(path, value, stat, acls, 0), before };
  }

  async create(path: string, value: Buffer, mode: CreateOptions): Promise<{ path: string }> {
    assertZnodePath(path);
    if (path === '/') throw new AppError('NODE_EXISTS', 'The root node / always exists.');
    assertValueSize(path, value);
    try {
      const created = await createNode(this.ops, path, value, mode);
      this.children.invalidate(parentPath(path) ?? '/');
      return { path: created };
    } catch (error) {
      if (mode.ttlMs !== undefined && isCode(error, 'UNSUPPORTED')) this.ttlAccepted = false;
      throw explainWriteError(error, value);
    }
  }

  /** Reads the node first: its value goes to the audit log, and a stale token fails before anything goes. */
  async delete(path: string, options: DeleteOptions): Promise<DeleteResult> {
    assertZnodePath(path);
    if (path === '/') throw new AppError('INVALID_INPUT', 'The root node / cannot be deleted.');
    try {
      return options.recursive
        ? await removeZnodeTree(this.ops, path, options.token)
        : await removeZnode(this.ops, path, options.token);
    } finally {
      this.children.invalidate(parentPath(path) ?? '/');
      this.children.invalidate(path);
    }
  }

  /** Every znode below `path` with its data: pipelined getData/getChildren, level by level. */
  scanSubtree(path: string, options: ScanOptions): AsyncIterable<ScannedNode[]> {
    assertZnodePath(path);
    return scanZooKeeperSubtree(this.ops, path, options);
  }

  async countSubtree(path: string): Promise<number> {
    assertZnodePath(path);
    return countSubtree(this.ops, path);
  }

  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    assertZnodePath(path);
    return this.life.watch(listener, (emit) => this.watches.watch(path, options, emit));
  }

  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void {
    return this.connection.onState(listener);
  }

  close(): Promise<void> {
    return this.life.close(() => {
      this.streams.stopAll();
      return this.connection.close();
    });
  }

  /** ACLs of a node; null when this session may not read them (the value may still be readable). */
  private async readAcls(path: string): Promise<AclEntry[] | null> {
    try {
      return toAclEntries(await this.ops.getAcl(path));
    } catch (error) {
      if (isCode(error, 'PERMISSION_DENIED')) return null;
      throw error;
    }
  }
}
