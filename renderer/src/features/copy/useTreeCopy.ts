import { useTranslation } from 'react-i18next';
import { useCallback, useMemo } from 'react';
import { isSelfOrAncestor } from '../../../../shared/paths.js';
import type { RowDragDrop } from '../tree/TreeRow.js';
import type { RowAction } from '../tree/TreeRowMenu.js';
import { dropTargetPath } from './copy-request.js';
import { useOpenCopy } from './CopyDialogProvider.js';
import { carriesNode, decodeNodeDrag, encodeNodeDrag } from './drag-payload.js';

/**
 * The tree's ways into the copy dialog for one connection: Copy to…, Move to…, Rename… in a row's menu
 * (no move or rename on a read-only connection), and rows dragged onto rows. `onMoved` reveals where a
 * move within this connection put the node.
 */
export function useTreeCopy(connectionId: string, readOnly: boolean, onMoved: (path: string) => void) {
  const { t } = useTranslation('copy');

  const openCopy = useOpenCopy();
  const copyActions = useCallback(
    (path: string): RowAction[] => {
      if (openCopy === null || path === '/') return [];
      const here = { connectionId, path };
      const open = (mode: 'copy' | 'move' | 'rename') => () =>
        openCopy({ mode, source: here, target: here, onMoved });
      const actions: RowAction[] = [{ id: 'copy-to', label: t('useTreeCopy.copyTo'), run: open('copy') }];
      if (!readOnly) {
        actions.push(
          { id: 'move-to', label: t('useTreeCopy.moveTo'), run: open('move') },
          { id: 'rename', label: t('useTreeCopy.rename'), run: open('rename') },
        );
      }
      return actions;
    },
    [openCopy, connectionId, readOnly, onMoved, t],
  );
  const dragDrop = useMemo<RowDragDrop | undefined>(() => {
    if (openCopy === null) return undefined;
    return {
      start: (path, transfer) => {
        encodeNodeDrag(transfer, { connectionId, path });
        transfer.effectAllowed = 'copyMove';
      },
      accepts: carriesNode,
      drop: (path, transfer) => {
        const source = decodeNodeDrag(transfer);
        if (source === null) return;
        // A node dropped onto itself or into its own subtree has nowhere to go.
        if (source.connectionId === connectionId && isSelfOrAncestor(source.path, path)) return;
        openCopy({
          mode: 'choose',
          source,
          target: { connectionId, path: dropTargetPath(source.path, path) },
          onMoved,
        });
      },
    };
  }, [openCopy, connectionId, onMoved]);
  return { copyActions, dragDrop };
}
