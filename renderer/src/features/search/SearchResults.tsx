import { useTranslation } from 'react-i18next';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { SearchMatch } from '../../../../shared/model/search.js';
import { ROW_HEIGHT, useRowVirtualizer } from '../../hooks/useRowVirtualizer.js';
import { SearchResultRow } from './SearchResultRow.js';

interface Props {
  matches: readonly SearchMatch[];
  /** Null for a snapshot's results, which are in no store to open. */
  onOpen: ((match: SearchMatch) => void) | null;
}

/** Every match found so far in one virtual list; new ones are appended as they stream in. */
export function SearchResults({ matches, onOpen }: Props) {
  const { t } = useTranslation('search');

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowVirtualizer(matches.length, scrollRef);
  // The keyboard cursor: arrows move it, Enter opens its match.
  const [cursor, setCursor] = useState<number | null>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const count = matches.length;
    if (count === 0) return;
    let next: number;
    if (event.key === 'ArrowDown') next = cursor === null ? 0 : Math.min(cursor + 1, count - 1);
    else if (event.key === 'ArrowUp') next = cursor === null ? 0 : Math.max(cursor - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Enter' && cursor !== null) {
      const match = matches[cursor];
      if (match && onOpen) onOpen(match);
      return;
    } else return;
    event.preventDefault();
    setCursor(next);
    virtualizer.scrollToIndex(next);
  };
  const openTitle = onOpen ? t('searchResults.openThisNodeIn') : t('searchResults.aSnapshotFileIts');
  return (
    <div
      ref={scrollRef}
      className="virtual-scroll search-results"
      data-testid="search-results"
      data-count={matches.length}
      role="listbox"
      aria-label={t('searchResults.matches')}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const match = matches[item.index];
          return match ? (
            <SearchResultRow
              key={item.key}
              match={match}
              index={item.index}
              selected={item.index === cursor}
              top={item.start}
              height={ROW_HEIGHT}
              onOpen={onOpen}
              openTitle={openTitle}
            />
          ) : null;
        })}
      </div>
    </div>
  );
}
