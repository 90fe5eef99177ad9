import { z } from 'zod';
import { AppErrorShapeSchema } from '../errors.js';
import { JobProgressViewSchema, JobStateSchema } from './compare.js';
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

/** A node whose ACL a recursive apply would change, with the ACL it has now. */
export const AclDifferenceSchema = z.object({ path: z.string(), entries: z.array(AclEntrySchema) });

/** What applying an ACL to a whole subtree would do: how many nodes, how many differ, the first of them. */
export const AclRecursivePlanSchema = z.object({
  path: z.string(),
  /** Nodes in the subtree, its root included. */
  count: z.number().int(),
  /** Nodes whose ACL is not the one to apply. */
  differing: z.number().int(),
  /** The first differing nodes in walk order (at most 20). */
  differences: z.array(AclDifferenceSchema),
});
export type AclRecursivePlan = z.infer<typeof AclRecursivePlanSchema>;

/** What a recursive apply did, node by node (each change audited on its own). */
export const AclRecursiveReportSchema = z.object({
  path: z.string(),
  count: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Nodes not changed, with the sentence why (a conflict, a node without ADMIN for this session). */
  failed: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  /** Nodes the walk never reached because it was stopped (cancelled) midway. */
  notReached: z.number().int(),
  /** Why the walk stopped before the end (CANCELLED), or null when every node was visited. */
  stoppedBy: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type AclRecursiveReport = z.infer<typeof AclRecursiveReportSchema>;

/** The state of a recursive apply (a job): its progress, and once ended (done or cancelled) its report. */
export const AclRecursiveResultSchema = z.object({
  state: JobStateSchema,
  progress: JobProgressViewSchema.nullable(),
  /** Present once the walk ended, a cancelled one included (what was changed before it stopped). */
  report: AclRecursiveReportSchema.nullable(),
  error: AppErrorShapeSchema.nullable(),
});
export type AclRecursiveResult = z.infer<typeof AclRecursiveResultSchema>;
