import { useTranslation } from 'react-i18next';
import { Fragment, useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys.js';
import { useNodeChangeEvents } from '../../api/useNodeChangeEvents.js';
import type { ActiveSession } from '../session/active-session.js';
import { flattenTree } from '../tree/flatten-tree.js';
import { PathBar } from '../tree/PathBar.js';
import { TreeLevelQuery } from '../tree/TreeLevelQuery.js';
import { useLevelSources } from '../tree/useLevelSources.js';
import { filterFor, initialTreeState, treeReducer, visibleExpanded } from '../tree/tree-state.js';
import { TreePanel } from '../tree/TreePanel.js';
import { WatchSubscription } from '../tree/WatchSubscription.js';
import type { RowAction } from '../tree/TreeRowMenu.js';
import { useTreeCopy } from '../copy/useTreeCopy.js';
import { useRecordRecentNode } from '../palette/useRecordRecentNode.js';
import { ValuePanel } from '../value/ValuePanel.js';
import { useWatchApi } from '../watch/WatchProvider.js';
import type { ValuePane } from '../value/value-panes.js';
import type { BrowseRequest } from './browse-request.js';
import './BrowserScreen.css';

/**
 * The browser of one open connection: path bar, tree, and the selected node's value; `browseTo` (a search
 * result clicked) is revealed when it is about this connection.
 */
export function BrowserScreen({
  active,
  browseTo,
  onBrowsed,
  onSelection,
}: {
  active: ActiveSession;
  browseTo: BrowseRequest | null;
  /** The request was revealed: a later session of the connection must not open it again. */
  onBrowsed: () => void;
  /** Told the selected node whenever it changes (the tab strip compares tabs at their selected nodes). */
  onSelection?: (connectionId: string, path: string | null) => void;
}) {
  const { t } = useTranslation('browser');

  const connectionId = active.session.connectionId;
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(treeReducer, undefined, initialTreeState);
  useEffect(() => {
    if (!browseTo || browseTo.connectionId !== connectionId) return;
    dispatch({ type: 'reveal', path: browseTo.path });
    onBrowsed();
  }, [browseTo, connectionId, onBrowsed]);
  useNodeChangeEvents(connectionId);
  useEffect(
    () => onSelection?.(active.profile.id, state.selected),
    [onSelection, active.profile.id, state.selected],
  );
  useRecordRecentNode(connectionId, state.selected);

  const visible = useMemo(() => visibleExpanded(state.expanded), [state.expanded]);
  // Each expanded level is one infinite query (a TreeLevelQuery below) that reports here.
  const { levels, onLevel, onLoadMore } = useLevelSources();
  const rows = useMemo(() => flattenTree('/', levels, state.expanded), [levels, state.expanded]);

  const onGo = useCallback((path: string) => dispatch({ type: 'reveal', path }), []);
  const onRefresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.connection(connectionId) }),
    [queryClient, connectionId],
  );
  const onSelect = useCallback((path: string) => dispatch({ type: 'reveal', path }), []);
  const [metaOpen, setMetaOpen] = useState(true);
  const onToggleMeta = useCallback(() => setMetaOpen((open) => !open), []);
  const [pane, setPane] = useState<ValuePane>('value');
  const { available: canWatch, watch } = useWatchApi();
  const { copyActions, dragDrop } = useTreeCopy(connectionId, active.profile.readOnly, onSelect);
  const rowActions = useCallback(
    (path: string): RowAction[] => [
      ...(canWatch
        ? [
            { id: 'watch-node', label: t('browserScreen.watchThisNode'), run: () => watch(path, false) },
            { id: 'watch-subtree', label: t('browserScreen.watchThisSubtree'), run: () => watch(path, true) },
          ]
        : []),
      ...copyActions(path),
    ],
    [watch, canWatch, copyActions, t],
  );

  return (
    <div className="browser">
      <PathBar selected={state.selected} onGo={onGo} onRefresh={onRefresh} />
      <div className="browser-split">
        <div className="browser-tree">
          <TreePanel
            rows={rows}
            levels={levels}
            state={state}
            dispatch={dispatch}
            onLoadMore={onLoadMore}
            rowActions={rowActions}
            dragDrop={dragDrop}
          />
        </div>
        <div className="browser-value">
          {state.selected ? (
            <ValuePanel
              key={`${connectionId}\u0000${state.selected}`}
              active={active}
              path={state.selected}
              onSelect={onSelect}
              metaOpen={metaOpen}
              onToggleMeta={onToggleMeta}
              pane={pane}
              onPane={setPane}
            />
          ) : (
            <div className="empty-state">{t('browserScreen.selectANode')}</div>
          )}
        </div>
      </div>
      {visible.map((path) => (
        <Fragment key={path}>
          <TreeLevelQuery
            connectionId={connectionId}
            path={path}
            filter={filterFor(state, path)}
            onLevel={onLevel}
          />
          <WatchSubscription connectionId={connectionId} path={path} watchChildren />
        </Fragment>
      ))}
    </div>
  );
}
