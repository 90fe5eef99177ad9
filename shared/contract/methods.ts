import { z } from 'zod';
import {
  ConnectionInputSchema,
  ConnectionProfileSchema,
  ConnectionStateSchema,
  EnvironmentSchema,
} from '../model/connection.js';
import { CapabilitiesSchema } from '../model/capabilities.js';
import { ChildPageSchema, CreateModeSchema, NodePathSchema, NodeValueSchema } from '../model/node.js';
import {
  CatalogNodeSchema,
  ClusterOverviewSchema,
  RegistryScopeSchema,
  ServiceInstanceSchema,
  ServiceSummarySchema,
} from '../model/registry.js';
import {
  DiscoverySchema,
  HistoryReportSchema,
  HistoryVersionSchema,
  ListenerReportSchema,
} from '../model/history.js';
import { auditMethods } from './audit.methods.js';
import { searchMethods } from './search.methods.js';
import { aclMethods } from './acl.methods.js';
import { profilesMethods } from './profiles.methods.js';
import { examplesMethods } from './examples.methods.js';
import { compareMethods } from './compare.methods.js';
import { copyMethods } from './copy.methods.js';
import { watchMethods } from './watch.methods.js';
import { principalsMethods } from './principals.methods.js';
import { ServerFeatureSchema } from '../model/server-features.js';
import { HostKeyFingerprintSchema, SshHopNameSchema, TunnelInfoSchema } from '../model/ssh.js';
import { LOCAL, READS, writeInput, writes, type MethodAccess } from './access.js';

const ConnectionIdSchema = z.string().min(1);
const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'value must be base64');
const Empty = z.object({}).strict();

export const ConnectionSessionSchema = z.object({
  connectionId: z.string(),
  state: ConnectionStateSchema,
  capabilities: CapabilitiesSchema,
  /** Server version or a short description, when the backend tells. */
  server: z.string().nullable(),
  /** Optional features the server offers, as detected on connect (empty when the driver tells none). */
  features: z.array(ServerFeatureSchema).default([]),
  /**
   * What the session's current state says beyond its name (a read-only server), when the driver tells: the
   * renderer starts from it, since the `connection.state` events of the connect itself come before it knows
   * the session.
   */
  stateMessage: z.string().nullable().default(null),
  /** The SSH tunnel the session goes through, when its profile has a jump host. */
  tunnel: TunnelInfoSchema.nullable().default(null),
});
export type ConnectionSession = z.infer<typeof ConnectionSessionSchema>;

/** One call of the contract: how it touches the world, what it takes, what it gives back. */
export interface MethodSpec {
  access: MethodAccess;
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * Every call the renderer can make: name → access (what the write gate checks), input schema (validated
 * by the core's dispatcher before any handler sees it) and output schema (the type the renderer gets back).
 */
export const methods = {
  'app.info': {
    access: READS,
    input: Empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      transport: z.enum(['electron', 'browser']),
      secrets: z.object({ available: z.boolean(), reason: z.string().nullable() }),
    }),
  },
  'connections.list': { access: READS, input: Empty, output: z.array(ConnectionProfileSchema) },
  'connections.save': { access: LOCAL, input: ConnectionInputSchema, output: ConnectionProfileSchema },
  'connections.delete': {
    access: LOCAL,
    input: z.object({ id: ConnectionIdSchema }),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Tries a profile (saved or not yet saved) without keeping the session. */
  'connections.test': {
    access: READS,
    input: z.object({ profile: ConnectionInputSchema }),
    output: z.object({ latencyMs: z.number(), server: z.string().nullable() }),
  },
  /** What a server offers before the profile is saved: Consul datacenters, Nacos namespaces, the API. */
  'connections.discover': {
    access: READS,
    input: z.object({ profile: ConnectionInputSchema }),
    output: DiscoverySchema,
  },
  /**
   * Trusts the host key a HOST_KEY_UNKNOWN refusal showed, for one hop of a saved profile: stored with the
   * profile, so the next connect goes through (a changed key is refused again).
   */
  'connections.trustHostKey': {
    access: LOCAL,
    input: z.object({
      id: ConnectionIdSchema,
      hop: SshHopNameSchema,
      fingerprint: HostKeyFingerprintSchema,
    }),
    output: ConnectionProfileSchema,
  },
  'connections.open': {
    access: READS,
    input: z.object({ id: ConnectionIdSchema }),
    output: ConnectionSessionSchema,
  },
  'connections.close': {
    access: LOCAL,
    input: z.object({ id: ConnectionIdSchema }),
    output: z.object({ closed: z.boolean() }),
  },
  'tree.children': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      cursor: z.string().nullable().optional(),
      limit: z.number().int().min(1).max(5000).default(500),
      /** Case-insensitive substring on child names. */
      filter: z.string().optional(),
    }),
    output: ChildPageSchema,
  },
  'node.get': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      /** Values larger than this come back truncated; omit for the default (1 MiB), 0 for everything. */
      maxBytes: z.number().int().min(0).optional(),
    }),
    output: NodeValueSchema,
  },
  'node.set': {
    access: writes('path', 'set'),
    input: writeInput({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      valueBase64: Base64Schema,
      /** The token read with the value; null writes unconditionally only where the user forced it. */
      token: z.string().nullable(),
    }),
    output: NodeValueSchema,
  },
  'node.create': {
    access: writes('path', 'create'),
    input: writeInput({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      valueBase64: Base64Schema.default(''),
      mode: CreateModeSchema.default({ ephemeral: false, sequential: false, container: false }),
    }),
    output: z.object({ path: z.string() }),
  },
  'node.delete': {
    access: writes('path', 'delete'),
    input: writeInput({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      recursive: z.boolean().default(false),
      /** Token of the node itself, checked for non-recursive deletes. */
      token: z.string().nullable().optional(),
    }),
    output: z.object({ deleted: z.number().int() }),
  },
  /** Number of nodes a recursive delete would remove (the node itself included). */
  'node.countSubtree': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema }),
    output: z.object({ count: z.number().int() }),
  },
  'watch.subscribe': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      children: z.boolean().default(false),
    }),
    output: z.object({ watchId: z.string() }),
  },
  'watch.unsubscribe': {
    access: READS,
    input: z.object({ watchId: z.string() }),
    output: z.object({ removed: z.boolean() }),
  },
  /** Consul: datacenters, leader and raft peers (capability `catalog`). */
  'cluster.overview': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema, datacenter: z.string().min(1).optional() }),
    output: ClusterOverviewSchema,
  },
  /** Consul: the nodes of a datacenter with their node-level checks (capability `catalog`). */
  'catalog.nodes': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema, datacenter: z.string().min(1).optional() }),
    output: z.array(CatalogNodeSchema),
  },
  /** Services of a registry (capability `serviceRegistry`). */
  'services.list': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema, scope: RegistryScopeSchema.default({}) }),
    output: z.array(ServiceSummarySchema),
  },
  /** Instances of one service with health, weight, metadata and checks (capability `serviceRegistry`). */
  'services.instances': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      service: z.string().min(1),
      scope: RegistryScopeSchema.default({}),
    }),
    output: z.array(ServiceInstanceSchema),
  },
  /**
   * Earlier versions of a node, newest first, for every store: the server's own (etcd revisions, Nacos
   * history) with this machine's audit entries and what Watch tab streams recorded.
   */
  'history.list': {
    access: READS,
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: HistoryReportSchema,
  },
  /** One version with its value (an id from `history.list`). */
  'history.get': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema, id: z.string().min(1) }),
    output: HistoryVersionSchema,
  },
  /**
   * Writes a version's value again: an ordinary, audited save with the token read (CONFLICT when the node
   * moved since); a node deleted since is created again (token null).
   */
  'history.restore': {
    access: writes('path', 'set'),
    input: writeInput({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      id: z.string().min(1),
      token: z.string().nullable(),
    }),
    output: NodeValueSchema,
  },
  /** Which clients listen to a value and which version each holds (capability `listeners`). */
  'listeners.query': {
    access: READS,
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema }),
    output: ListenerReportSchema,
  },
  'prefs.get': {
    access: READS,
    input: z.object({ key: z.string().min(1).max(2000) }),
    output: z.object({ value: z.unknown() }),
  },
  'prefs.set': {
    access: LOCAL,
    input: z.object({ key: z.string().min(1).max(2000), value: z.unknown() }),
    output: z.object({ saved: z.boolean() }),
  },
  ...compareMethods,
  ...watchMethods,
  ...auditMethods,
  ...searchMethods,
  ...aclMethods,
  ...copyMethods,
  ...profilesMethods,
  ...examplesMethods,
  ...principalsMethods,
} as const satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What the caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What the handler receives after validation (defaults filled in). */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];

/** The methods that change a store, each admitted by the write gate. */
export type WriteMethodName = {
  [M in MethodName]: Methods[M]['access'] extends { kind: 'write' } ? M : never;
}[MethodName];

/** Whether a method changes a store (and so passes the write gate). */
export function isWriteMethod(method: MethodName): method is WriteMethodName {
  return methods[method].access.kind === 'write';
}

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(methods, value);
}

export { EnvironmentSchema };
