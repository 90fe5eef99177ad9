import { queryOptions } from '@tanstack/react-query';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { RegistryScope } from '../../../shared/model/registry.js';
import { profileToInput } from '../lib/profile-input.js';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/** What the open connection's server offers (datacenters, namespaces), for the scope selects. */
export function discoveryQuery(client: ApiClient, profile: ConnectionProfile) {
  return queryOptions({
    queryKey: queryKeys.discovery(profile.id),
    queryFn: ({ signal }) =>
      client.call('connections.discover', { profile: profileToInput(profile) }, { signal }),
    staleTime: 60_000,
  });
}

/** Services of the registry in a scope (capability `serviceRegistry`). */
export function servicesQuery(client: ApiClient, connectionId: string, scope: RegistryScope) {
  return queryOptions({
    queryKey: queryKeys.services(connectionId, scope),
    queryFn: ({ signal }) => client.call('services.list', { connectionId, scope }, { signal }),
  });
}

/** Instances of one service with health and checks. */
export function serviceInstancesQuery(
  client: ApiClient,
  connectionId: string,
  service: string,
  scope: RegistryScope,
) {
  return queryOptions({
    queryKey: queryKeys.serviceInstances(connectionId, service, scope),
    queryFn: ({ signal }) => client.call('services.instances', { connectionId, service, scope }, { signal }),
  });
}

/** Datacenters, leader, raft peers and version (capability `catalog`). */
export function clusterOverviewQuery(client: ApiClient, connectionId: string, datacenter: string | null) {
  return queryOptions({
    queryKey: queryKeys.clusterOverview(connectionId, datacenter),
    queryFn: ({ signal }) =>
      client.call('cluster.overview', { connectionId, ...(datacenter ? { datacenter } : {}) }, { signal }),
  });
}

/** The nodes of a datacenter with their node-level checks (capability `catalog`). */
export function catalogNodesQuery(client: ApiClient, connectionId: string, datacenter: string | null) {
  return queryOptions({
    queryKey: queryKeys.catalogNodes(connectionId, datacenter),
    queryFn: ({ signal }) =>
      client.call('catalog.nodes', { connectionId, ...(datacenter ? { datacenter } : {}) }, { signal }),
  });
}
