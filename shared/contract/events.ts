import { z } from 'zod';
import { ConnectionStateSchema } from '../model/connection.js';
import { NodeChangeTypeSchema } from '../model/node.js';
import { JobProgressEventSchema } from '../model/compare.js';
import { StreamEventSchema, StreamInfoSchema } from '../model/event-stream.js';
import { AuditVerifyProgressSchema } from '../model/audit.js';
import { SearchProgressSchema } from '../model/search.js';
import { TunnelInfoSchema } from '../model/ssh.js';

/** Every event the core pushes to the renderer: name → payload schema. */
export const events = {
  /** A watched node changed on the server (by anyone, this app included). */
  'node.changed': z.object({
    connectionId: z.string(),
    path: z.string(),
    type: NodeChangeTypeSchema,
    watchIds: z.array(z.string()),
  }),
  'connection.state': z.object({
    connectionId: z.string(),
    state: ConnectionStateSchema,
    message: z.string().nullable(),
  }),
  /** The SSH tunnel of a session opened, dropped, came back or failed (the status bar shows it). */
  'tunnel.state': z.object({ connectionId: z.string(), tunnel: TunnelInfoSchema }),
  /** A new audit entry was appended (the audit view refreshes). */
  'audit.appended': z.object({ seq: z.number().int(), connectionName: z.string(), path: z.string() }),
  /** A compare or sync job moved on (throttled) or changed state. */
  'job.progress': JobProgressEventSchema,
  /** New events of a live stream, batched (at most forty pushes a second per stream), with the stream's counts. */
  'stream.appended': z.object({
    streamId: z.string(),
    events: z.array(StreamEventSchema),
    info: StreamInfoSchema,
  }),
  /** A verify of the audit log moved on (throttled to a few a second). */
  'audit.verify.progress': AuditVerifyProgressSchema,
  /** A search found more or changed state (throttled to a few a second, and once when it ends). */
  'search.progress': SearchProgressSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}
