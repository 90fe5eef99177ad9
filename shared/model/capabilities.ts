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
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
