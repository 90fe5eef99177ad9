import { z } from 'zod';
import { CoreWordSchema } from './core-word.js';

/** Absolute path: starts with `/`; the root is `/`. Names between slashes may hold any character. */
export const NodePathSchema = z
  .string()
  .min(1)
  .refine((p) => p.startsWith('/'), 'a path must start with /')
  .refine((p) => p === '/' || !p.endsWith('/'), 'a path may not end with / (except the root)')
  .refine((p) => !p.includes('//'), 'a path may not contain an empty name (//)')
  .refine((p) => !p.includes('\u0000'), 'a path may not contain a NUL character');
export type NodePath = z.infer<typeof NodePathSchema>;

export const ChildEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  /** The node itself holds a value (always true for ZooKeeper; for key/value stores: the key exists). */
  hasValue: z.boolean(),
  /** Known number of direct children, null when not counted. */
  childCount: z.number().int().nullable(),
  dataLength: z.number().int().nullable(),
  ephemeral: z.boolean(),
  /** Consul: the session that holds the key's lock (shown in the tree); omitted where the store has no locks. */
  lockSession: z.string().nullable().optional(),
});
export type ChildEntry = z.infer<typeof ChildEntrySchema>;

export const ChildPageSchema = z.object({
  path: z.string(),
  entries: z.array(ChildEntrySchema),
  /** Total children matching the filter, when the backend knows it without paging to the end. */
  total: z.number().int().nullable(),
  /** Opaque: pass back to get the next page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type ChildPage = z.infer<typeof ChildPageSchema>;

export const MetaFieldSchema = z.object({
  /** Stable name of the field (`czxid`, `mod_revision`): the UI labels it in its language by this key. */
  key: z.string(),
  /** The English label (CLI, logs; shown for a key the UI does not know). */
  label: z.string(),
  value: z.string(),
  /** Set when the value is a word of the core's (`none`, `30 s`), for the UI to write in its language. */
  word: CoreWordSchema.optional(),
});
export type MetaField = z.infer<typeof MetaFieldSchema>;

export const AclEntrySchema = z.object({
  scheme: z.string(),
  id: z.string(),
  /** Letters from `crwda` (create, read, write, delete, admin). */
  permissions: z.string(),
});
export type AclEntry = z.infer<typeof AclEntrySchema>;

/** What `node.get` returns of a value when the caller names no `maxBytes`: larger values come back truncated. */
export const DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;

export const NodeValueSchema = z.object({
  path: z.string(),
  /** The node has a value of its own (false for a pure etcd folder). */
  hasValue: z.boolean(),
  valueBase64: z.string(),
  /** Full size in bytes; larger than the decoded value when truncated. */
  size: z.number().int(),
  truncated: z.boolean(),
  /** Concurrency token to send back with a save (ZooKeeper version, etcd mod_revision). */
  token: z.string().nullable(),
  meta: z.array(MetaFieldSchema),
  acls: z.array(AclEntrySchema).nullable(),
  childCount: z.number().int().nullable(),
});
export type NodeValue = z.infer<typeof NodeValueSchema>;

export const CreateModeSchema = z.object({
  ephemeral: z.boolean().default(false),
  sequential: z.boolean().default(false),
  container: z.boolean().default(false),
  /** ZooKeeper TTL node lifetime. */
  ttlMs: z.number().int().positive().optional(),
  /** etcd: attach a new lease with this TTL. */
  leaseTtlSec: z.number().int().positive().optional(),
});
export type CreateMode = z.input<typeof CreateModeSchema>;

export const NODE_CHANGE_TYPES = ['data', 'created', 'deleted', 'children'] as const;
export const NodeChangeTypeSchema = z.enum(NODE_CHANGE_TYPES);
export type NodeChangeType = z.infer<typeof NodeChangeTypeSchema>;
