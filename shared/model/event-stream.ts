import { z } from 'zod';

/**
 * Live event streams (the Watch tab, `configdeck watch`): what a store reported about a node or a subtree,
 * one event per change, kept by the core in a bounded ring per stream.
 */

/** Values up to this size travel whole with an event; larger ones as their size and hash only. */
export const STREAM_VALUE_MAX_BYTES = 64 * 1024;

/** Events a stream keeps; older ones are dropped (and counted) when more arrive. */
export const STREAM_RING_CAPACITY = 20_000;

export const STREAM_CHANGE_TYPES = ['created', 'changed', 'deleted', 'children'] as const;
/** The connection's own events: a loss, its end (with what the gap may have hidden), a note. */
export const STREAM_CONNECTION_TYPES = ['disconnected', 'reconnected', 'note'] as const;
export const StreamEventTypeSchema = z.enum([...STREAM_CHANGE_TYPES, ...STREAM_CONNECTION_TYPES]);
export type StreamEventType = z.infer<typeof StreamEventTypeSchema>;
export type StreamChangeType = (typeof STREAM_CHANGE_TYPES)[number];

/** A value as an event carries it: whole up to 64 KiB (`base64`), else only its size and hash. */
export const StreamValueSchema = z.object({
  size: z.number().int().min(0),
  /** Hex SHA-256 of the whole value. */
  sha256: z.string(),
  /** The whole value; null when it is larger than STREAM_VALUE_MAX_BYTES. */
  base64: z.string().nullable(),
});
export type StreamValue = z.infer<typeof StreamValueSchema>;

/** What the store's own order mark is: ZooKeeper zxid, etcd revision, Consul ModifyIndex, Nacos md5. */
export const StreamMarkKindSchema = z.enum(['zxid', 'revision', 'modifyIndex', 'md5']);
export type StreamMarkKind = z.infer<typeof StreamMarkKindSchema>;

/** One event as a driver reports it; the core adds the sequence number and the receive time. */
export const BackendStreamEventSchema = z.object({
  type: StreamEventTypeSchema,
  /** Absolute path of the node (the stream's path for connection events). */
  path: z.string(),
  /** The store's order mark of this change (zxid in hex `0x…`, revision, ModifyIndex, md5); null when none. */
  mark: z.string().nullable(),
  /** The node's version after the change (ZooKeeper dataVersion, etcd version, Consul ModifyIndex…). */
  version: z.string().nullable(),
  /** The value before the change; null when the node had none or it is not known (see `beforeKnown`). */
  before: StreamValueSchema.nullable(),
  /** Whether `before` is known: a change seen for a node whose earlier value the stream never read. */
  beforeKnown: z.boolean(),
  after: StreamValueSchema.nullable(),
  /** One sentence for connection events and notes (`events in the gap may be missing`). */
  detail: z.string().nullable(),
});
export type BackendStreamEvent = z.infer<typeof BackendStreamEventSchema>;

export const StreamEventSchema = BackendStreamEventSchema.extend({
  /** Position in the stream, from 1, never reused (also after a clear). */
  seq: z.number().int().positive(),
  /** Local receive time, epoch milliseconds. */
  time: z.number(),
});
export type StreamEvent = z.infer<typeof StreamEventSchema>;

export const StreamCountsSchema = z.record(StreamEventTypeSchema, z.number().int());
export type StreamCounts = z.infer<typeof StreamCountsSchema>;

export const StreamStateSchema = z.enum(['running', 'stopped', 'failed']);
export type StreamState = z.infer<typeof StreamStateSchema>;

/** A stream as the UI lists it. */
export const StreamInfoSchema = z.object({
  streamId: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  path: z.string(),
  /** The whole subtree (true) or the node alone. */
  recursive: z.boolean(),
  /** How the store is watched, in a few words: `persistent recursive watch`, `etcd watch with previous values`. */
  method: z.string(),
  /** What the method cannot see, in one sentence (one-shot watches merge quick changes); null when nothing. */
  note: z.string().nullable(),
  markKind: StreamMarkKindSchema.nullable(),
  startedAt: z.number(),
  state: StreamStateSchema,
  /** Why the stream failed (a compacted revision, a lost connection that cannot resume). */
  error: z.string().nullable(),
  /** Events received since the start (kept or not). */
  total: z.number().int(),
  /** Events dropped from the ring to keep it bounded. */
  dropped: z.number().int(),
  /** Events in the ring now (after a clear: since the clear). */
  kept: z.number().int(),
  capacity: z.number().int(),
  counts: StreamCountsSchema,
  /** Sequence number of the newest event; 0 before any. */
  lastSeq: z.number().int(),
});
export type StreamInfo = z.infer<typeof StreamInfoSchema>;

/** Which events of the ring a read returns. */
export const StreamFilterSchema = z.object({
  /** Glob on the path (`*` within a name, `**` across names); empty or omitted: all. */
  pathGlob: z.string().max(2000).optional(),
  /** Only these types; omitted: all. */
  types: z.array(StreamEventTypeSchema).optional(),
});
export type StreamFilter = z.infer<typeof StreamFilterSchema>;
