import { z } from 'zod';

/** One earlier version of a value (Nacos config history). */
export const HistoryEntrySchema = z.object({
  id: z.string(),
  /** ISO time of the change. */
  time: z.string(),
  /** What happened: the server's words (`I` insert, `U` update, `D` delete) mapped to create/update/delete. */
  operation: z.enum(['create', 'update', 'delete', 'unknown']),
  md5: z.string().nullable(),
  /** Who published, when the server says. */
  author: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryVersionSchema = HistoryEntrySchema.extend({ valueBase64: z.string() });
export type HistoryVersion = z.infer<typeof HistoryVersionSchema>;

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
