/**
 * What a tree row carries while it is dragged (native HTML5 drag and drop): the connection and path of
 * the node, under a MIME type of our own so that a drop of anything else (a file, some text) is ignored.
 */
export const NODE_DRAG_TYPE = 'application/x-configdeck-node';

export interface NodeDragPayload {
  connectionId: string;
  path: string;
}

/** Puts a node on a drag's data (as JSON under NODE_DRAG_TYPE). */
export function encodeNodeDrag(transfer: Pick<DataTransfer, 'setData'>, payload: NodeDragPayload): void {
  transfer.setData(
    NODE_DRAG_TYPE,
    JSON.stringify({ connectionId: payload.connectionId, path: payload.path }),
  );
}

/** True while a drag carries a node (the data itself may only be read on drop). */
export function carriesNode(transfer: Pick<DataTransfer, 'types'>): boolean {
  return Array.from(transfer.types).includes(NODE_DRAG_TYPE);
}

/** The node a drop carries, or null when it carries something else or malformed data. */
export function decodeNodeDrag(transfer: Pick<DataTransfer, 'getData'>): NodeDragPayload | null {
  const raw = transfer.getData(NODE_DRAG_TYPE);
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { connectionId, path } = parsed as Record<string, unknown>;
  if (typeof connectionId !== 'string' || connectionId === '') return null;
  if (typeof path !== 'string' || !path.startsWith('/')) return null;
  return { connectionId, path };
}
