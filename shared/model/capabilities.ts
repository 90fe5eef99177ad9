import { z } from 'zod';

/**
 * What a store's nodes can be, as its session declares it: the create modes its server accepts beyond a
 * plain persistent node, and whether nodes carry ACLs. The node service refuses a create mode that is
 * false here; the create dialog offers only the true ones.
 */
export const NodeCapabilitiesSchema = z.object({
  ephemeral: z.boolean(),
  sequential: z.boolean(),
  container: z.boolean(),
  /** ZooKeeper TTL nodes (the server must run with extended types enabled). */
  ttl: z.boolean(),
  /** etcd leases attached to keys at create time. */
  leases: z.boolean(),
  /** Nodes carry ACLs, shown with the value (ZooKeeper). */
  acls: z.boolean(),
});
export type NodeCapabilities = z.infer<typeof NodeCapabilitiesSchema>;

/**
 * What a connection can do; the UI shows a feature only when its flag is true. The node flags come from
 * the session; the others are derived from the optional APIs the session offers (capabilitiesOf in the
 * core), so a flag and its implementation are one fact.
 */
export const CapabilitiesSchema = NodeCapabilitiesSchema.extend({
  /**
   * The server keeps earlier versions of values (etcd revisions, Nacos config history). The History pane is
   * there for every store; without this flag it holds what this machine recorded (audit, Watch tab).
   */
  history: z.boolean(),
  /** The server tells which clients listen to a value and which version each holds (Nacos). */
  listeners: z.boolean(),
  /** Datacenters, nodes, leader and raft peers (Consul catalog). */
  catalog: z.boolean(),
  /** Services and their instances with health (Consul catalog, Nacos naming). */
  serviceRegistry: z.boolean(),
  /** Live event streams of a node or a subtree (the Watch tab). */
  eventStreams: z.boolean(),
  /** Members of the cluster with their health (the Servers view, the status bar's summary). */
  servers: z.boolean(),
  /** Who is connected and what the members tell beyond health (ZooKeeper cons, etcd alarms, Consul sessions). */
  diagnostics: z.boolean(),
  /** Which clients watch or listen to a path (ZooKeeper wchp, Nacos listeners). */
  watchers: z.boolean(),
  /** Who owns a node (a ZooKeeper ephemeral's session, a Consul key's lock session). */
  owners: z.boolean(),
  /** etcd leases with their TTL and keys. */
  leaseInventory: z.boolean(),
  /** A node's ACL can be read with its version and replaced by this session (ZooKeeper). */
  aclEditing: z.boolean(),
  /** Users, roles, tokens and policies with what each may read and write, shown read-only (etcd, Consul). */
  principals: z.boolean(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** Nodes that can be nothing but plain persistent nodes, without ACLs: the base drivers spread over. */
export const PLAIN_NODES: NodeCapabilities = {
  ephemeral: false,
  sequential: false,
  container: false,
  ttl: false,
  leases: false,
  acls: false,
};

/** A connection that can do none of the optional things (a snapshot file). */
export const NO_CAPABILITIES: Capabilities = {
  ...PLAIN_NODES,
  history: false,
  listeners: false,
  catalog: false,
  serviceRegistry: false,
  eventStreams: false,
  servers: false,
  diagnostics: false,
  watchers: false,
  owners: false,
  leaseInventory: false,
  aclEditing: false,
  principals: false,
};
