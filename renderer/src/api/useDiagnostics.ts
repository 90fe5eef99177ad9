import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import {
  diagnosticsReportQuery,
  leaseKeysQuery,
  leasesQuery,
  ownerQuery,
  serversHealthQuery,
  watchersQuery,
} from './diagnostics.queries.js';

/** Members and their health, asked every 5 s while `enabled` (capability `servers`). */
export function useServersHealth(connectionId: string, enabled = true) {
  return useQuery({ ...serversHealthQuery(useClient(), connectionId), enabled });
}

/** The diagnostics tables, asked only once `requested` (a costly answer on big servers). */
export function useDiagnosticsReport(connectionId: string, requested: boolean) {
  return useQuery(diagnosticsReportQuery(useClient(), connectionId, requested));
}

/** Who watches a path: its cost first where costly, the answer once `confirmed`. */
export function useWatchers(connectionId: string, path: string, confirmed: boolean, enabled = true) {
  return useQuery({ ...watchersQuery(useClient(), connectionId, path, confirmed), enabled });
}

/** Who owns a node, once `requested`. */
export function useOwner(connectionId: string, path: string, requested: boolean) {
  return useQuery(ownerQuery(useClient(), connectionId, path, requested));
}

/** etcd leases, page by page. */
export function useLeases(connectionId: string) {
  return useInfiniteQuery(leasesQuery(useClient(), connectionId));
}

/** The keys of one lease, page by page. */
export function useLeaseKeys(connectionId: string, leaseId: string) {
  return useInfiniteQuery(leaseKeysQuery(useClient(), connectionId, leaseId));
}
