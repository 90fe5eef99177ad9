import { AppError } from '../../../../shared/errors.js';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import { loadSnapshotTree, SnapshotSession } from './snapshot.session.js';

/**
 * A snapshot file opened as a connection, browsed like a cluster: the profile's one endpoint is the file
 * path. Always read-only: the file is a record of a moment, written only by export.
 */
export function createSnapshotDriver(): BackendDriver {
  return {
    kind: 'snapshot',
    async connect(profile: ResolvedProfile): Promise<BackendSession> {
      const [file, ...rest] = profile.endpoints;
      if (file === undefined || rest.length > 0) {
        throw new AppError('INVALID_INPUT', 'A snapshot connection names exactly one snapshot file.');
      }
      return new SnapshotSession(await loadSnapshotTree(file), file);
    },
  };
}
