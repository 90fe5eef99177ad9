import { useState, type DragEvent } from 'react';
import { useOpenCopy } from './CopyDialogProvider.js';
import { carriesNode, decodeNodeDrag } from './drag-payload.js';

/**
 * A saved connection in the sidebar as a drop target: a tree row dropped onto it opens the copy dialog
 * with that connection as the target and the same path. `dropping` is true while a node hovers over it.
 */
export function useConnectionDrop(connectionId: string) {
  const openCopy = useOpenCopy();
  const [dropping, setDropping] = useState(false);
  if (openCopy === null) return { dropping: false, handlers: {} };
  const over = (event: DragEvent) => {
    if (!carriesNode(event.dataTransfer)) return;
    event.preventDefault();
    setDropping(true);
  };
  return {
    dropping,
    handlers: {
      onDragEnter: over,
      onDragOver: over,
      onDragLeave: () => setDropping(false),
      onDrop: (event: DragEvent) => {
        setDropping(false);
        const source = decodeNodeDrag(event.dataTransfer);
        if (source === null) return;
        event.preventDefault();
        openCopy({ mode: 'choose', source, target: { connectionId, path: source.path } });
      },
    },
  };
}
