import { z } from 'zod';
import { BackendKindSchema } from './connection.js';

/**
 * What a grant allows: `readwrite` covers both (etcd READWRITE, a Consul `write` policy, which implies
 * read); `write` alone is etcd's write-only WRITE; `list` is Consul's list policy (key names, no values).
 */
export const GrantAccessSchema = z.enum(['read', 'write', 'readwrite', 'deny', 'list']);
export type GrantAccess = z.infer<typeof GrantAccessSchema>;

/** One thing a principal may (or may not) do: the access, what it applies to, and where it comes from. */
export const GrantSchema = z.object({
  access: GrantAccessSchema,
  /** A key (`/app/config`), a prefix (`/app/*`), a range, or a Consul rule (`key_prefix "app/"`). */
  scope: z.string(),
  /** Where the grant comes from (a role, a policy) or what it means beyond the scope; null when nothing. */
  note: z.string().nullable(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const PrincipalTypeSchema = z.enum(['user', 'role', 'token', 'policy']);
export type PrincipalType = z.infer<typeof PrincipalTypeSchema>;

/**
 * An etcd user or role, a Consul token, policy or role, with what it may read and write. A Consul token is
 * named by its AccessorID: its SecretID never leaves the server's answer.
 */
export const PrincipalSchema = z.object({
  name: z.string(),
  type: PrincipalTypeSchema,
  description: z.string().nullable(),
  /** The roles it has (an etcd user's roles, a Consul token's roles). */
  roles: z.array(z.string()),
  /** The policies it has (a Consul token's or role's policies). */
  policies: z.array(z.string()),
  grants: z.array(GrantSchema),
  /** A Consul policy's rules as the server keeps them (HCL or JSON), for what the grants do not say. */
  rules: z.string().nullable(),
  /** The credentials of this very connection (its etcd user, its Consul token). */
  self: z.boolean(),
});
export type Principal = z.infer<typeof PrincipalSchema>;

/** The principals the connection's credentials may read, with sentences on what could not be read. */
export const PrincipalsReportSchema = z.object({
  kind: BackendKindSchema,
  principals: z.array(PrincipalSchema),
  /** Sentences shown above the list: auth disabled, a permission the credentials lack, a rule not understood. */
  notes: z.array(z.string()),
});
export type PrincipalsReport = z.infer<typeof PrincipalsReportSchema>;
