import { useMemo, useState } from 'react';
import { aclProblems } from '../../../../shared/acl/acl.rules.js';
import type { AclEntry } from '../../../../shared/model/node.js';
import { entriesOf, sameAcl, type DraftEntry } from './acl-draft.js';

interface Draft {
  lines: DraftEntry[];
  /** The key the next line gets. */
  next: number;
}

const keyed = (entries: readonly AclEntry[], from: number): Draft => ({
  lines: entries.map((entry, index) => ({ ...entry, key: from + index })),
  next: from + entries.length,
});

/** The ACL being edited: its lines, what changed against `base`, and every problem in a sentence each. */
export function useAclDraft(base: readonly AclEntry[]) {
  const [draft, setDraft] = useState<Draft>(() => keyed(base, 0));
  const entries = useMemo(() => entriesOf(draft.lines), [draft]);
  const dirty = !sameAcl(entries, base) || entries.length !== base.length;
  const problems = useMemo(() => (dirty ? aclProblems(entries) : []), [dirty, entries]);

  return {
    draft: draft.lines,
    entries,
    dirty,
    problems,
    /** Starts over from an ACL (the one read, or the server's after a conflict). */
    reset: (next: readonly AclEntry[]) => setDraft((current) => keyed(next, current.next)),
    update: (key: number, patch: Partial<AclEntry>) =>
      setDraft((current) => ({
        ...current,
        lines: current.lines.map((line) => (line.key === key ? { ...line, ...patch } : line)),
      })),
    add: () =>
      setDraft((current) => ({
        lines: [...current.lines, { scheme: 'digest', id: '', permissions: 'r', key: current.next }],
        next: current.next + 1,
      })),
    remove: (key: number) =>
      setDraft((current) => ({ ...current, lines: current.lines.filter((line) => line.key !== key) })),
  };
}
