import { say } from '../../../../shared/sentences/sentence-table.js';
import { SEARCH_SENTENCES } from '../../../../shared/sentences/search.js';
import { PLAIN_NODES } from '../../../../shared/model/capabilities.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { ChildPage, NodeValue } from '../../../../shared/model/node.js';
import type {
  BackendSession,
  CreateOptions,
  DeleteOptions,
  DeleteResult,
  DiagnosticsApi,
  EventStreamApi,
  GetOptions,
  HistoryApi,
  ListChildrenOptions,
  ListenerApi,
  NodeChange,
  ServersApi,
  ServiceRegistryApi,
  WatchersApi,
  WatchOptions,
  SetResult,
} from '../backend.js';
import type { NacosLink } from './nacos.connect.js';
import { deleteNode } from './nacos.delete.js';
import { NacosV1History, RNacosConsoleHistory } from './nacos.history.js';
import { ConfigIndex } from './nacos.index.js';
import { NacosListenerQuery } from './nacos.listeners.js';
import { ConfigListenerHub } from './nacos.long-poll.js';
import { NacosNamespaces } from './nacos.namespaces.js';
import type { NamespaceRef } from './nacos.paths.js';
import type { NacosApi } from './nacos.probe.js';
import { NacosRegistry } from './nacos.registry.js';
import { countSubtree, getNode, listChildren } from './nacos.tree.js';
import { scanNacosSubtree } from './nacos.subtree.js';
import { canBlurSearch, searchNacosNames, type BlurSyntax } from './nacos.name-search.js';
import type { NameSearcher } from '../name.search.js';
import type { ScannedNode, ScanOptions } from '../subtree.scan.js';
import { startWatch, type NacosWatchContext } from './nacos.watch.js';
import { SessionLifecycle } from '../kit/session.lifecycle.js';
import { NacosStreams } from './nacos.stream.js';
import { troubleshootingFeatures, troubleshootingOf } from './nacos.troubleshoot.js';
import type { ServerFeature } from '../../../../shared/model/server-features.js';
import { createNode, setConfig } from './nacos.write.js';

/** One open Nacos connection mapped onto the tree /<namespace>/<group>/<dataId>. */
export class NacosSession implements BackendSession, NameSearcher {
  /** Nacos's model is flat configs in namespaces and groups: none of the node kinds of the others. */
  readonly nodeCapabilities = PLAIN_NODES;
  readonly server: string;
  /** The troubleshooting endpoints the server offers or lacks (shown in the connection's info). */
  readonly features: readonly ServerFeature[];
  readonly registry?: ServiceRegistryApi;
  readonly history?: HistoryApi;
  readonly listeners?: ListenerApi;
  readonly streams: EventStreamApi;
  readonly watchers?: WatchersApi;
  readonly diagnostics?: DiagnosticsApi;
  readonly servers?: ServersApi;
  private readonly nacosStreams: NacosStreams;
  private readonly ctx: NacosWatchContext;
  private readonly life = new SessionLifecycle('nacos');
  private readonly blur: BlurSyntax;
  readonly nameSearchMethod: string;

  constructor(
    private readonly link: NacosLink,
    api: NacosApi,
    only: NamespaceRef | null,
  ) {
    const { http } = link;
    this.server = api.description;
    this.blur = api.product === 'r-nacos' ? 'substring' : 'wildcards';
    this.nameSearchMethod = say(
      SEARCH_SENTENCES,
      this.blur === 'wildcards' ? 'nacosNameSearchWildcards' : 'nacosNameSearchSubstring',
    );
    this.features = troubleshootingFeatures(api);
    const namespaces = new NacosNamespaces(http, api.namespaces, only);
    const hub = new ConfigListenerHub(http, api.detail);
    this.ctx = {
      http,
      index: new ConfigIndex(http, api.orderedConfigs),
      namespaces,
      detail: api.detail,
      hub,
    };
    link.state.setProbe(() =>
      http.ok({ path: '/v1/console/health/readiness', what: 'Checking the Nacos server' }),
    );
    if (api.naming !== null) this.registry = new NacosRegistry(http, api.naming, only);
    if (api.history === 'v1') this.history = new NacosV1History(http);
    if (api.history === 'r-nacos-console') this.history = new RNacosConsoleHistory(http);
    if (api.listenerQuery) this.listeners = new NacosListenerQuery(http, api.detail);
    const troubleshooting = troubleshootingOf(http, api, this);
    if (troubleshooting.watchers) this.watchers = troubleshooting.watchers;
    if (troubleshooting.diagnostics) this.diagnostics = troubleshooting.diagnostics;
    if (troubleshooting.servers) this.servers = troubleshooting.servers;
    this.nacosStreams = new NacosStreams(this.ctx, { hub, onState: (l) => link.state.subscribe(l) });
    this.streams = {
      open: (path, options, sink) => this.life.whileOpen(() => this.nacosStreams.open(path, options, sink)),
    };
  }

  listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    return this.life.whileOpen(() => listChildren(this.ctx, path, options));
  }

  get(path: string, options: GetOptions): Promise<NodeValue> {
    return this.life.whileOpen(() => getNode(this.ctx, path, options.maxBytes));
  }

  set(path: string, value: Buffer, token: string | null): Promise<SetResult> {
    return this.life.whileOpen(() => setConfig(this.ctx, path, value, token));
  }

  /** Plain configs and namespaces only (the node capabilities allow no other mode). */
  create(path: string, value: Buffer, mode: CreateOptions): Promise<{ path: string }> {
    return this.life.whileOpen(() => createNode(this.ctx, path, value, mode));
  }

  delete(path: string, options: DeleteOptions): Promise<DeleteResult> {
    return this.life.whileOpen(() => deleteNode(this.ctx, path, options));
  }

  /** Every namespace, group and config below `path`, read from the listing pages (they carry the content). */
  scanSubtree(path: string, options: ScanOptions): AsyncIterable<ScannedNode[]> {
    return scanNacosSubtree(this.ctx, path, options);
  }

  canSearchNames(text: string, caseSensitive: boolean): boolean {
    return canBlurSearch(text, caseSensitive);
  }

  /** Configs and groups whose names may contain `text`, from the server's blur search. */
  searchNames(path: string, text: string, signal?: AbortSignal): AsyncIterable<ScannedNode[]> {
    return searchNacosNames({ ...this.ctx, blur: this.blur }, path, text, signal);
  }

  countSubtree(path: string): Promise<number> {
    return this.life.whileOpen(() => countSubtree(this.ctx, path));
  }

  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    return this.life.watch(listener, (emit) => startWatch(this.ctx, path, options, emit));
  }

  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void {
    return this.link.state.subscribe(listener);
  }

  close(): Promise<void> {
    return this.life.close(() => {
      this.nacosStreams.stopAll();
      this.ctx.hub.close();
      this.link.state.closed();
      this.link.close();
    });
  }
}
