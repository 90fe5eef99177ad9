import { useTranslation } from 'react-i18next';
import { useRef } from 'react';
import type { SyncPlanView } from '../../../../shared/model/compare.js';
import { ROW_HEIGHT, useRowVirtualizer } from '../../hooks/useRowVirtualizer.js';
import type { PlanSelection } from './usePlanSelection.js';
import { SyncPlanItemRow } from './SyncPlanItemRow.js';

interface Props {
  items: SyncPlanView['items'];
  selection: PlanSelection;
  disabled: boolean;
}

/** Every item of a plan in one virtual list of bounded height: only the rows in view (+ overscan) are drawn. */
export function SyncPlanItems({ items, selection, disabled }: Props) {
  const { t } = useTranslation('compare');

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowVirtualizer(items.length, scrollRef);
  return (
    <div
      ref={scrollRef}
      className="sync-items-scroll"
      data-testid="sync-items"
      data-total={items.length}
      role="group"
      aria-label={t('syncPlanItems.syncPlanItems')}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <SyncPlanItemRow
              key={item.path}
              item={item}
              chosen={selection.isChosen(item.path)}
              disabled={disabled}
              top={row.start}
              height={ROW_HEIGHT}
              onToggle={selection.toggle}
            />
          );
        })}
      </div>
    </div>
  );
}
