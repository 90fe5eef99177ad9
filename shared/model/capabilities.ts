import { z } from 'zod';

/** What a backend can do; the UI shows a feature only when its capability is true. */
export const CapabilitiesSchema = z.object({
  /** Create modes beyond a plain persistent node. */
  ephemeral: z.boolean(),
  sequential: z.boolean(),
  container: z.boolean(),
  /** ZooKeeper TTL nodes (server must run with extended types enabled). */
  ttl: z.boolean(),
  /** etcd leases attached to keys. */
  leases: z.boolean(),
  /** The store keeps revisions (etcd) that could be read back. */
  revisions: z.boolean(),
  acls: z.boolean(),
  transactions: z.boolean(),
  /** A node can hold a value and children at the same time without a trailing-separator trick. */
  valueOnFolders: z.boolean(),
  /** The server can list who watches what (ZooKeeper four-letter words). */
  watchInventory: z.boolean(),
  /** Keys carry opaque integer flags (Consul). */
  flags: z.boolean(),
  /** Earlier versions of a value can be listed, compared and rolled back (Nacos config history). */
  history: z.boolean(),
  /** The server tells which clients listen to a value and which version each holds (Nacos). */
  listeners: z.boolean(),
  /** Datacenters, nodes, leader and raft peers (Consul catalog). */
  catalog: z.boolean(),
  /** Services and their instances with health (Consul catalog, Nacos naming). */
  serviceRegistry: z.boolean(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** A store that can do none of the optional things (a snapshot file); the base others spread over. */
export const NO_CAPABILITIES: Capabilities = {
  ephemeral: false,
  sequential: false,
  container: false,
  ttl: false,
  leases: false,
  revisions: false,
  acls: false,
  transactions: false,
  valueOnFolders: false,
  watchInventory: false,
  flags: false,
  history: false,
  listeners: false,
  catalog: false,
  serviceRegistry: false,
};
