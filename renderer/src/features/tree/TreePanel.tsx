import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ROW_HEIGHT, useRowVirtualizer } from '../../hooks/useRowVirtualizer.js';
import { parentPath } from '../../../../shared/paths.js';
import { ChildFilter } from './ChildFilter.js';
import { createRowIndex } from './row-index.js';
import type { TreeLevel, TreeRowModel } from './tree-level.js';
import type { TreeAction, TreeState } from './tree-state.js';
import { TreeRow, type RowDragDrop } from './TreeRow.js';
import { TreeRowMenu, type RowAction } from './TreeRowMenu.js';
import './TreePanel.css';

interface Props {
  rows: TreeRowModel[];
  levels: ReadonlyMap<string, TreeLevel>;
  state: TreeState;
  dispatch: (action: TreeAction) => void;
  /** Asks for the next page of a level (its "more" line came into view). */
  onLoadMore: (path: string) => void;
  /** The actions of a node's row (watch it…); none: rows have no menu. */
  rowActions?: (path: string) => RowAction[];
  /** Rows dragged (to copy or move) and dropped onto; none: rows are not draggable. */
  dragDrop?: RowDragDrop;
}

// A node's key is its path itself (paths start with '/', so no other key can equal one): the virtualizer
// asks for every row's key whenever the rows change, and a path's hash is already cached on the string.
function rowKey(row: TreeRowModel | undefined, index: number): string {
  if (!row) return `#${index}`;
  return row.kind === 'node' ? row.path : `${row.kind}:${row.parentPath}`;
}

/** The lazy, paged, virtualized tree: every expanded level flattened into one virtual list. */
export function TreePanel({ rows, levels, state, dispatch, onLoadMore, rowActions, dragDrop }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable between renders of the same rows: the virtualizer recomputes every row's measurement (300,000
  // keys) whenever this function changes, and it renders on every scroll frame.
  const getItemKey = useCallback((index: number) => rowKey(rows[index], index), [rows]);
  const virtualizer = useRowVirtualizer(rows.length, scrollRef, getItemKey);
  const items = virtualizer.getVirtualItems();

  const onSelect = useCallback((path: string) => dispatch({ type: 'select', path }), [dispatch]);
  const onToggle = useCallback((path: string) => dispatch({ type: 'toggle', path }), [dispatch]);
  const [menu, setMenu] = useState<{ path: string; x: number; y: number } | null>(null);
  const onMenu = useCallback((path: string, x: number, y: number) => setMenu({ path, x, y }), []);
  const closeMenu = useCallback(() => setMenu(null), []);
  const hasActions = rowActions !== undefined;

  // Ask for the next page of a level as soon as its "more" line scrolls into (or near) view.
  const moreInView = items
    .map((item) => rows[item.index])
    .filter((row): row is Extract<TreeRowModel, { kind: 'more' }> => row?.kind === 'more' && !row.loading)
    .map((row) => row.parentPath)
    .join('\u0000');
  useEffect(() => {
    if (!moreInView) return;
    for (const path of moreInView.split('\u0000')) onLoadMore(path);
  }, [moreInView, onLoadMore]);

  const indexByPath = useMemo(() => createRowIndex(rows), [rows]);

  // Scroll a go-to target into view once its row exists (or give up once its level has loaded).
  useEffect(() => {
    const target = state.scrollTarget;
    if (!target) return;
    const index = indexByPath.get(target);
    if (index !== undefined) {
      virtualizer.scrollToIndex(index, { align: 'center' });
      dispatch({ type: 'scrolled' });
      return;
    }
    const level = levels.get(parentPath(target) ?? '/');
    if (level && !level.loading) dispatch({ type: 'scrolled' });
  }, [state.scrollTarget, indexByPath, levels, virtualizer, dispatch]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = state.selected ? indexByPath.get(state.selected) : undefined;
    const row = current !== undefined ? rows[current] : undefined;
    const step = (delta: number) => {
      for (let i = (current ?? -1) + delta; i >= 0 && i < rows.length; i += delta) {
        const candidate = rows[i];
        if (candidate?.kind === 'node') {
          dispatch({ type: 'select', path: candidate.path });
          virtualizer.scrollToIndex(i);
          return;
        }
      }
    };
    if (event.key === 'ArrowDown') step(1);
    else if (event.key === 'ArrowUp') step(-1);
    else if (event.key === 'ArrowRight' && row?.kind === 'node') dispatch({ type: 'expand', path: row.path });
    else if (event.key === 'ArrowLeft' && row?.kind === 'node') {
      if (row.expanded) dispatch({ type: 'collapse', path: row.path });
      else step(-1);
    } else return;
    event.preventDefault();
  };

  return (
    <div className="tree-panel">
      <ChildFilter
        state={state}
        rows={rows}
        indexByPath={indexByPath}
        dispatch={dispatch}
        matches={state.filter ? (levels.get(state.filter.path)?.total ?? null) : null}
      />
      <div
        ref={scrollRef}
        className="virtual-scroll tree-scroll"
        data-testid="tree"
        role="tree"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TreeRow
                key={item.key}
                row={row}
                selected={row.kind === 'node' && row.path === state.selected}
                top={item.start}
                height={ROW_HEIGHT}
                onSelect={onSelect}
                onToggle={onToggle}
                onMenu={hasActions ? onMenu : undefined}
                dragDrop={dragDrop}
              />
            );
          })}
        </div>
      </div>
      {menu && rowActions && (
        <TreeRowMenu
          path={menu.path}
          x={menu.x}
          y={menu.y}
          actions={rowActions(menu.path)}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}
