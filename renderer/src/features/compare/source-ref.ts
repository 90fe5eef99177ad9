import type { SourceRef } from '../../../../shared/model/compare.js';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';

/** What a source picker holds: a connection id (or SNAPSHOT) and a path (or a snapshot file). */
export interface SourceDraft {
  connectionId: string;
  location: string;
}

/** The picker value meaning "a snapshot file on disk" instead of a connection. */
export const SNAPSHOT = '__snapshot__';

export const EMPTY_SOURCE: SourceDraft = { connectionId: '', location: '/' };

/** The contract's SourceRef for a draft, or null while it is incomplete. */
export function toSourceRef(draft: SourceDraft): SourceRef | null {
  const location = draft.location.trim();
  if (!draft.connectionId || !location) return null;
  if (draft.connectionId === SNAPSHOT) return { type: 'snapshot', file: location };
  return {
    type: 'connection',
    connectionId: draft.connectionId,
    path: location.startsWith('/') ? location : `/${location}`,
  };
}

/** The draft a stored SourceRef fills the picker with. */
export function fromSourceRef(ref: SourceRef): SourceDraft {
  return ref.type === 'snapshot'
    ? { connectionId: SNAPSHOT, location: ref.file }
    : { connectionId: ref.connectionId, location: ref.path };
}

/**
 * A short human label: "zk staging:/app", or a snapshot file as `snapshot` writes it in the UI's language
 * ("snapshot /tmp/a.json").
 */
export function describeSource(
  ref: SourceRef,
  profiles: readonly ConnectionProfile[],
  snapshot: (file: string) => string,
): string {
  if (ref.type === 'snapshot') return snapshot(ref.file);
  const name = profiles.find((p) => p.id === ref.connectionId)?.name ?? ref.connectionId;
  return `${name}:${ref.path}`;
}
