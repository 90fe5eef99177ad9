import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { memo, useState, type DragEvent } from 'react';
import { Icon } from '../../components/Icon.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import type { TreeRowModel } from './tree-level.js';

const INDENT = 14;

/** Drag and drop of rows (native HTML5): what a dragged row carries, and what a drop onto a row does. */
export interface RowDragDrop {
  /** Puts the row's node on the drag's data. */
  start: (path: string, transfer: DataTransfer) => void;
  /** True when the drag may be dropped onto the row at `path` (it carries a node). */
  accepts: (transfer: DataTransfer) => boolean;
  drop: (path: string, transfer: DataTransfer) => void;
}

interface Props {
  row: TreeRowModel;
  selected: boolean;
  top: number;
  height: number;
  onSelect: (path: string) => void;
  onToggle: (path: string) => void;
  /** Opens the row's actions at a point of the window; absent when the row has none. */
  onMenu?: (path: string, x: number, y: number) => void;
  dragDrop?: RowDragDrop;
}

function canExpand(row: Extract<TreeRowModel, { kind: 'node' }>): boolean {
  return row.entry === null || row.entry.childCount === null || row.entry.childCount > 0 || row.expanded;
}

/** One line of the virtual tree: a node (with toggle, markers, child count), a "more" or a status line. */
export const TreeRow = memo(function TreeRow({
  row,
  selected,
  top,
  height,
  onSelect,
  onToggle,
  onMenu,
  dragDrop,
}: Props) {
  const format = useFormat();

  const { t } = useTranslation('tree');
  const { sentence } = useDescribeError();

  // The row a drag hovers, by path: the element is reused for other rows as the tree scrolls (slot keys).
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const style = { transform: `translateY(${top}px)`, height, paddingLeft: 6 + row.depth * INDENT };
  if (row.kind === 'more') {
    return (
      <div
        className="virtual-line tree-line tree-more"
        style={style}
        data-testid="tree-more"
        data-parent={row.parentPath}
      >
        {row.loading ? t('treeRow.loadingMore') : t('treeRow.more')} {format.count(row.loaded)}
        {row.total !== null ? t('treeRow.of', { n: format.count(row.total) }) : ''} {t('treeRow.loaded')}
      </div>
    );
  }
  if (row.kind === 'status') {
    const text =
      row.status === t('treeRow.loading')
        ? t('treeRow.loading2')
        : row.status === t('treeRow.empty')
          ? t('treeRow.noChildren')
          : sentence(row.error);
    return (
      <div
        className={`virtual-line tree-line tree-status tree-status-${row.status}`}
        style={style}
        data-testid="tree-status"
        data-status={row.status}
      >
        {text}
      </div>
    );
  }
  const entry = row.entry;
  const expandable = canExpand(row);
  const path = row.path;
  const dropping = dropTarget === path;
  const over = (event: DragEvent) => {
    if (!dragDrop?.accepts(event.dataTransfer)) return;
    event.preventDefault();
    setDropTarget(path);
  };
  const dnd = dragDrop && {
    draggable: true,
    onDragStart: (event: DragEvent) => dragDrop.start(path, event.dataTransfer),
    onDragEnter: over,
    onDragOver: over,
    onDragLeave: () => setDropTarget(null),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDropTarget(null);
      dragDrop.drop(path, event.dataTransfer);
    },
  };
  return (
    <div
      className={`virtual-line tree-line tree-row${selected ? ' tree-row-selected' : ''}${dropping ? ' tree-row-drop' : ''}`}
      style={style}
      {...dnd}
      data-testid="tree-row"
      data-path={row.path}
      data-selected={selected}
      role="treeitem"
      aria-selected={selected}
      aria-expanded={expandable ? row.expanded : undefined}
      onClick={() => onSelect(row.path)}
      onDoubleClick={() => expandable && onToggle(row.path)}
      onContextMenu={
        onMenu &&
        ((event) => {
          event.preventDefault();
          onSelect(row.path);
          onMenu(row.path, event.clientX, event.clientY);
        })
      }
    >
      <button
        className="tree-toggle"
        data-testid="tree-toggle"
        data-path={row.path}
        tabIndex={-1}
        aria-label={row.expanded ? t('treeRow.collapse') : t('treeRow.expand')}
        style={{ visibility: expandable ? 'visible' : 'hidden' }}
        onClick={(event) => {
          event.stopPropagation();
          onToggle(row.path);
        }}
      >
        <Icon name={row.expanded ? 'chevronDown' : 'chevronRight'} size={12} />
      </button>
      <span className={`tree-icon${expandable ? ' tree-icon-folder' : ''}`}>
        <Icon name={expandable ? 'folder' : 'file'} size={12} />
      </span>
      <span className={`tree-name${entry && !entry.hasValue ? ' tree-name-novalue' : ''}`}>{row.name}</span>
      {entry?.ephemeral && (
        <span
          className="tree-flag tree-flag-eph"
          data-testid="ephemeral-marker"
          title={t('treeRow.ephemeralDisappearsWithIts')}
        >
          {t('treeRow.e')}
        </span>
      )}
      {entry?.lockSession && (
        <span
          className="tree-flag tree-flag-lock"
          data-testid="lock-marker"
          data-session={entry.lockSession}
          title={t('treeRow.lockedBySession', { lockSession: entry.lockSession })}
        >
          <Icon name="lock" size={11} />
        </span>
      )}
      {entry?.hasValue && entry.dataLength !== 0 && (
        <span
          className="tree-flag tree-flag-value"
          title={
            entry.dataLength === null
              ? t('treeRow.hasAValue')
              : t('treeRow.hasAValueBytes', { dataLength: entry.dataLength })
          }
          data-testid="value-marker"
        />
      )}
      {entry && entry.childCount !== null && entry.childCount > 0 && (
        <span className="tree-count" data-testid="child-count">
          {format.count(entry.childCount)}
        </span>
      )}
      {onMenu && (
        <button
          className="tree-row-actions"
          data-testid="tree-row-actions"
          data-path={row.path}
          tabIndex={-1}
          aria-label={t('treeRow.actions')}
          title={t('treeRow.actionsWatchThisNode')}
          onClick={(event) => {
            event.stopPropagation();
            const box = event.currentTarget.getBoundingClientRect();
            onMenu(row.path, box.left, box.bottom);
          }}
        >
          ⋯
        </button>
      )}
    </div>
  );
});
