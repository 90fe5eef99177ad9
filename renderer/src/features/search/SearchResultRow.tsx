import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import type { SearchMatch } from '../../../../shared/model/search.js';
import { excerptSegments } from './excerpt-segments.js';

interface Props {
  match: SearchMatch;
  index: number;
  /** The keyboard cursor is on it. */
  selected: boolean;
  top: number;
  height: number;
  /** Null where a result cannot be opened (a snapshot file is not in a store), with why in `openTitle`. */
  onOpen: ((match: SearchMatch) => void) | null;
  openTitle: string;
}

/** One match: the node's path, what matched (and its JSON pointer), and the excerpt with the matches marked. */
export const SearchResultRow = memo(function SearchResultRow({
  match,
  index,
  selected,
  top,
  height,
  onOpen,
  openTitle,
}: Props) {
  const { t } = useTranslation('search');

  return (
    <div
      className={`virtual-line search-row${onOpen ? ' search-row-open' : ''}${selected ? ' search-row-selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid="search-row"
      data-index={index}
      data-path={match.path}
      data-store-path={match.storePath}
      data-field={match.field}
      role="option"
      aria-selected={selected}
      title={openTitle}
      onClick={onOpen ? () => onOpen(match) : undefined}
    >
      <span className="mono search-path">{match.storePath}</span>
      <span className="search-field" data-field={match.field}>
        {t(`searchResultRow.field.${match.field}`)}
      </span>
      {match.pointer !== null && (
        <span
          className="mono search-pointer"
          data-testid="search-pointer"
          title={t('searchResultRow.jsonPointerOfThe')}
        >
          {match.pointer}
        </span>
      )}
      <span className="mono search-excerpt" data-testid="search-excerpt">
        {excerptSegments(match.excerpt, match.ranges).map((segment, i) =>
          segment.matched ? (
            <mark key={i} className="search-mark">
              {segment.text}
            </mark>
          ) : (
            <span key={i}>{segment.text}</span>
          ),
        )}
      </span>
      {match.more > 0 && (
        <span className="muted search-more">{t('searchResultRow.more', { more: match.more })}</span>
      )}
    </div>
  );
});
