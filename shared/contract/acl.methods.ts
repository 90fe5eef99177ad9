import { z } from 'zod';
import {
  AclIdentitySchema,
  AclRecursivePlanSchema,
  AclRecursiveResultSchema,
  NodeAclSchema,
} from '../model/acl.js';
import { AclEntrySchema, NodePathSchema } from '../model/node.js';
import { LOCAL, READS, writeInput, writes } from './access.js';

const ConnectionIdSchema = z.string().min(1);

/** ZooKeeper ACL editing (spread into `methods`); there where the capability `aclEditing` is true. */
export const aclMethods = {
  /** A node's ACL entries and its ACL version (the stat's aversion), which a save is guarded by. */
  'acl.get': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema }),
    output: NodeAclSchema,
  },
  /**
   * Who this session is to the server (`world:anyone`, its address, its digest user): what the editor checks
   * an ACL against to warn before a save takes ADMIN from every one of them.
   */
  'acl.identities': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema }),
    output: z.array(AclIdentitySchema),
  },
  /**
   * Replaces a node's ACL when it is still at `aclVersion` (else CONFLICT carrying the current ACL as JSON
   * text and its version as the token, shown like a value conflict). The entries are checked first, one
   * sentence per problem; an ACL leaving ADMIN to none of the session's identities is refused unless
   * `confirmRemoveAdmin`.
   */
  'acl.set': {
    access: writes('path', 'acl'),
    input: writeInput({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      entries: z.array(AclEntrySchema).max(1000),
      /** The ACL version read with the entries; null writes whatever the version is now. */
      aclVersion: z.number().int().nullable(),
      confirmRemoveAdmin: z.boolean().default(false),
    }),
    output: NodeAclSchema,
  },
  /** What applying `entries` to the whole subtree would change: the node count and the first differences. */
  'acl.planRecursive': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      entries: z.array(AclEntrySchema).max(1000),
    }),
    output: AclRecursivePlanSchema,
  },
  /**
   * Applies `entries` to every node of the subtree whose ACL differs, each guarded by the ACL version read
   * just before and audited on its own; confirmed on prod by the connection's name. The entries and the
   * admin rule are checked before it starts; the walk runs in the background (poll `acl.recursiveResult`).
   */
  'acl.applyRecursive': {
    access: writes('connection', 'acl'),
    input: writeInput({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      entries: z.array(AclEntrySchema).max(1000),
      confirmRemoveAdmin: z.boolean().default(false),
    }),
    output: z.object({ jobId: z.string() }),
  },
  /** The state, progress and (once done or cancelled) the report of a recursive apply. */
  'acl.recursiveResult': {
    access: READS,
    input: z.object({ jobId: z.string().min(1) }),
    output: AclRecursiveResultSchema,
  },
  /** Asks a running recursive apply to stop after the node it is at; the report names what was not reached. */
  'acl.recursiveCancel': {
    access: LOCAL,
    input: z.object({ jobId: z.string().min(1) }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;
