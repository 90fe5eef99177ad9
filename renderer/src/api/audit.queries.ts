import { queryOptions } from '@tanstack/react-query';
import type { AuditQuery } from '../../../shared/model/audit.js';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/** What a revert undoes: one entry, or every entry of one sync. */
export type AuditRevertTarget = { seq: number } | { syncId: string };

/** One page of audit entries, newest first, with how many match in all. */
export function auditListQuery(client: ApiClient, query: AuditQuery) {
  return queryOptions({
    queryKey: queryKeys.auditList(query),
    queryFn: ({ signal }) => client.call('audit.list', query, { signal }),
  });
}

/** One entry by its seq; an entry never changes once written, so it is read once. */
export function auditEntryQuery(client: ApiClient, seq: number) {
  return queryOptions({
    queryKey: queryKeys.auditEntry(seq),
    queryFn: ({ signal }) => client.call('audit.entry', { seq }, { signal }),
    staleTime: Infinity,
  });
}

/** Every entry of one sync, in the order written. */
export function auditGroupQuery(client: ApiClient, syncId: string) {
  return queryOptions({
    queryKey: queryKeys.auditGroup(syncId),
    queryFn: ({ signal }) => client.call('audit.group', { syncId }, { signal }),
  });
}

/**
 * What a revert would write, checked against the nodes as they are now: always asked afresh (never from the
 * cache), since a plan read a minute ago may no longer hold.
 */
export function auditRevertPlanQuery(client: ApiClient, target: AuditRevertTarget) {
  return queryOptions({
    queryKey: queryKeys.auditRevertPlan(target),
    queryFn: ({ signal }) => client.call('audit.revertPlan', target, { signal }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
