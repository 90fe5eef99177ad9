import type { QueryKey } from '@tanstack/react-query';
import type { AuditQuery } from '../../../shared/model/audit.js';
import type { AuditRevertTarget } from './audit.queries.js';
import type { RegistryScope } from '../../../shared/model/registry.js';

/**
 * Every TanStack Query key of the app, built here and nowhere else, so that invalidation after an event
 * or a write hits exactly the right entries. Everything of one connection lives under ['conn', id].
 */
export const queryKeys = {
  appInfo: () => ['app-info'] as const,
  connections: () => ['connections'] as const,
  /** Under connections(): refreshed with the list. */
  connectionsLastUsed: () => ['connections', 'last-used'] as const,
  connection: (connectionId: string) => ['conn', connectionId] as const,
  /** Prefix of the children of one node, whatever the filter. */
  children: (connectionId: string, path: string) => ['conn', connectionId, 'children', path] as const,
  /** One expanded level: the (infinite) pages of one node's children under one filter. */
  childrenLevel: (connectionId: string, path: string, filter: string) =>
    ['conn', connectionId, 'children', path, filter] as const,
  /** Prefix of everything cached about one node: its value (head and full), history and listeners. */
  node: (connectionId: string, path: string) => ['conn', connectionId, 'node', path] as const,
  /** Prefix of both the head (first MiB) and the full value of one node. */
  nodeValues: (connectionId: string, path: string) => ['conn', connectionId, 'node', path, 'value'] as const,
  nodeValue: (connectionId: string, path: string, full: boolean) =>
    ['conn', connectionId, 'node', path, 'value', full ? 'full' : 'head'] as const,
  subtreeCount: (connectionId: string, path: string) => ['conn', connectionId, 'count', path] as const,
  // History and listeners live under the node's key: whatever refreshes or forgets the node does so too.
  history: (connectionId: string, path: string) => ['conn', connectionId, 'node', path, 'history'] as const,
  historyVersion: (connectionId: string, path: string, id: string) =>
    ['conn', connectionId, 'node', path, 'history', id] as const,
  /** A ZooKeeper node's ACL with its ACL version (under the node: a node change refreshes it). */
  nodeAcl: (connectionId: string, path: string) => ['conn', connectionId, 'node', path, 'acl'] as const,
  aclIdentities: (connectionId: string) => ['conn', connectionId, 'acl-identities'] as const,
  /** What applying an ACL (as its `scheme:id:perms` text) to a subtree would change. */
  aclPlan: (connectionId: string, path: string, acl: string) =>
    ['conn', connectionId, 'acl-plan', path, acl] as const,
  aclRecursiveResult: (jobId: string) => ['acl-recursive', jobId] as const,
  listeners: (connectionId: string, path: string) =>
    ['conn', connectionId, 'node', path, 'listeners'] as const,
  discovery: (connectionId: string) => ['conn', connectionId, 'discovery'] as const,
  services: (connectionId: string, scope: RegistryScope) =>
    ['conn', connectionId, 'services', scope] as const,
  serviceInstances: (connectionId: string, service: string, scope: RegistryScope) =>
    ['conn', connectionId, 'instances', service, scope] as const,
  clusterOverview: (connectionId: string, datacenter: string | null) =>
    ['conn', connectionId, 'cluster', datacenter] as const,
  catalogNodes: (connectionId: string, datacenter: string | null) =>
    ['conn', connectionId, 'catalog-nodes', datacenter] as const,
  /** The members and their health (polled every few seconds while shown). */
  serversHealth: (connectionId: string) => ['conn', connectionId, 'servers-health'] as const,
  /** Who is connected and what each member tells beyond health (asked on demand). */
  diagnostics: (connectionId: string) => ['conn', connectionId, 'diagnostics'] as const,
  /** Who owns a node (an ephemeral's session, a lock session). */
  owner: (connectionId: string, path: string) => ['conn', connectionId, 'owner', path] as const,
  /** etcd leases, paged (infinite). */
  leases: (connectionId: string) => ['conn', connectionId, 'leases'] as const,
  principals: (connectionId: string) => ['conn', connectionId, 'principals'] as const,
  leaseKeys: (connectionId: string, leaseId: string) =>
    ['conn', connectionId, 'lease-keys', leaseId] as const,
  // Who watches a path lives outside ['conn', id]: a reconnect or a node change must never re-run the
  // costly words by itself (the issue: never poll them).
  watchers: (connectionId: string, path: string, confirmed: boolean) =>
    ['watchers', connectionId, path, confirmed] as const,
  // Streams outlive a connection's session and a reload; they are the core's, across connections.
  streams: () => ['streams'] as const,
  pref: (key: string) => ['pref', key] as const,
  // Everything of the audit centre lives under ['audit']: an appended entry refreshes it all at once.
  audit: () => ['audit'] as const,
  auditList: (query: AuditQuery) => ['audit', 'list', query] as const,
  auditEntry: (seq: number) => ['audit', 'entry', seq] as const,
  auditGroup: (syncId: string) => ['audit', 'group', syncId] as const,
  auditRevertPlan: (target: AuditRevertTarget) => ['audit', 'revert-plan', target] as const,
  // Compare and sync jobs span two connections, so they live outside ['conn', id].
  /** Prefix of every page of one comparison's result. */
  compareResults: (jobId: string) => ['compare', jobId, 'result'] as const,
  compareResult: (
    jobId: string,
    onlyDifferences: boolean,
    pathContains: string,
    offset: number,
    limit: number,
  ) => ['compare', jobId, 'result', onlyDifferences, pathContains, offset, limit] as const,
  compareValues: (jobId: string, path: string) => ['compare', jobId, 'values', path] as const,
  syncResult: (jobId: string) => ['sync', jobId] as const,
  copyResult: (jobId: string) => ['copy', jobId] as const,
};

/** The node a cached query of `connectionId` is about (its value, history, listeners, count or level), or null. */
export function nodePathOfKey(queryKey: QueryKey, connectionId: string): string | null {
  const [scope, id, kind, path] = queryKey;
  const aboutNode = kind === 'node' || kind === 'count' || kind === 'children';
  return scope === 'conn' && id === connectionId && aboutNode && typeof path === 'string' ? path : null;
}
