import { useMutation, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../../../shared/model/audit.js';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** Audit entries, newest first, filtered by connection name and path prefix. */
export function useAuditList(query: AuditQuery) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.auditList(query),
    queryFn: () => client.call('audit.list', query),
  });
}

/** Checks the hash chain of the whole audit log. */
export function useVerifyAudit() {
  const client = useClient();
  return useMutation({ mutationFn: () => client.call('audit.verify', {}) });
}
