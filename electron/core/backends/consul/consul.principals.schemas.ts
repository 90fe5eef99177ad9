import { z } from 'zod';

/**
 * The wire shapes of Consul's ACL endpoints, with only the fields ConfigDeck shows: a token's SecretID is
 * deliberately absent, so it is dropped when the answer is parsed and never travels further.
 */

const Link = z.object({ ID: z.string(), Name: z.string() });
const Links = z
  .array(Link)
  .nullable()
  .optional()
  .transform((links) => links ?? []);

const ServiceIdentities = z
  .array(z.object({ ServiceName: z.string(), Datacenters: z.array(z.string()).nullable().optional() }))
  .nullable()
  .optional()
  .transform((items) => items ?? []);

const NodeIdentities = z
  .array(z.object({ NodeName: z.string(), Datacenter: z.string().optional() }))
  .nullable()
  .optional()
  .transform((items) => items ?? []);

/** What a token and a role both carry: policies and the identities that imply rules. */
const Holder = {
  Description: z.string().optional().default(''),
  Policies: Links,
  ServiceIdentities,
  NodeIdentities,
};

/** A token of `/v1/acl/tokens` or `/v1/acl/token/self`, named by its AccessorID. */
export const AclTokenWireSchema = z.object({
  AccessorID: z.string(),
  ...Holder,
  Roles: Links,
  Local: z.boolean().optional().default(false),
  ExpirationTime: z.string().optional(),
});
export type AclTokenWire = z.infer<typeof AclTokenWireSchema>;
export const AclTokensWireSchema = z
  .array(AclTokenWireSchema)
  .nullable()
  .transform((tokens) => tokens ?? []);

export const AclRoleWireSchema = z.object({ ID: z.string(), Name: z.string(), ...Holder });
export type AclRoleWire = z.infer<typeof AclRoleWireSchema>;
export const AclRolesWireSchema = z
  .array(AclRoleWireSchema)
  .nullable()
  .transform((roles) => roles ?? []);

/** A policy of `/v1/acl/policies` (no rules) or `/v1/acl/policy/<id>` (with them). */
export const AclPolicyWireSchema = z.object({
  ID: z.string(),
  Name: z.string(),
  Description: z.string().optional().default(''),
  Rules: z.string().optional().default(''),
});
export type AclPolicyWire = z.infer<typeof AclPolicyWireSchema>;
export const AclPoliciesWireSchema = z
  .array(AclPolicyWireSchema)
  .nullable()
  .transform((policies) => policies ?? []);
