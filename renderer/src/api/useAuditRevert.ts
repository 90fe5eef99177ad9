import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RevertPlan, RevertReport } from '../../../shared/model/audit.js';
import { useClient } from '../transport/ClientContext.js';
import { auditRevertPlanQuery, type AuditRevertTarget } from './audit.queries.js';
import { applyNodeChange } from './node-change.js';
import { queryKeys } from './query-keys.js';

/** What reverting one entry or a whole sync would write, read afresh each time it is shown. */
export function useAuditRevertPlan(target: AuditRevertTarget) {
  return useQuery(auditRevertPlanQuery(useClient(), target));
}

/**
 * Reverts one entry or a whole sync (`confirmation`: the path or the connection's name on prod). Afterwards
 * the audit centre and the nodes written are asked again, so the browser shows the values put back.
 */
export function useAuditRevert() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      target,
      confirmation,
    }: {
      target: AuditRevertTarget;
      plan: RevertPlan;
      confirmation: string | undefined;
    }): Promise<RevertReport> => {
      const confirm = confirmation === undefined ? {} : { confirmation };
      return 'seq' in target
        ? client.call('audit.revert', { seq: target.seq, ...confirm })
        : client.call('audit.revertGroup', { syncId: target.syncId, ...confirm });
    },
    onSuccess: (report, { plan }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit() });
      for (const item of report.items) {
        if (item.outcome !== 'reverted' || item.action === null) continue;
        const change = item.action === 'set' ? 'data' : item.action === 'create' ? 'created' : 'deleted';
        applyNodeChange(queryClient, plan.connectionId, item.path, change);
      }
    },
  });
}
