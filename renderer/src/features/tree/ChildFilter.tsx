import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { parentPath } from '../../../../shared/paths.js';
import type { TreeRows } from './tree-rows.js';
import type { TreeAction, TreeState } from './tree-state.js';

interface Props {
  state: TreeState;
  rows: TreeRows;
  dispatch: (action: TreeAction) => void;
  /** How many children match the active filter, when the server tells. */
  matches: number | null;
}

/**
 * The node whose children a new filter applies to: the node last selected or expanded when it can have
 * children, else its parent.
 */
function filterTarget(state: TreeState, rows: TreeRows): string {
  const focus = state.focus;
  const index = rows.indexOf(focus);
  const row = index !== undefined ? rows.at(index) : undefined;
  const leaf = row?.kind === 'node' && row.entry !== null && row.entry.childCount === 0;
  return leaf ? (parentPath(focus) ?? '/') : focus;
}

/** Server-side filter of one node's children (case-insensitive substring), debounced while typing. */
export function ChildFilter({ state, rows, dispatch, matches }: Props) {
  const format = useFormat();

  const { t } = useTranslation('tree');

  const [text, setText] = useState(state.filter?.text ?? '');
  const settled = useDebouncedValue(text, 250);
  const target = state.filter?.path ?? filterTarget(state, rows);

  useEffect(() => {
    if (settled !== (state.filter?.text ?? '')) dispatch({ type: 'setFilter', path: target, text: settled });
    // Only a settled change of the text may move the filter; the target follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  return (
    <div className="tree-toolbar">
      <input
        className="input"
        data-testid="child-filter"
        placeholder={t('childFilter.filterChildrenOf', { target })}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setText('')}
      />
      {state.filter && (
        <span
          className="tree-filter-chip"
          data-testid="child-filter-target"
          title={t('childFilter.filteringTheChildrenOf', { path: state.filter.path })}
        >
          {t('childFilter.in', { path: state.filter.path })}
          {matches !== null && t('childFilter.matches', { count: matches, n: format.count(matches) })}
          <button
            className="btn btn-ghost btn-sm"
            aria-label={t('childFilter.clearFilter')}
            onClick={() => setText('')}
          >
            ×
          </button>
        </span>
      )}
    </div>
  );
}
