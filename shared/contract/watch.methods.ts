import { z } from 'zod';
import { NodePathSchema } from '../model/node.js';
import { StreamEventSchema, StreamFilterSchema, StreamInfoSchema } from '../model/event-stream.js';
import {
  DiagnosticsReportSchema,
  LeaseKeysPageSchema,
  LeasePageSchema,
  OwnerReportSchema,
  ServersReportSchema,
  WatchersReportSchema,
} from '../model/diagnostics.js';
import { LOCAL, READS } from './access.js';

const ConnectionIdSchema = z.string().min(1);
const StreamIdSchema = z.string().min(1);

/** Live event streams and troubleshooting answers (spread into `methods`). */
export const watchMethods = {
  /** Starts a live stream of a node or a subtree (capability `eventStreams`); events arrive as `stream.appended`. */
  'stream.start': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      recursive: z.boolean().default(true),
      /** etcd: replay from this revision (bounded by compaction, named when hit). */
      sinceRevision: z
        .string()
        .regex(/^[0-9]+$/, 'a revision is a whole number')
        .optional(),
    }),
    output: StreamInfoSchema,
  },
  /** Stops a stream; its events stay readable until it is removed. */
  'stream.stop': {
    access: LOCAL,
    input: z.object({ streamId: StreamIdSchema }),
    output: StreamInfoSchema,
  },
  /** Stops (when running) and forgets a stream with its events. */
  'stream.remove': {
    access: LOCAL,
    input: z.object({ streamId: StreamIdSchema }),
    output: z.object({ removed: z.boolean() }),
  },
  'stream.list': { access: READS, input: z.object({}).strict(), output: z.array(StreamInfoSchema) },
  /** Events of a stream's ring after `afterSeq`, oldest first, filtered. */
  'stream.events': {
    access: READS,
    input: StreamFilterSchema.extend({
      streamId: StreamIdSchema,
      afterSeq: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(20_000).default(5000),
    }),
    output: z.object({
      events: z.array(StreamEventSchema),
      info: StreamInfoSchema,
      /** More matching events follow the last one returned. */
      more: z.boolean(),
    }),
  },
  /** Empties a stream's ring (counts restart; sequence numbers go on). */
  'stream.clear': {
    access: LOCAL,
    input: z.object({ streamId: StreamIdSchema }),
    output: StreamInfoSchema,
  },
  /** Members and their health from cheap calls (capability `servers`); safe to poll every few seconds. */
  'servers.health': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema }),
    output: ServersReportSchema,
  },
  /** Who is connected and what each member tells beyond health (capability `diagnostics`); on demand. */
  'diagnostics.report': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema }),
    output: DiagnosticsReportSchema,
  },
  /**
   * Who watches or listens to a path (capability `watchers`). Where the query is costly (ZooKeeper `wchp`),
   * an unconfirmed call returns only its cost; call again with `confirmed` to run it.
   */
  'watchers.query': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      confirmed: z.boolean().default(false),
    }),
    output: WatchersReportSchema,
  },
  /** Who owns a node: an ephemeral node's session and its client, a key's lock session (capability `owners`). */
  'owner.query': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema }),
    output: OwnerReportSchema,
  },
  /** etcd leases with their remaining TTL, paged (capability `leaseInventory`). */
  'leases.list': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      cursor: z.string().nullable().default(null),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: LeasePageSchema,
  },
  /** The keys attached to one lease, paged (capability `leaseInventory`). */
  'leases.keys': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      leaseId: z.string().regex(/^[0-9a-fA-F]+$/, 'a lease id is hexadecimal'),
      cursor: z.string().nullable().default(null),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: LeaseKeysPageSchema,
  },
} as const;
