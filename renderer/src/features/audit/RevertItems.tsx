import { useRef } from 'react';
import type { RevertItem, RevertReport } from '../../../../shared/model/audit.js';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ROW_HEIGHT } from '../../hooks/useRowVirtualizer.js';
import { OUTCOME_LABELS, STATE_LABELS, actionLabel } from './revert-labels.js';

type ReportItem = RevertReport['items'][number];

interface Props {
  /** The plan's items, or the report's (with their outcome). */
  items: readonly (RevertItem | ReportItem)[];
  testId: string;
  /** Opens an entry (the one reverted, or the revert written). */
  onOpenEntry: (seq: number) => void;
}

/** Lines of one item: a second one for the reason it is not ready, when there is one. */
function linesOf(item: RevertItem | undefined): number {
  return item?.reason ? 2 : 1;
}

/** The items of a revert plan or report, virtualized (a sync group may hold thousands). */
export function RevertItems({ items, testId, onOpenEntry }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Not useRowVirtualizer: an item with a reason takes two lines, known from the item itself.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ROW_HEIGHT * linesOf(items[index]),
    overscan: 10,
  });
  const height = Math.min(
    items.reduce((sum, item) => sum + ROW_HEIGHT * linesOf(item), 0),
    10 * ROW_HEIGHT,
  );
  return (
    <div
      ref={scrollRef}
      className="revert-items"
      style={{ height: Math.max(height, ROW_HEIGHT) }}
      data-testid={testId}
      data-count={items.length}
      tabIndex={0}
      aria-label="Items"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          const outcome = 'outcome' in item ? item.outcome : null;
          const revertSeq = 'revertSeq' in item ? item.revertSeq : null;
          return (
            <div
              key={row.key}
              className="revert-item"
              style={{ transform: `translateY(${row.start}px)`, height: row.size }}
              data-testid="revert-item"
              data-seq={item.seq}
              data-path={item.path}
              data-state={item.state}
              data-action={item.action ?? ''}
              data-outcome={outcome ?? ''}
            >
              <div className="revert-item-line">
                <button className="audit-link" title="Open this entry" onClick={() => onOpenEntry(item.seq)}>
                  #{item.seq}
                </button>
                <span className="mono revert-item-path" title={item.path}>
                  {item.path}
                </span>
                <span className="muted">{actionLabel(item.action)}</span>
                <span className="revert-state" data-state={outcome ?? item.state}>
                  {outcome ? OUTCOME_LABELS[outcome] : STATE_LABELS[item.state]}
                </span>
                {revertSeq !== null && (
                  <button
                    className="audit-link"
                    data-testid="revert-item-written"
                    title="Open the entry the revert wrote"
                    onClick={() => onOpenEntry(revertSeq)}
                  >
                    → #{revertSeq}
                  </button>
                )}
              </div>
              {item.reason && (
                <div className="revert-item-reason" data-testid="revert-item-reason">
                  {item.reason}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
