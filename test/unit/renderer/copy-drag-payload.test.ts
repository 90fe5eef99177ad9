import { describe, expect, it } from 'vitest';
import {
  carriesNode,
  decodeNodeDrag,
  encodeNodeDrag,
  NODE_DRAG_TYPE,
} from '../../../renderer/src/features/copy/drag-payload.js';
import {
  dropTargetPath,
  renamedPath,
  renameProblem,
} from '../../../renderer/src/features/copy/copy-request.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'copy');

/** A DataTransfer's data as a browser keeps it: strings by type. */
function transfer(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()];
    },
  };
}

describe('the drag payload of a tree row', () => {
  it('round-trips a node through a drag', () => {
    const t = transfer();
    encodeNodeDrag(t, { connectionId: 'c1', path: '/app/db' });
    expect(carriesNode(t)).toBe(true);
    expect(decodeNodeDrag(t)).toEqual({ connectionId: 'c1', path: '/app/db' });
  });

  it('ignores drags of anything else: text, files, malformed or partial data', () => {
    expect(carriesNode(transfer({ 'text/plain': '/app' }))).toBe(false);
    expect(decodeNodeDrag(transfer({ 'text/plain': '{"connectionId":"c","path":"/a"}' }))).toBeNull();
    expect(decodeNodeDrag(transfer({ [NODE_DRAG_TYPE]: 'not json' }))).toBeNull();
    expect(decodeNodeDrag(transfer({ [NODE_DRAG_TYPE]: 'null' }))).toBeNull();
    expect(decodeNodeDrag(transfer({ [NODE_DRAG_TYPE]: '{"connectionId":"c"}' }))).toBeNull();
    expect(decodeNodeDrag(transfer({ [NODE_DRAG_TYPE]: '{"connectionId":"","path":"/a"}' }))).toBeNull();
    expect(decodeNodeDrag(transfer({ [NODE_DRAG_TYPE]: '{"connectionId":"c","path":"a"}' }))).toBeNull();
    expect(decodeNodeDrag(transfer({ [NODE_DRAG_TYPE]: '{"connectionId":"c","path":7}' }))).toBeNull();
  });

  it('keeps only the two fields it knows', () => {
    const t = transfer({ [NODE_DRAG_TYPE]: '{"connectionId":"c","path":"/a","extra":1}' });
    expect(decodeNodeDrag(t)).toEqual({ connectionId: 'c', path: '/a' });
  });
});

describe('where a dropped or renamed node goes', () => {
  it('drops a node under the row it lands on, with its own name', () => {
    expect(dropTargetPath('/app/db', '/other')).toBe('/other/db');
    expect(dropTargetPath('/app/db', '/')).toBe('/db');
  });

  it('renames beside the node, and refuses paths, empty and unchanged names', () => {
    expect(renamedPath('/app/db', 'db2')).toBe('/app/db2');
    expect(renamedPath('/db', 'db2')).toBe('/db2');
    expect(renameProblem('/app/db', 'db2', en)).toBeNull();
    expect(renameProblem('/app/db', '', en)).not.toBeNull();
    expect(renameProblem('/app/db', 'x/y', en)).not.toBeNull();
    expect(renameProblem('/app/db', 'db', en)).not.toBeNull();
    expect(renameProblem('/app/db', '..', en)).not.toBeNull();
  });
});
