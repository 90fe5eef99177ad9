import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { AuditEntry } from '../../../../shared/model/audit.js';
import { ROW_HEIGHT, useRowVirtualizer } from '../../hooks/useRowVirtualizer.js';
import { AuditHead, AuditLine } from './AuditLine.js';

interface Props {
  /** Rows in the list. */
  count: number;
  /** The entry of a row, or undefined while it loads. */
  entryAt: (index: number) => AuditEntry | undefined;
  /** Told which rows are drawn (and which one the keyboard is on), so their pages can be fetched. */
  onRange?: (first: number, last: number, cursor: number | null) => void;
  selectedSeq: number | null;
  onSelect: (entry: AuditEntry) => void;
  /** What the list is, for a screen reader. */
  label: string;
  testId: string;
  /** Shown inside the list when it has no row. */
  empty?: ReactNode;
}

/**
 * Audit entries in one virtual list: only the lines in view exist in the page. Arrow keys, Home and End move
 * the selection; a row chosen by keyboard whose page has not arrived is selected as soon as it does.
 */
export function AuditList({ count, entryAt, onRange, selectedSeq, onSelect, label, testId, empty }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const pendingRef = useRef<number | null>(null);
  const virtualizer = useRowVirtualizer(count, scrollRef);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => onRange?.(first, last, cursor), [onRange, first, last, cursor]);

  // Entries appended while the list is shown arrive on top (newest first). Scrolled down, the lines in view
  // stay where they are (the scroll moves down with them); the keyboard cursor stays on its entry.
  const shownCount = useRef(count);
  useLayoutEffect(() => {
    const added = count - shownCount.current;
    const before = shownCount.current;
    shownCount.current = count;
    if (added <= 0 || before === 0) return;
    const scroll = scrollRef.current;
    if (scroll && scroll.scrollTop > 0) scroll.scrollTop += added * ROW_HEIGHT;
    setCursor((at) => (at === null ? at : at + added));
  }, [count]);

  const cursorEntry = cursor === null ? undefined : entryAt(cursor);
  useEffect(() => {
    if (cursorEntry && pendingRef.current === cursor) {
      pendingRef.current = null;
      onSelect(cursorEntry);
    }
  }, [cursor, cursorEntry, onSelect]);

  const onRowSelect = useCallback(
    (entry: AuditEntry, index: number) => {
      pendingRef.current = null;
      setCursor(index);
      onSelect(entry);
    },
    [onSelect],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const from = cursor;
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1,
    );
    let next: number;
    if (event.key === 'ArrowDown') next = from === null ? 0 : Math.min(from + 1, count - 1);
    else if (event.key === 'ArrowUp') next = from === null ? 0 : Math.max(from - 1, 0);
    else if (event.key === 'PageDown') next = Math.min((from ?? 0) + pageRows, count - 1);
    else if (event.key === 'PageUp') next = Math.max((from ?? 0) - pageRows, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else return;
    event.preventDefault();
    setCursor(next);
    virtualizer.scrollToIndex(next);
    const entry = entryAt(next);
    pendingRef.current = entry ? null : next;
    if (entry) onSelect(entry);
  };

  return (
    <div className="audit-list" data-testid={testId} data-count={count}>
      <AuditHead />
      <div
        ref={scrollRef}
        className="virtual-scroll audit-scroll"
        // The empty note is not an option: with no entry the box is a plain region.
        role={count > 0 ? 'listbox' : 'region'}
        aria-label={label}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        {count === 0 && empty}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = entryAt(item.index);
            return (
              <AuditLine
                key={item.key}
                entry={entry}
                index={item.index}
                selected={entry !== undefined && entry.seq === selectedSeq}
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
