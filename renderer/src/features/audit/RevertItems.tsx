import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties } from 'react';
import type { RevertItem, RevertReport } from '../../../../shared/model/audit.js';
import { ROW_HEIGHT } from '../../hooks/useRowVirtualizer.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

type ReportItem = RevertReport['items'][number];
type Item = RevertItem | ReportItem;

interface Props {
  /** The plan's items, or the report's (with their outcome). */
  items: readonly Item[];
  testId: string;
  /** Opens an entry (the one reverted, or the revert written). */
  onOpenEntry: (seq: number) => void;
}

/** Up to this many items are listed whole (reasons wrapped); more are virtualized, a line and a reason each. */
const PLAIN_MAX = 50;

/** Lines of a virtualized item: a second one for the reason it is not ready, when there is one. */
function linesOf(item: Item | undefined): number {
  return item?.reason ? 2 : 1;
}

function ItemLine({
  item,
  style,
  onOpenEntry,
}: {
  item: Item;
  style?: CSSProperties;
  onOpenEntry: (seq: number) => void;
}) {
  const { t } = useTranslation('audit');
  const say = useCoreSentence();

  const outcome = 'outcome' in item ? item.outcome : null;
  const revertSeq = 'revertSeq' in item ? item.revertSeq : null;
  return (
    <div
      className="revert-item"
      style={style}
      data-testid="revert-item"
      data-seq={item.seq}
      data-path={item.path}
      data-state={item.state}
      data-action={item.action ?? ''}
      data-outcome={outcome ?? ''}
    >
      <div className="revert-item-line">
        <button
          className="audit-link"
          title={t('itemLine.openThisEntry')}
          onClick={() => onOpenEntry(item.seq)}
        >
          #{item.seq}
        </button>
        <span className="mono revert-item-path" title={item.path}>
          {item.path}
        </span>
        <span className="muted">{t(`revertAction.${item.action ?? 'none'}`)}</span>
        <span className="revert-state" data-state={outcome ?? item.state}>
          {outcome ? t(`revertOutcome.${outcome}`) : t(`revertState.${item.state}`)}
        </span>
        {revertSeq !== null && (
          <button
            className="audit-link"
            data-testid="revert-item-written"
            title={t('itemLine.openTheEntryThe')}
            onClick={() => onOpenEntry(revertSeq)}
          >
            → #{revertSeq}
          </button>
        )}
      </div>
      {item.reason && (
        <div className="revert-item-reason" data-testid="revert-item-reason" title={say(item.reason)}>
          {say(item.reason)}
        </div>
      )}
    </div>
  );
}

/** A long list of items (a sync of thousands), virtualized: only the lines in view exist. */
function VirtualItems({ items, onOpenEntry }: Omit<Props, 'testId'>) {
  const { t } = useTranslation('audit');

  const scrollRef = useRef<HTMLDivElement>(null);
  // Not useRowVirtualizer: an item with a reason takes two lines, known from the item itself.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ROW_HEIGHT * linesOf(items[index]),
    overscan: 10,
  });
  return (
    <div ref={scrollRef} className="revert-items-scroll" tabIndex={0} aria-label={t('virtualItems.items')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          return item ? (
            <ItemLine
              key={row.key}
              item={item}
              onOpenEntry={onOpenEntry}
              style={{
                position: 'absolute',
                left: 0,
                right: 0,
                transform: `translateY(${row.start}px)`,
                height: row.size,
              }}
            />
          ) : null;
        })}
      </div>
    </div>
  );
}

/** The items of a revert plan or report: what each would write or did, and why not where it will not. */
export function RevertItems({ items, testId, onOpenEntry }: Props) {
  return (
    <div className="revert-items" data-testid={testId} data-count={items.length}>
      {items.length > PLAIN_MAX ? (
        <VirtualItems items={items} onOpenEntry={onOpenEntry} />
      ) : (
        <div className="revert-items-plain" tabIndex={-1}>
          {items.map((item) => (
            <ItemLine key={item.seq} item={item} onOpenEntry={onOpenEntry} />
          ))}
        </div>
      )}
    </div>
  );
}
