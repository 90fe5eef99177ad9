import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ROW_HEIGHT, useRowVirtualizer } from '../../hooks/useRowVirtualizer.js';
import { parentPath } from '../../../../shared/paths.js';
import { ChildFilter } from './ChildFilter.js';
import type { TreeLevel, TreeRowModel } from './tree-level.js';
import type { TreeRows } from './tree-rows.js';
import type { TreeAction, TreeState } from './tree-state.js';
import { TreeRow, type RowDragDrop } from './TreeRow.js';
import { TreeRowMenu, type RowAction } from './TreeRowMenu.js';
import './TreePanel.css';

interface Props {
  rows: TreeRows;
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

/**
 * Lines drawn beyond the view each way: enough for a wheel's step, few enough that a fast drag (a hundred
 * rows a frame) does not update a hundred hidden rows every frame.
 */
const OVERSCAN = 8;

/** The lazy, paged, virtualized tree: every expanded level flattened into one virtual list. */
export function TreePanel({ rows, levels, state, dispatch, onLoadMore, rowActions, dragDrop }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Every line has the same height, so the virtualizer keeps its default keys (the index): a key function
  // would be called for all 300,000 rows on every page that arrives, for measurements nothing takes.
  const virtualizer = useRowVirtualizer(rows.length, scrollRef, undefined, OVERSCAN);
  const items = virtualizer.getVirtualItems();
  // React keys by slot (the index modulo the most lines the view can draw): in any run of that many
  // consecutive rows each slot appears once, so a scroll moves content between the same elements instead of
  // unmounting and creating every line that leaves and enters the view (the cost of a fast drag, mostly DOM
  // creation). The modulus depends on the view's height only, so lines drawn fewer at the end of a level do
  // not renumber every slot when the next page arrives.
  const viewRows = Math.ceil((virtualizer.scrollRect?.height ?? 0) / ROW_HEIGHT) + 1 + 2 * OVERSCAN;
  const slots = Math.max(items.length, viewRows);

  const onSelect = useCallback((path: string) => dispatch({ type: 'select', path }), [dispatch]);
  const onToggle = useCallback((path: string) => dispatch({ type: 'toggle', path }), [dispatch]);
  const [menu, setMenu] = useState<{ path: string; x: number; y: number } | null>(null);
  const onMenu = useCallback((path: string, x: number, y: number) => setMenu({ path, x, y }), []);
  const closeMenu = useCallback(() => setMenu(null), []);
  const hasActions = rowActions !== undefined;

  // Ask for the next page of a level as soon as its "more" line scrolls into (or near) view.
  const moreInView = items
    .map((item) => rows.at(item.index))
    .filter((row): row is Extract<TreeRowModel, { kind: 'more' }> => row?.kind === 'more' && !row.loading)
    .map((row) => row.parentPath)
    .join('\u0000');
  useEffect(() => {
    if (!moreInView) return;
    for (const path of moreInView.split('\u0000')) onLoadMore(path);
  }, [moreInView, onLoadMore]);

  // Scroll a go-to target into view once its row exists (or give up once its level has loaded).
  useEffect(() => {
    const target = state.scrollTarget;
    if (!target) return;
    const index = rows.indexOf(target);
    if (index !== undefined) {
      virtualizer.scrollToIndex(index, { align: 'center' });
      dispatch({ type: 'scrolled' });
      return;
    }
    const level = levels.get(parentPath(target) ?? '/');
    if (level && !level.loading) dispatch({ type: 'scrolled' });
  }, [state.scrollTarget, rows, levels, virtualizer, dispatch]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = state.selected ? rows.indexOf(state.selected) : undefined;
    const row = current !== undefined ? rows.at(current) : undefined;
    const step = (delta: number) => {
      for (let i = (current ?? -1) + delta; i >= 0 && i < rows.length; i += delta) {
        const candidate = rows.at(i);
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
            const row = rows.at(item.index);
            if (!row) return null;
            return (
              <TreeRow
                key={item.index % slots}
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
