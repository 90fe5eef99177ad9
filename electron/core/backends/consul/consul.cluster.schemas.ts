import { z } from 'zod';

/** The wire shapes of Consul's cluster and troubleshooting endpoints (only the fields ConfigDeck shows). */

const StringMap = z
  .record(z.string(), z.string())
  .nullable()
  .optional()
  .transform((map) => map ?? {});

/** One LAN member of `/v1/agent/members`; Status is Serf's (1 alive, 2 leaving, 3 left, 4 failed). */
export const AgentMemberWireSchema = z.object({
  Name: z.string(),
  Addr: z.string(),
  Port: z.number(),
  Tags: StringMap,
  Status: z.number(),
});
export type AgentMemberWire = z.infer<typeof AgentMemberWireSchema>;
export const AgentMembersWireSchema = z
  .array(AgentMemberWireSchema)
  .nullable()
  .transform((members) => members ?? []);

/** `/v1/operator/raft/configuration` (operator:read). */
export const RaftConfigurationWireSchema = z.object({
  Servers: z
    .array(
      z.object({
        ID: z.string(),
        Node: z.string(),
        Address: z.string(),
        Leader: z.boolean(),
        Voter: z.boolean(),
        LastIndex: z.number().optional(),
      }),
    )
    .nullable()
    .transform((servers) => servers ?? []),
  Index: z.number().optional(),
});
export type RaftConfigurationWire = z.infer<typeof RaftConfigurationWireSchema>;

const StringList = z
  .array(z.string())
  .nullable()
  .optional()
  .transform((items) => items ?? []);

/** One session of `/v1/session/list` or `/v1/session/info/<id>`; TTL is text (`15s`), LockDelay nanoseconds. */
export const SessionWireSchema = z.object({
  ID: z.string(),
  Name: z.string().optional().default(''),
  Node: z.string().optional().default(''),
  Behavior: z.string().optional().default('release'),
  TTL: z.string().optional().default(''),
  LockDelay: z.number().optional(),
  NodeChecks: StringList,
  ServiceChecks: z
    .array(z.object({ ID: z.string() }))
    .nullable()
    .optional()
    .transform((checks) => (checks ?? []).map((check) => check.ID)),
  /** Before Consul 1.7 the checks were one list. */
  Checks: StringList,
  CreateIndex: z.number().optional(),
});
export type SessionWire = z.infer<typeof SessionWireSchema>;
export const SessionsWireSchema = z
  .array(SessionWireSchema)
  .nullable()
  .transform((sessions) => sessions ?? []);

/** `/v1/catalog/node/<name>`: the node's address (null when the node is not in the catalog). */
export const CatalogNodeDetailWireSchema = z
  .object({ Node: z.object({ Node: z.string(), Address: z.string() }).nullable().optional() })
  .nullable();

/** `/v1/agent/metrics` (agent:read): the in-memory sink's last finished interval. */
export const MetricsSummaryWireSchema = z.object({
  Timestamp: z.string().optional(),
  Gauges: z
    .array(z.object({ Name: z.string(), Value: z.number(), Labels: StringMap }))
    .nullable()
    .optional()
    .transform((gauges) => gauges ?? []),
});
