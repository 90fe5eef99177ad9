import { useQuery } from '@tanstack/react-query';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { RegistryScope } from '../../../shared/model/registry.js';
import { useClient } from '../transport/ClientContext.js';
import {
  catalogNodesQuery,
  clusterOverviewQuery,
  discoveryQuery,
  serviceInstancesQuery,
  servicesQuery,
} from './registry.queries.js';

/** Instances on screen are asked again this often: health changes without anyone saving anything. */
const INSTANCES_REFRESH_MS = 10_000;

/** What the open connection's server offers (datacenters, namespaces), for the scope selects. */
export function useDiscovery(profile: ConnectionProfile, enabled: boolean) {
  return useQuery({ ...discoveryQuery(useClient(), profile), enabled });
}

/** Services of the registry in a scope (capability `serviceRegistry`). */
export function useServices(connectionId: string, scope: RegistryScope) {
  return useQuery(servicesQuery(useClient(), connectionId, scope));
}

/** Instances of one service with health and checks; refreshed every 10 s while shown. */
export function useServiceInstances(connectionId: string, service: string, scope: RegistryScope) {
  return useQuery({
    ...serviceInstancesQuery(useClient(), connectionId, service, scope),
    refetchInterval: INSTANCES_REFRESH_MS,
  });
}

/** Datacenters, leader, raft peers and version (capability `catalog`). */
export function useClusterOverview(connectionId: string, datacenter: string | null) {
  return useQuery(clusterOverviewQuery(useClient(), connectionId, datacenter));
}

/** The nodes of a datacenter with their node-level checks (capability `catalog`). */
export function useCatalogNodes(connectionId: string, datacenter: string | null) {
  return useQuery(catalogNodesQuery(useClient(), connectionId, datacenter));
}
