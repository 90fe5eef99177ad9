import { z } from 'zod';
import {
  ConnectionInputSchema,
  ConnectionProfileSchema,
  ConnectionStateSchema,
  EnvironmentSchema,
} from '../model/connection.js';
import { CapabilitiesSchema } from '../model/capabilities.js';
import { ChildPageSchema, CreateModeSchema, NodePathSchema, NodeValueSchema } from '../model/node.js';
import { AuditEntrySchema, AuditQuerySchema, AuditVerifyResultSchema } from '../model/audit.js';
import {
  CatalogNodeSchema,
  ClusterOverviewSchema,
  RegistryScopeSchema,
  ServiceInstanceSchema,
  ServiceSummarySchema,
} from '../model/registry.js';
import {
  DiscoverySchema,
  HistoryEntrySchema,
  HistoryVersionSchema,
  ListenerReportSchema,
} from '../model/history.js';
import { compareMethods } from './compare.methods.js';

const ConnectionIdSchema = z.string().min(1);
const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'value must be base64');
const Empty = z.object({}).strict();

export const ConnectionSessionSchema = z.object({
  connectionId: z.string(),
  state: ConnectionStateSchema,
  capabilities: CapabilitiesSchema,
  /** Server version or a short description, when the backend tells. */
  server: z.string().nullable(),
});
export type ConnectionSession = z.infer<typeof ConnectionSessionSchema>;

/**
 * Every call the renderer can make: name → input schema (validated on the main side before the core
 * sees it) and output schema (the type the renderer gets back).
 */
export const methods = {
  'app.info': {
    input: Empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      transport: z.enum(['electron', 'browser']),
      secrets: z.object({ available: z.boolean(), reason: z.string().nullable() }),
    }),
  },
  'connections.list': { input: Empty, output: z.array(ConnectionProfileSchema) },
  'connections.save': { input: ConnectionInputSchema, output: ConnectionProfileSchema },
  'connections.delete': {
    input: z.object({ id: ConnectionIdSchema }),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Tries a profile (saved or not yet saved) without keeping the session. */
  'connections.test': {
    input: z.object({ profile: ConnectionInputSchema }),
    output: z.object({ latencyMs: z.number(), server: z.string().nullable() }),
  },
  /** What a server offers before the profile is saved: Consul datacenters, Nacos namespaces, the API. */
  'connections.discover': { input: z.object({ profile: ConnectionInputSchema }), output: DiscoverySchema },
  'connections.open': { input: z.object({ id: ConnectionIdSchema }), output: ConnectionSessionSchema },
  'connections.close': {
    input: z.object({ id: ConnectionIdSchema }),
    output: z.object({ closed: z.boolean() }),
  },
  'tree.children': {
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
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      /** Values larger than this come back truncated; omit for the default (1 MiB), 0 for everything. */
      maxBytes: z.number().int().min(0).optional(),
    }),
    output: NodeValueSchema,
  },
  'node.set': {
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      valueBase64: Base64Schema,
      /** The token read with the value; null writes unconditionally only where the user forced it. */
      token: z.string().nullable(),
    }),
    output: NodeValueSchema,
  },
  'node.create': {
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      valueBase64: Base64Schema.default(''),
      mode: CreateModeSchema.default({ ephemeral: false, sequential: false, container: false }),
    }),
    output: z.object({ path: z.string() }),
  },
  'node.delete': {
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      recursive: z.boolean().default(false),
      /** Token of the node itself, checked for non-recursive deletes. */
      token: z.string().nullable().optional(),
      /** Required on prod connections: the path typed again by the user. */
      confirmation: z.string().optional(),
    }),
    output: z.object({ deleted: z.number().int() }),
  },
  /** Number of nodes a recursive delete would remove (the node itself included). */
  'node.countSubtree': {
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema }),
    output: z.object({ count: z.number().int() }),
  },
  'watch.subscribe': {
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      children: z.boolean().default(false),
    }),
    output: z.object({ watchId: z.string() }),
  },
  'watch.unsubscribe': {
    input: z.object({ watchId: z.string() }),
    output: z.object({ removed: z.boolean() }),
  },
  /** Consul: datacenters, leader and raft peers (capability `catalog`). */
  'cluster.overview': {
    input: z.object({ connectionId: ConnectionIdSchema, datacenter: z.string().min(1).optional() }),
    output: ClusterOverviewSchema,
  },
  /** Consul: the nodes of a datacenter with their node-level checks (capability `catalog`). */
  'catalog.nodes': {
    input: z.object({ connectionId: ConnectionIdSchema, datacenter: z.string().min(1).optional() }),
    output: z.array(CatalogNodeSchema),
  },
  /** Services of a registry (capability `serviceRegistry`). */
  'services.list': {
    input: z.object({ connectionId: ConnectionIdSchema, scope: RegistryScopeSchema.default({}) }),
    output: z.array(ServiceSummarySchema),
  },
  /** Instances of one service with health, weight, metadata and checks (capability `serviceRegistry`). */
  'services.instances': {
    input: z.object({
      connectionId: ConnectionIdSchema,
      service: z.string().min(1),
      scope: RegistryScopeSchema.default({}),
    }),
    output: z.array(ServiceInstanceSchema),
  },
  /** Earlier versions of a value, newest first (capability `history`). */
  'history.list': {
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema }),
    output: z.array(HistoryEntrySchema),
  },
  'history.get': {
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema, id: z.string().min(1) }),
    output: HistoryVersionSchema,
  },
  /** Publishes an earlier version again: an ordinary, audited save with the token read (capability `history`). */
  'history.rollback': {
    input: z.object({
      connectionId: ConnectionIdSchema,
      path: NodePathSchema,
      id: z.string().min(1),
      token: z.string().nullable(),
    }),
    output: NodeValueSchema,
  },
  /** Which clients listen to a value and which version each holds (capability `listeners`). */
  'listeners.query': {
    input: z.object({ connectionId: ConnectionIdSchema, path: NodePathSchema }),
    output: ListenerReportSchema,
  },
  'audit.list': { input: AuditQuerySchema, output: z.array(AuditEntrySchema) },
  'audit.verify': { input: Empty, output: AuditVerifyResultSchema },
  'prefs.get': {
    input: z.object({ key: z.string().min(1).max(2000) }),
    output: z.object({ value: z.unknown() }),
  },
  'prefs.set': {
    input: z.object({ key: z.string().min(1).max(2000), value: z.unknown() }),
    output: z.object({ saved: z.boolean() }),
  },
  ...compareMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What the caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What the handler receives after validation (defaults filled in). */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(methods, value);
}

export { EnvironmentSchema };
