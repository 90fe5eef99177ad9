import { useRef } from 'react';
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowVirtualizer(matches.length, scrollRef);
  const openTitle = onOpen
    ? 'Open this node in the Browser tab'
    : 'A snapshot file: its nodes are in no store to open';
  return (
    <div
      ref={scrollRef}
      className="virtual-scroll search-results"
      data-testid="search-results"
      data-count={matches.length}
      role="listbox"
      aria-label="Matches"
      tabIndex={0}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const match = matches[item.index];
          return match ? (
            <SearchResultRow
              key={item.key}
              match={match}
              index={item.index}
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
