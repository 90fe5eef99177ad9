import type { HistoryVersion } from '../../../shared/model/history.js';
import type { RecordedNodeEvent } from '../watch/stream.registry.js';
import { md5 } from './audit-value.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { AUDIT_SENTENCES } from '../../../shared/sentences/audit.js';

const OPERATIONS = { created: 'create', changed: 'update', deleted: 'delete' } as const;

/** The id of a recorded event within its node's history. */
export const watchId = (recorded: RecordedNodeEvent): string =>
  `watch:${recorded.streamId}:${recorded.event.seq}`;

/** A change a Watch tab stream recorded, as a version of its node (a value cut by the ring is not restorable). */
export function watchVersion(recorded: RecordedNodeEvent): HistoryVersion {
  const { event } = recorded;
  const operation = OPERATIONS[event.type as keyof typeof OPERATIONS] ?? 'unknown';
  const after = operation === 'delete' ? null : event.after;
  const bytes = after?.base64 == null ? null : Buffer.from(after.base64, 'base64');
  const note =
    operation === 'delete'
      ? say(AUDIT_SENTENCES, 'historyWatchDeleted')
      : after !== null && bytes === null
        ? say(AUDIT_SENTENCES, 'historyWatchDigestOnly', { size: after.size })
        : say(AUDIT_SENTENCES, 'historyWatchRecorded');
  return {
    id: watchId(recorded),
    source: 'watch',
    time: new Date(event.time).toISOString(),
    operation,
    md5: bytes === null ? null : md5(bytes),
    author: null,
    revision: null,
    version: event.version,
    size: after?.size ?? null,
    restorable: bytes !== null,
    note,
    valueBase64: bytes === null ? null : bytes.toString('base64'),
  };
}
