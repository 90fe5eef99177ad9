import type { Etcd3 } from 'etcd3';
import type { ScannedNode, ScanOptions } from '../subtree.scan.js';
import { scanEtcdSubtree } from './etcd.subtree.js';
import { PLAIN_NODES, type NodeCapabilities } from '../../../../shared/model/capabilities.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { ChildPage, NodeValue } from '../../../../shared/model/node.js';
import type {
  BackendSession,
  CreateOptions,
  DeleteOptions,
  GetOptions,
  ListChildrenOptions,
  NodeChange,
  WatchOptions,
  Written,
} from '../backend.js';
import { listChildren } from './etcd.children.js';
import { deleteNode } from './etcd.delete.js';
import { countSubtree, getNode } from './etcd.read.js';
import { EtcdRpc } from './etcd.rpc.js';
import { etcdBatchWriter } from './etcd.batch.js';
import type { BatchWriter } from '../batch.js';
import { DerivedConnectionState } from '../derived-connection.state.js';
import { startWatch, type EtcdWatch } from './etcd.watch.js';
import { createNode, setNode } from './etcd.write.js';

/** etcd keys are plain; a lease can be attached when a key is created. */
export const ETCD_NODES: NodeCapabilities = { ...PLAIN_NODES, leases: true };

/** One open etcd connection mapped onto the common tree model (see etcd.paths.ts for the mapping). */
export class EtcdSession implements BackendSession {
  readonly nodeCapabilities = ETCD_NODES;
  readonly batch: BatchWriter;
  private readonly rpc: EtcdRpc;
  private readonly state: DerivedConnectionState;
  private readonly watches = new Set<EtcdWatch>();
  private closed = false;

  constructor(
    private readonly client: Etcd3,
    timeoutMs: number,
    readonly server: string | null,
  ) {
    this.state = new DerivedConnectionState(() =>
      this.rpc.call('Checking the etcd server', (c) => c.maintenance.status()),
    );
    this.rpc = new EtcdRpc(client, timeoutMs, this.state);
    this.batch = etcdBatchWriter(this.rpc);
  }

  listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    return listChildren(this.rpc, path, options);
  }

  get(path: string, options: GetOptions): Promise<NodeValue> {
    return getNode(this.rpc, path, options.maxBytes);
  }

  set(path: string, value: Buffer, token: string | null): Promise<Written & { node: NodeValue }> {
    return setNode(this.rpc, path, value, token);
  }

  create(path: string, value: Buffer, mode: CreateOptions): Promise<{ path: string }> {
    return createNode(this.rpc, path, value, mode);
  }

  delete(path: string, options: DeleteOptions): Promise<Written & { deleted: number }> {
    return deleteNode(this.rpc, path, options);
  }

  /** Every key below `path` with its value, one range per page at one revision. */
  scanSubtree(path: string, options: ScanOptions): AsyncIterable<ScannedNode[]> {
    return scanEtcdSubtree(this.rpc, path, options);
  }

  countSubtree(path: string): Promise<number> {
    return countSubtree(this.rpc, path);
  }

  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    const watch = startWatch(this.client, this.state, path, options, listener);
    this.watches.add(watch);
    return () => {
      if (this.watches.delete(watch)) void watch.cancel();
    };
  }

  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void {
    return this.state.subscribe(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Watchers go first: a closed client would otherwise keep trying to re-open their stream.
    await Promise.allSettled([...this.watches].map((w) => w.cancel()));
    this.watches.clear();
    this.state.closed();
    this.client.close();
  }
}
