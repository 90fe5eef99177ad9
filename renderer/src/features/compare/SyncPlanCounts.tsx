import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import { useMemo } from 'react';
import type { SyncPlanView } from '../../../../shared/model/compare.js';

type Action = SyncPlanView['items'][number]['action'];
const ACTIONS: readonly Action[] = ['create', 'update', 'delete'];

/** How many items of a plan create, update and delete: "create 12 · update 3 · delete 1" (zero counts left out). */
export function SyncPlanCounts({ items }: { items: SyncPlanView['items'] }) {
  const format = useFormat();
  const { t } = useTranslation('compare');

  const counts = useMemo(() => {
    const byAction: Record<Action, number> = { create: 0, update: 0, delete: 0 };
    for (const item of items) byAction[item.action]++;
    return byAction;
  }, [items]);
  const shown = ACTIONS.filter((action) => counts[action] > 0);
  return (
    <span
      className="sync-counts"
      data-testid="sync-counts"
      data-create={counts.create}
      data-update={counts.update}
      data-delete={counts.delete}
    >
      {shown.map((action, i) => (
        <span key={action}>
          {i > 0 && <span className="muted"> · </span>}
          <span className="compare-status" data-action={action}>
            {t(`syncAction.${action}`)} {format.count(counts[action])}
          </span>
        </span>
      ))}
    </span>
  );
}
