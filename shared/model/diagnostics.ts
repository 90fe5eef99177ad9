import { z } from 'zod';
import { CoreWordSchema } from './core-word.js';

/**
 * Troubleshooting answers beyond the tree: the members of a cluster and their health, who is connected,
 * who watches or listens to a path, who owns a node. Each store answers what it can; where it cannot, the
 * answer says so in one sentence (`available: false`, `reason`), never as an empty table.
 */

/** A sentence about an answer, with the exact text to apply when there is one (a zoo.cfg line). */
export const DiagnosticNoteSchema = z.object({
  message: z.string(),
  /** Text to copy as it is (`4lw.commands.whitelist=srvr,mntr,cons,wchs,wchp,dump`); null when none. */
  fix: z.string().nullable(),
});
export type DiagnosticNote = z.infer<typeof DiagnosticNoteSchema>;

export const MemberRoleSchema = z.enum([
  'leader',
  'follower',
  'observer',
  'standalone',
  'read-only',
  'server',
  'client',
  'unknown',
]);
export type MemberRole = z.infer<typeof MemberRoleSchema>;

/** One figure of a member (`zxid`, `latency`, `raftIndex`); numbers stay numbers so that lags can be computed. */
export const MemberMetricSchema = z.object({
  /** Stable name of the figure: the UI labels it in its language by this key. */
  key: z.string(),
  /** The English label (CLI; shown for a key the UI does not know). */
  label: z.string(),
  value: z.union([z.number(), z.string()]),
  /** How to show a number: as is, as bytes, as milliseconds. */
  unit: z.enum(['count', 'bytes', 'ms', 'text']).default('count'),
  /** Set when the value is a word of the core's (`yes`, `none`), for the UI to write in its language. */
  word: CoreWordSchema.optional(),
});
export type MemberMetric = z.infer<typeof MemberMetricSchema>;

export const ServerMemberSchema = z.object({
  /** Stable within a report: `host:port` or the store's member id. */
  id: z.string(),
  name: z.string(),
  /** Where it is reached (`127.0.0.1:2181`, a client URL). */
  address: z.string(),
  role: MemberRoleSchema,
  up: z.boolean(),
  /** Why it is down, or what it reports as wrong (an etcd member's errors), in one sentence. */
  error: z.string().nullable(),
  version: z.string().nullable(),
  metrics: z.array(MemberMetricSchema),
});
export type ServerMember = z.infer<typeof ServerMemberSchema>;

/** The members of the connection's cluster with their health, from cheap calls only (polled every few seconds). */
export const ServersReportSchema = z.object({
  members: z.array(ServerMemberSchema),
  /** Epoch milliseconds of the check. */
  checkedAt: z.number(),
  /** Members disagree (zxid lag, znode or ephemeral counts): one sentence each. */
  disagreements: z.array(z.string()),
  notes: z.array(DiagnosticNoteSchema),
});
export type ServersReport = z.infer<typeof ServersReportSchema>;

export const DiagnosticCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type DiagnosticCell = z.infer<typeof DiagnosticCellSchema>;

export const DiagnosticColumnSchema = z.object({
  /** The row field it shows; with the table's kind, what the UI labels it by. */
  key: z.string(),
  /** The English label (CLI; shown for a column the UI does not know). */
  label: z.string(),
  format: z.enum(['text', 'count', 'bytes', 'ms', 'time', 'mono']).default('text'),
});
export type DiagnosticColumn = z.infer<typeof DiagnosticColumnSchema>;

/**
 * One table of facts a store tells (ZooKeeper `cons` per member, etcd alarms and leases, Consul sessions and
 * the keys each locks, Nacos listeners by client IP). A table that the store cannot fill is `available:
 * false` with the reason, never empty rows that read as "nobody".
 */
export const DiagnosticTableSchema = z.object({
  /** Unique within a report (`cons:127.0.0.1:2181`). */
  id: z.string(),
  /** Which table it is (`cons`, `alarms`): the UI writes its title and column labels in its language by it. */
  kind: z.string(),
  /** What the title names (the member of a `cons` table), null when it names nothing. */
  subject: z.string().nullable(),
  /** The English title (CLI; shown for a kind the UI does not know). */
  title: z.string(),
  available: z.boolean(),
  /** Why the table cannot be filled (a refused word, a missing endpoint, a token without rights). */
  reason: DiagnosticNoteSchema.nullable(),
  columns: z.array(DiagnosticColumnSchema),
  rows: z.array(z.record(z.string(), DiagnosticCellSchema)),
  /** Rows the store has beyond those returned (paged or capped); null when all are here. */
  more: z.number().int().nullable(),
  notes: z.array(DiagnosticNoteSchema),
});
export type DiagnosticTable = z.infer<typeof DiagnosticTableSchema>;

export const DiagnosticsReportSchema = z.object({
  tables: z.array(DiagnosticTableSchema),
  checkedAt: z.number(),
});
export type DiagnosticsReport = z.infer<typeof DiagnosticsReportSchema>;

/** One client that watches or listens to a path. */
export const WatcherSchema = z.object({
  /** ZooKeeper session id as ZooKeeper prints it (`0x…`); null where the store has no sessions. */
  sessionId: z.string().nullable(),
  /** The client's address (`ip:port`, or an IP for Nacos); null when the store does not say. */
  client: z.string().nullable(),
  /** The member the client is connected to. */
  member: z.string().nullable(),
  /** How it watches: a data watch on the path, a recursive watch on an ancestor, a config listener. */
  kind: z.enum(['data', 'persistent', 'recursive', 'listener']),
  /** The path the watch is set on (an ancestor for a recursive watch). */
  watchedPath: z.string(),
  /** The version the client holds (Nacos md5); null where the store does not tell. */
  holds: z.string().nullable(),
  /** It holds the current version; null where not known. */
  current: z.boolean().nullable(),
  /** One sentence about this client (`still holds the version published at 14:02 by alice`). */
  detail: z.string().nullable(),
});
export type Watcher = z.infer<typeof WatcherSchema>;

/** The cost of a costly query, shown before it runs (ZooKeeper: the watch count of every member). */
export const QueryCostSchema = z.object({
  /** One sentence: `3 members hold 120,431 watches; listing them is costly on the servers.` */
  message: z.string(),
  watches: z.number().int().nullable(),
});
export type QueryCost = z.infer<typeof QueryCostSchema>;

export const WatchersReportSchema = z.object({
  path: z.string(),
  /** False where the store cannot tell who watches (etcd): `reason` says so. */
  available: z.boolean(),
  reason: z.string().nullable(),
  /** Set (and `watchers` empty) when the query was not confirmed and is costly: confirm to run it. */
  cost: QueryCostSchema.nullable(),
  watchers: z.array(WatcherSchema),
  notes: z.array(DiagnosticNoteSchema),
});
export type WatchersReport = z.infer<typeof WatchersReportSchema>;

/** One fact about a node's owner: a stable key (the UI labels it by), the English label and the value. */
export const OwnerFactSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  /** Set when the value is a word of the core's (`none`, `30 ms`), for the UI to write in its language. */
  word: CoreWordSchema.optional(),
});
export type OwnerFact = z.infer<typeof OwnerFactSchema>;

/** Who owns a node: a ZooKeeper ephemeral node's session, a Consul key's lock session. */
export const OwnerReportSchema = z.object({
  path: z.string(),
  /** The node has an owner (ephemeral / locked). */
  owned: z.boolean(),
  sessionId: z.string().nullable(),
  /** Where the owner connects from or runs: client `ip:port` (ZooKeeper), the session's node (Consul). */
  clients: z.array(z.object({ address: z.string(), member: z.string().nullable() })),
  /** Extra facts of the owning session (name, TTL, checks), as labelled text. */
  facts: z.array(OwnerFactSchema),
  notes: z.array(DiagnosticNoteSchema),
});
export type OwnerReport = z.infer<typeof OwnerReportSchema>;

/** An etcd lease with its remaining time and how many keys it holds. */
export const LeaseSchema = z.object({
  /** Lease id in hex as etcdctl prints it. */
  id: z.string(),
  ttlSec: z.number().int(),
  grantedTtlSec: z.number().int(),
  keyCount: z.number().int(),
});
export type Lease = z.infer<typeof LeaseSchema>;

export const LeasePageSchema = z.object({
  leases: z.array(LeaseSchema),
  nextCursor: z.string().nullable(),
});
export type LeasePage = z.infer<typeof LeasePageSchema>;

export const LeaseKeysPageSchema = z.object({
  leaseId: z.string(),
  /** Paths of the keys attached, in the tree's model. */
  paths: z.array(z.string()),
  nextCursor: z.string().nullable(),
});
export type LeaseKeysPage = z.infer<typeof LeaseKeysPageSchema>;
