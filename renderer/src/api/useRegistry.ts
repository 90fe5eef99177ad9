import { useQuery } from '@tanstack/react-query';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { RegistryScope } from '../../../shared/model/registry.js';
import { profileToInput } from '../lib/profile-input.js';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** What the open connection's server offers (datacenters, namespaces), for the scope selects. */
export function useDiscovery(profile: ConnectionProfile, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.discovery(profile.id),
    queryFn: () => client.call('connections.discover', { profile: profileToInput(profile) }),
    enabled,
    staleTime: 60_000,
  });
}

/** Services of the registry in a scope (capability `serviceRegistry`). */
export function useServices(connectionId: string, scope: RegistryScope) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.services(connectionId, scope),
    queryFn: () => client.call('services.list', { connectionId, scope }),
  });
}

/** Instances of one service with health and checks; refreshed every 10 s while shown. */
export function useServiceInstances(connectionId: string, service: string, scope: RegistryScope) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.serviceInstances(connectionId, service, scope),
    queryFn: () => client.call('services.instances', { connectionId, service, scope }),
    refetchInterval: 10_000,
  });
}

/** Datacenters, leader, raft peers and version (capability `catalog`). */
export function useClusterOverview(connectionId: string, datacenter: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.clusterOverview(connectionId, datacenter),
    queryFn: () => client.call('cluster.overview', { connectionId, ...(datacenter ? { datacenter } : {}) }),
  });
}

/** The nodes of a datacenter with their node-level checks (capability `catalog`). */
export function useCatalogNodes(connectionId: string, datacenter: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.catalogNodes(connectionId, datacenter),
    queryFn: () => client.call('catalog.nodes', { connectionId, ...(datacenter ? { datacenter } : {}) }),
  });
}
