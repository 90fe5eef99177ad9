import { useMutation } from '@tanstack/react-query';
import type { AuditExportFormat, AuditFilter } from '../../../shared/model/audit.js';
import { useClient } from '../transport/ClientContext.js';

/** The filtered entries as one JSON Lines or CSV text (at most AUDIT_EXPORT_MAX, newest first). */
export function useAuditExport() {
  const client = useClient();
  return useMutation({
    mutationFn: ({ filter, format }: { filter: AuditFilter; format: AuditExportFormat }) =>
      client.call('audit.export', { filter, format }),
  });
}
