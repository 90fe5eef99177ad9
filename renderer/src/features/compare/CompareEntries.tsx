import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CompareEntry } from '../../../../shared/model/compare.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { ROW_HEIGHT, useRowVirtualizer } from '../../hooks/useRowVirtualizer.js';
import { CompareEntryRow } from './CompareEntryRow.js';
import { useCompareEntryPages, type EntryPagesQuery } from './useCompareEntryPages.js';

interface Props {
  /** The list is keyed on this query by its parent, so a new filter starts at the top with no cursor. */
  query: EntryPagesQuery;
  /** Entries matching the query, or null while the first page of a new query loads. */
  total: number | null;
  selectedPath: string | null;
  onSelect: (entry: CompareEntry) => void;
}

/** Every compared key matching the filter in one virtual list; pages of entries load as they scroll into view. */
export function CompareEntries({ query, total, selectedPath, onSelect }: Props) {
  const format = useFormat();

  const { t } = useTranslation('compare');
  const { sentence } = useDescribeError();

  const scrollRef = useRef<HTMLDivElement>(null);
  // The keyboard cursor: the selected row's index (indices are only meaningful for this one query).
  const [cursor, setCursor] = useState<number | null>(null);
  // A row chosen by keyboard whose page had not loaded yet: selected as soon as it arrives.
  const pendingRef = useRef<number | null>(null);
  const count = total ?? 0;
  const virtualizer = useRowVirtualizer(count, scrollRef);
  const items = virtualizer.getVirtualItems();
  const pages = useCompareEntryPages(
    query,
    items[0]?.index ?? 0,
    items[items.length - 1]?.index ?? -1,
    cursor === null ? [] : [cursor],
  );

  const cursorEntry = cursor === null ? undefined : pages.entryAt(cursor);
  useEffect(() => {
    if (cursorEntry && pendingRef.current === cursor) {
      pendingRef.current = null;
      onSelect(cursorEntry);
    }
  }, [cursor, cursorEntry, onSelect]);

  const onRowSelect = useCallback(
    (entry: CompareEntry, index: number) => {
      pendingRef.current = null;
      setCursor(index);
      onSelect(entry);
    },
    [onSelect],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const from = cursor ?? (selectedPath === null ? null : pages.indexOf(selectedPath));
    let next: number;
    if (event.key === 'ArrowDown') next = from === null ? 0 : Math.min(from + 1, count - 1);
    else if (event.key === 'ArrowUp') next = from === null ? 0 : Math.max(from - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else return;
    event.preventDefault();
    setCursor(next);
    virtualizer.scrollToIndex(next);
    const entry = pages.entryAt(next);
    pendingRef.current = entry ? null : next;
    if (entry) onSelect(entry);
  };

  return (
    <div className="compare-entries">
      <div className="compare-count muted" data-testid="compare-count" data-total={total ?? ''}>
        {total === null
          ? t('compareEntries.loadingKeys')
          : t('compareEntries.keys', { count: total, n: format.count(total) })}
      </div>
      {pages.error !== null && <div className="inline-error">{sentence(pages.error)}</div>}
      {total === 0 && <div className="empty-state">{t('compareEntries.noKeysMatch')}</div>}
      <div
        ref={scrollRef}
        className="virtual-scroll compare-scroll"
        data-testid="compare-list"
        role="listbox"
        aria-label={t('compareEntries.comparedKeys')}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = pages.entryAt(item.index);
            return (
              <CompareEntryRow
                key={item.key}
                entry={entry}
                index={item.index}
                selected={entry !== undefined && entry.path === selectedPath}
                top={item.start}
                height={ROW_HEIGHT}
                onSelect={onRowSelect}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
