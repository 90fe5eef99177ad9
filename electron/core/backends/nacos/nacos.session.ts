import { AppError } from '../../../../shared/errors.js';
import { PLAIN_NODES } from '../../../../shared/model/capabilities.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { ChildPage, NodeValue } from '../../../../shared/model/node.js';
import type {
  BackendSession,
  DeleteOptions,
  GetOptions,
  HistoryApi,
  ListChildrenOptions,
  ListenerApi,
  NodeChange,
  ServiceRegistryApi,
  WatchOptions,
  Written,
} from '../backend.js';
import type { NacosLink } from './nacos.connect.js';
import { deleteNode } from './nacos.delete.js';
import { NacosV1History, RNacosConsoleHistory } from './nacos.history.js';
import { ConfigIndex } from './nacos.index.js';
import { NacosListenerQuery } from './nacos.listeners.js';
import { ConfigListenerHub } from './nacos.long-poll.js';
import { NacosNamespaces } from './nacos.namespaces.js';
import { assertName, resolvePath, type NamespaceRef } from './nacos.paths.js';
import type { NacosApi } from './nacos.probe.js';
import { NacosRegistry } from './nacos.registry.js';
import { countSubtree, getNode, listChildren, type TreeContext } from './nacos.tree.js';
import { configText } from './nacos.values.js';
import { startWatch } from './nacos.watch.js';
import { createConfig, setConfig } from './nacos.write.js';

/** One open Nacos connection mapped onto the tree /<namespace>/<group>/<dataId>. */
export class NacosSession implements BackendSession {
  /** Nacos's model is flat configs in namespaces and groups: none of the node kinds of the others. */
  readonly nodeCapabilities = PLAIN_NODES;
  readonly server: string;
  readonly registry?: ServiceRegistryApi;
  readonly history?: HistoryApi;
  readonly listeners?: ListenerApi;
  private readonly ctx: TreeContext;
  private readonly hub: ConfigListenerHub;
  private readonly watches = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly link: NacosLink,
    api: NacosApi,
    only: NamespaceRef | null,
  ) {
    const { http } = link;
    this.server = api.description;
    const namespaces = new NacosNamespaces(http, api.namespaces, only);
    this.ctx = { http, index: new ConfigIndex(http), namespaces, detail: api.detail };
    this.hub = new ConfigListenerHub(http, api.detail);
    link.state.setProbe(() =>
      http.ok({ path: '/v1/console/health/readiness', what: 'Checking the Nacos server' }),
    );
    if (api.naming !== null) this.registry = new NacosRegistry(http, api.naming, only);
    if (api.history === 'v1') this.history = new NacosV1History(http);
    if (api.history === 'r-nacos-console') this.history = new RNacosConsoleHistory(http);
    if (api.listenerQuery) this.listeners = new NacosListenerQuery(http, api.detail);
  }

  async listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    this.live();
    return listChildren(this.ctx, path, options);
  }

  async get(path: string, options: GetOptions): Promise<NodeValue> {
    this.live();
    return getNode(this.ctx, path, options.maxBytes);
  }

  async set(path: string, value: Buffer, token: string | null): Promise<Written & { node: NodeValue }> {
    this.live();
    return setConfig(this.ctx, path, value, token);
  }

  /** Plain configs and namespaces only (the node capabilities allow no other mode). */
  async create(path: string, value: Buffer): Promise<{ path: string }> {
    this.live();
    const node = resolvePath(path);
    if (node.depth === 0) throw new AppError('NODE_EXISTS', 'The root always exists.');
    if (node.depth === 2) {
      throw new AppError(
        'UNSUPPORTED',
        `A Nacos group exists only through its configs: create a config in it instead (${path}/<dataId>).`,
      );
    }
    if (node.depth === 1) {
      assertName('namespace', node.namespace.segment);
      if (node.namespace.tenant === '')
        throw new AppError('NODE_EXISTS', 'The public namespace always exists.');
      const description = value.length === 0 ? null : configText(value, path);
      await this.ctx.namespaces.create(node.namespace, description);
    } else {
      await createConfig(this.ctx, node, value);
    }
    return { path };
  }

  async delete(path: string, options: DeleteOptions): Promise<Written & { deleted: number }> {
    this.live();
    return deleteNode(this.ctx, path, options);
  }

  async countSubtree(path: string): Promise<number> {
    this.live();
    return countSubtree(this.ctx, path);
  }

  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    this.live();
    const stop = startWatch(this.ctx, this.hub, path, options, listener);
    this.watches.add(stop);
    return () => {
      if (this.watches.delete(stop)) stop();
    };
  }

  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void {
    return this.link.state.subscribe(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stop of this.watches) stop();
    this.watches.clear();
    this.hub.close();
    this.link.state.closed();
    this.link.close();
  }

  private live(): void {
    if (this.closed) throw new AppError('NOT_CONNECTED', 'This Nacos connection is closed.');
  }
}
