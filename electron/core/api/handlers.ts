import type { ConnectionService } from '../connections/connection.service.js';
import type { ProfileTransfer } from '../connections/profile.transfer.js';
import type { LastUsed } from '../connections/last-used.js';
import type { NodeService } from '../nodes/node.service.js';
import type { AclService } from '../acl/acl.service.js';
import type { FeatureService } from '../features/feature.service.js';
import type { CompareService } from '../compare/compare.service.js';
import type { CopyService } from '../copy/copy.service.js';
import type { WatchHub } from '../watch/watch.hub.js';
import type { StreamRegistry } from '../watch/stream.registry.js';
import type { DiagnosticsService } from '../features/diagnostics.service.js';
import type { AuditStore } from '../audit/audit.store.js';
import { throttledVerifyProgress } from '../audit/audit.progress.js';
import type { EventBus } from '../events/event.bus.js';
import type { HistoryService } from '../history/history.service.js';
import type { RevertService } from '../revert/revert.service.js';
import type { SearchRegistry } from '../search/search.registry.js';
import type { PrefsStore } from '../storage/prefs.store.js';
import type { SecretStore } from '../secrets/secret.store.js';
import type { Transport } from '../core.types.js';
import type { Handlers } from './dispatcher.js';
import { listPrincipals } from '../features/principals.read.js';
import { openExampleProfiles } from '../examples/examples.service.js';
import type { SessionHolders } from '../connections/session.holders.js';

export interface HandlerDeps {
  connections: ConnectionService;
  profileTransfer: ProfileTransfer;
  lastUsed: LastUsed;
  nodes: NodeService;
  acls: AclService;
  features: FeatureService;
  compare: CompareService;
  copy: CopyService;
  watches: WatchHub;
  streams: StreamRegistry;
  diagnostics: DiagnosticsService;
  audit: AuditStore;
  /** Where handlers push progress (a verify of the audit log). */
  events: EventBus;
  history: HistoryService;
  revert: RevertService;
  searches: SearchRegistry;
  prefs: PrefsStore;
  secrets: SecretStore;
  info: { version: string; dataDir: string; transport: Transport };
  /** The shipped example snapshots' folder, or null when this copy has none. */
  examplesDir: string | null;
  /** Which clients hold each open connection (a close by one leaves it open for the others). */
  holders: SessionHolders;
}

/** Maps every contract method onto the core services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { connections, nodes, features, compare, watches, streams, diagnostics, audit, prefs, secrets } =
    deps;
  const { history, revert } = deps;
  return {
    'app.info': async () => ({ ...deps.info, secrets: secrets.availability() }),
    'connections.list': () => connections.list(),
    'examples.open': () => openExampleProfiles(connections, deps.examplesDir),
    'connections.save': (input) => connections.save(input),
    'connections.delete': async ({ id }) => ({ deleted: await connections.delete(id) }),
    'connections.test': ({ profile }) => connections.test(profile),
    'connections.discover': ({ profile }) => connections.discover(profile),
    'connections.trustHostKey': ({ id, hop, fingerprint }) => connections.trustHostKey(id, hop, fingerprint),
    'connections.open': async ({ id }, { clientId }) => {
      const session = await connections.open(id);
      deps.holders.hold(id, clientId);
      await deps.lastUsed.touch(id);
      return session;
    },
    'connections.lastUsed': () => deps.lastUsed.all(),
    'connections.close': async ({ id }, { clientId }) =>
      // Another window (or browser tab) still shows the connection: its session stays open for it.
      deps.holders.release(id, clientId) ? { closed: await connections.close(id) } : { closed: false },
    'connections.export': ({ ids, passphrase }) => deps.profileTransfer.export(ids, passphrase),
    'connections.importPreview': ({ text, passphrase }) => deps.profileTransfer.preview(text, passphrase),
    'connections.import': ({ text, passphrase }) => deps.profileTransfer.import(text, passphrase),
    'connections.duplicate': ({ id, name }) => deps.profileTransfer.duplicate(id, name),
    'tree.children': (input) => nodes.children(input),
    'node.get': (input) => nodes.get(input),
    'node.set': { target: (input) => nodes.target(input), run: (input, permit) => nodes.set(input, permit) },
    'node.create': {
      target: (input) => nodes.target(input),
      run: (input, permit) => nodes.create(input, permit),
    },
    'node.delete': {
      target: (input) => nodes.target(input),
      run: (input, permit) => nodes.delete(input, permit),
    },
    'node.countSubtree': (input) => nodes.countSubtree(input),
    'acl.get': (input) => deps.acls.get(input),
    'acl.identities': ({ connectionId }) => deps.acls.identities(connectionId),
    'acl.planRecursive': (input) => deps.acls.planRecursive(input),
    'acl.applyRecursive': {
      target: (input) => deps.acls.recursiveTarget(input),
      run: (input, permit) => deps.acls.applyRecursive(input, permit),
    },
    'acl.recursiveResult': async ({ jobId }) => deps.acls.recursiveResult(jobId),
    'acl.recursiveCancel': async ({ jobId }) => ({ cancelled: deps.acls.recursiveCancel(jobId) }),
    'acl.set': {
      target: (input) => deps.acls.target(input),
      run: (input, permit) => deps.acls.set(input, permit),
    },
    'watch.subscribe': async ({ connectionId, path, children }, { clientId }) => {
      const session = await connections.session(connectionId);
      return { watchId: watches.subscribe(clientId, connectionId, session, path, children) };
    },
    'watch.unsubscribe': async ({ watchId }) => ({ removed: watches.unsubscribe(watchId) }),
    'cluster.overview': ({ connectionId, datacenter }) => features.overview(connectionId, datacenter ?? null),
    'catalog.nodes': ({ connectionId, datacenter }) =>
      features.catalogNodes(connectionId, datacenter ?? null),
    'services.list': ({ connectionId, scope }) => features.services(connectionId, scope),
    'services.instances': ({ connectionId, service, scope }) =>
      features.instances(connectionId, service, scope),
    'history.list': ({ connectionId, path, limit }) => history.list(connectionId, path, limit),
    'history.get': ({ connectionId, path, id }) => history.get(connectionId, path, id),
    'history.restore': {
      target: (input) => nodes.target(input, { restoreOf: input.id }),
      run: ({ connectionId, path, id, token }, permit) =>
        history.restore(connectionId, path, id, token, permit),
    },
    'listeners.query': ({ connectionId, path }) => features.listeners(connectionId, path),
    'audit.list': (query) => audit.list(query),
    'audit.entry': ({ seq }) => audit.entry(seq),
    'audit.group': ({ syncId }) => audit.group(syncId),
    'audit.export': ({ filter, format }) => audit.export(filter, format),
    'audit.verify': () =>
      audit.verify(
        throttledVerifyProgress((progress) => deps.events.emit('audit.verify.progress', progress)),
      ),
    'audit.revertPlan': (input) => revert.plan(input),
    'audit.revert': {
      target: ({ seq }) => revert.target(seq),
      run: ({ seq }, permit) => revert.revert(seq, permit),
    },
    'audit.revertGroup': {
      target: ({ syncId }) => revert.groupTarget(syncId),
      run: ({ syncId }, permit) => revert.revertGroup(syncId, permit),
    },
    'search.start': async (request) => deps.searches.start(request),
    'search.result': async ({ searchId, offset, limit }) => deps.searches.result(searchId, offset, limit),
    'search.cancel': async ({ searchId }) => ({ cancelled: deps.searches.cancel(searchId) }),
    'search.remove': async ({ searchId }) => ({ removed: deps.searches.remove(searchId) }),
    'prefs.get': async ({ key }) => ({ value: (await prefs.get(key)) ?? null }),
    'prefs.set': async ({ key, value }) => {
      await prefs.set(key, value);
      return { saved: true };
    },
    'compare.start': async ({ left, right, options }) => compare.start(left, right, options),
    'compare.result': async ({ jobId, ...filter }) => compare.result(jobId, filter),
    'compare.values': ({ jobId, path }) => compare.values(jobId, path),
    'job.cancel': async ({ jobId }) => ({ cancelled: compare.cancel(jobId) }),
    'sync.plan': ({ compareJobId, direction, ...options }) => compare.plan(compareJobId, direction, options),
    'sync.apply': {
      target: ({ planId, paths }) => compare.applyTarget(planId, paths),
      run: ({ planId, paths }, permit) => compare.apply(planId, paths, permit),
    },
    'sync.result': async ({ jobId }) => compare.syncResult(jobId),
    'copy.plan': ({ source, target, overwrite }) => deps.copy.plan(source, target, overwrite),
    'copy.apply': {
      target: ({ planId, move }) => deps.copy.applyTarget(planId, move),
      run: ({ planId, move, sourceConfirmation, confirmation }, permit) =>
        deps.copy.apply(planId, move, sourceConfirmation ?? confirmation, permit),
    },
    'copy.result': async ({ jobId }) => deps.copy.result(jobId),
    'copy.cancel': async ({ jobId }) => ({ cancelled: deps.copy.cancel(jobId) }),
    'stream.start': async ({ connectionId, path, recursive, sinceRevision }) => {
      const session = await connections.session(connectionId);
      const profile = await connections.profile(connectionId);
      return streams.start({ connectionId, connectionName: profile.name, session }, path, {
        recursive,
        sinceRevision: sinceRevision ?? null,
      });
    },
    'stream.stop': async ({ streamId }) => streams.stop(streamId),
    'stream.remove': async ({ streamId }) => ({ removed: streams.remove(streamId) }),
    'stream.list': async () => streams.list(),
    'stream.events': async ({ streamId, afterSeq, limit, pathGlob, types }) =>
      streams.read(streamId, afterSeq, limit, { pathGlob, types }),
    'stream.clear': async ({ streamId }) => streams.clear(streamId),
    'servers.health': ({ connectionId }) => diagnostics.health(connectionId),
    'diagnostics.report': ({ connectionId }) => diagnostics.report(connectionId),
    'watchers.query': ({ connectionId, path, confirmed }) =>
      diagnostics.watchers(connectionId, path, confirmed),
    'owner.query': ({ connectionId, path }) => diagnostics.owner(connectionId, path),
    'leases.list': ({ connectionId, cursor, limit }) => diagnostics.leases(connectionId, cursor, limit),
    'leases.keys': ({ connectionId, leaseId, cursor, limit }) =>
      diagnostics.leaseKeys(connectionId, leaseId, cursor, limit),
    'principals.list': ({ connectionId }) => listPrincipals(connections, connectionId),
  };
}
