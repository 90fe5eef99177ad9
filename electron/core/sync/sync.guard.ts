import { AppError } from '../../../shared/errors.js';
import { profileFromInput } from '../connections/profile.from-input.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { Source, SourceStore } from '../sources/source.js';

/** A profile for a source that is not a connection (a snapshot file): always read-only. */
function fileProfile(source: Source): WriteTarget['profile'] {
  return profileFromInput(
    {
      id: source.label,
      name: source.label,
      kind: 'snapshot',
      endpoints: [source.label],
      environment: 'dev',
      readOnly: true,
      sessionTimeoutMs: 0,
    },
    false,
  );
}

/**
 * What syncing into `target` would write, for the write gate: its connection (a snapshot file counts as a
 * read-only one, so the gate refuses it like any read-only target) and the sync's root.
 */
export function syncTarget(target: Source, details: WriteTarget['details']): WriteTarget {
  return {
    profile: target.store?.profile ?? fileProfile(target),
    path: target.root,
    ...(details ? { details } : {}),
  };
}

/** The target's store, once the gate admitted writing to it. */
export function admittedStore(target: Source, permit: WritePermit): SourceStore {
  if (target.store === null || target.store.profile.id !== permit.profile.id) {
    throw new AppError('INTERNAL', `The write permit does not name ${target.label}.`);
  }
  return target.store;
}
