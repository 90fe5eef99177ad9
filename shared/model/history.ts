import { z } from 'zod';

/**
 * Where a version of a node comes from: the server's own history (etcd revisions, Nacos config history),
 * this machine's audit log, or what a Watch tab stream recorded.
 */
export const HISTORY_SOURCES = ['server', 'audit', 'watch'] as const;
export const HistorySourceSchema = z.enum(HISTORY_SOURCES);
export type HistorySource = z.infer<typeof HistorySourceSchema>;

/** One earlier (or the current) version of a value. */
export const HistoryEntrySchema = z.object({
  /**
   * Stable within the node: `server:<driver id>` (etcd `server:<mod revision>`, Nacos `server:<nid>`),
   * `audit:<seq>`, `watch:<streamId>:<seq>`.
   */
  id: z.string(),
  source: HistorySourceSchema,
  /** ISO time of the change; null where the store does not tell (etcd revisions carry no time). */
  time: z.string().nullable(),
  /** What happened to the node at this version. */
  operation: z.enum(['create', 'update', 'delete', 'unknown']),
  md5: z.string().nullable(),
  /** Who made it: Nacos's user and IP, the audit entry's `user@host`; null when unknown. */
  author: z.string().nullable(),
  /** etcd: the revision of this version (mod revision; for a deletion, the revision of the delete). */
  revision: z.string().nullable().default(null),
  /** etcd: the key's version within its life (1 = created); ZooKeeper: the stat version a watch saw. */
  version: z.string().nullable().default(null),
  /** Size of the value in bytes, when known. */
  size: z.number().int().nullable().default(null),
  /**
   * The value is known whole, so it can be compared and restored (false for a deletion, a value larger than
   * the audit log or the watch ring keeps, or a server version whose value is gone).
   */
  restorable: z.boolean().default(true),
  /** Why it cannot be restored, or what else is worth a sentence (`this machine's audit entry 12`). */
  note: z.string().nullable().default(null),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type HistoryEntryInput = z.input<typeof HistoryEntrySchema>;

/** A version with its value (null for a deletion or a value not kept whole). */
export const HistoryVersionSchema = HistoryEntrySchema.extend({ valueBase64: z.string().nullable() });
export type HistoryVersion = z.infer<typeof HistoryVersionSchema>;

/** What the History pane shows for a node: its versions newest first, and what the list does not hold. */
export const HistoryReportSchema = z.object({
  entries: z.array(HistoryEntrySchema),
  /** The server itself keeps versions (etcd, Nacos); false where only this machine knows (ZooKeeper, Consul). */
  serverKeeps: z.boolean(),
  /**
   * One sentence each: where the list stops (`Older versions were compacted at revision 120.`), or that the
   * server keeps none and what the list is made of instead.
   */
  notes: z.array(z.string()),
});
export type HistoryReport = z.infer<typeof HistoryReportSchema>;

/** What a driver's own history gives (the core adds this machine's audit and watch versions). */
export interface ServerHistory {
  /** Newest first, each with `source: 'server'`. */
  entries: HistoryEntry[];
  notes: string[];
}

/** A client listening to a value and the version it holds (Nacos listener query). */
export const ListenerSchema = z.object({
  client: z.string(),
  md5: z.string(),
  /** The client holds the current version. */
  inSync: z.boolean(),
});
export type Listener = z.infer<typeof ListenerSchema>;

export const ListenerReportSchema = z.object({
  path: z.string(),
  currentMd5: z.string().nullable(),
  listeners: z.array(ListenerSchema),
});
export type ListenerReport = z.infer<typeof ListenerReportSchema>;

/** What a server offers beyond the tree, discovered before a profile is saved (Consul datacenters, Nacos namespaces). */
export const DiscoverySchema = z.object({
  datacenters: z.array(z.string()).nullable(),
  namespaces: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
  /** The API the server offers, e.g. `nacos v1 open api`, `consul 1.22`. */
  api: z.string().nullable(),
});
export type Discovery = z.infer<typeof DiscoverySchema>;
