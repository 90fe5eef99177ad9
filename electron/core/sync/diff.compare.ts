import { metaDiffers } from './diff.metadata.js';
import type { DiffEntry, DiffSummary, KeyFacts } from './diff.types.js';

/** The status of one path from what each side holds (at least one side must hold the key). */
export function compareFacts(path: string, left: KeyFacts | null, right: KeyFacts | null): DiffEntry {
  if (left === null) return { path, status: 'only-right', left, right, valueChanged: true };
  if (right === null) return { path, status: 'only-left', left, right, valueChanged: true };
  const valueChanged = left.cmp !== right.cmp;
  const changed = valueChanged || metaDiffers(left.meta, right.meta);
  return { path, status: changed ? 'changed' : 'same', left, right, valueChanged };
}

/** Counts per status. */
export function summarize(entries: readonly DiffEntry[]): DiffSummary {
  const summary: DiffSummary = { onlyLeft: 0, onlyRight: 0, changed: 0, same: 0 };
  for (const entry of entries) {
    if (entry.status === 'only-left') summary.onlyLeft += 1;
    else if (entry.status === 'only-right') summary.onlyRight += 1;
    else if (entry.status === 'changed') summary.changed += 1;
    else summary.same += 1;
  }
  return summary;
}
