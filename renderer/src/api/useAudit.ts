import { useMutation, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../../../shared/model/audit.js';
import { useClient } from '../transport/ClientContext.js';
import { auditListQuery } from './app.queries.js';

/** Audit entries, newest first, filtered by connection name and path prefix. */
export function useAuditList(query: AuditQuery) {
  return useQuery(auditListQuery(useClient(), query));
}

/** Checks the hash chain of the whole audit log. */
export function useVerifyAudit() {
  const client = useClient();
  return useMutation({ mutationFn: () => client.call('audit.verify', {}) });
}
