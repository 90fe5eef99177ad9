import { useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../shared/model/audit.js';
import { useClient } from '../transport/ClientContext.js';
import { auditEntryQuery, auditGroupQuery } from './audit.queries.js';

/** One audit entry by its seq (null: none asked); `known` is shown while it is read (a row already holds it). */
export function useAuditEntry(seq: number | null, known?: AuditEntry) {
  const client = useClient();
  return useQuery({
    ...auditEntryQuery(client, seq ?? 0),
    enabled: seq !== null,
    ...(known && known.seq === seq ? { placeholderData: known } : {}),
  });
}

/** Every entry of one sync, in the order written (null: none asked). */
export function useAuditGroup(syncId: string | null) {
  const client = useClient();
  return useQuery({ ...auditGroupQuery(client, syncId ?? ''), enabled: syncId !== null });
}
