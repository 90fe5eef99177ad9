import type { SourceRef } from '../../../shared/model/compare.js';
import type { ConnectionService } from '../connections/connection.service.js';
import { connectionSource } from '../sources/connection.source.js';
import { SnapshotSource } from '../sources/snapshot.source.js';
import type { Source } from '../sources/source.js';

/**
 * Opens one side of a comparison. A connection is read through its shared session (the one the UI
 * browses with), opened on demand; a snapshot file is loaded once and may be passed back as `loaded`
 * to be reused, since reading a large file again for every call would be wasteful.
 */
export async function openSourceRef(
  connections: ConnectionService,
  ref: SourceRef,
  loaded?: Source,
): Promise<Source> {
  if (ref.type === 'snapshot') return loaded?.kind === 'snapshot' ? loaded : SnapshotSource.open(ref.file);
  return connectionSource(connections, ref.connectionId, ref.path);
}
