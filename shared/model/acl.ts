import { z } from 'zod';
import { AclEntrySchema } from './node.js';

/** The schemes ZooKeeper ships providers for; another is refused before it reaches the server. */
export const ACL_SCHEMES = ['world', 'auth', 'digest', 'ip', 'sasl', 'x509'] as const;
export type AclScheme = (typeof ACL_SCHEMES)[number];

/** The permission letters, in the order the editor shows them (read, write, create, delete, admin). */
export const ACL_PERMISSION_LETTERS = ['r', 'w', 'c', 'd', 'a'] as const;

/** A node's ACL as read: its entries and the ACL version (the stat's `aversion`) a save is guarded by. */
export const NodeAclSchema = z.object({
  path: z.string(),
  entries: z.array(AclEntrySchema),
  aclVersion: z.number().int(),
});
export type NodeAcl = z.infer<typeof NodeAclSchema>;

/**
 * Who this session is to the server, one identity per line (`world:anyone` always, then what the server says
 * through whoAmI, or the profile's digest user where it cannot): what the admin-removal rule checks against.
 */
export const AclIdentitySchema = z.object({ scheme: z.string(), id: z.string() });
export type AclIdentity = z.infer<typeof AclIdentitySchema>;
