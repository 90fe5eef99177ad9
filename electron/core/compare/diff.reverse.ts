import type { DiffEntry, DiffResult, DiffStatus } from '../sync/diff.types.js';

const MIRRORED: Record<DiffStatus, DiffStatus> = {
  'only-left': 'only-right',
  'only-right': 'only-left',
  changed: 'changed',
  same: 'same',
};

/** The same diff seen from the other side: what the planner needs to sync right into left. */
export function reverseDiff(diff: DiffResult): DiffResult {
  const entries: DiffEntry[] = diff.entries.map((entry) => ({
    ...entry,
    status: MIRRORED[entry.status],
    left: entry.right,
    right: entry.left,
  }));
  const { onlyLeft, onlyRight, changed, same } = diff.summary;
  return {
    ...diff,
    left: diff.right,
    right: diff.left,
    entries,
    summary: { onlyLeft: onlyRight, onlyRight: onlyLeft, changed, same },
    leftFolders: diff.rightFolders,
    rightFolders: diff.leftFolders,
  };
}
