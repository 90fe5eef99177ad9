import { z } from 'zod';
import { BACKEND_KINDS, type BackendKind } from '../kinds/kinds.js';
import { SshInputSchema, SshProfileSchema } from './ssh.js';

/** The kinds come from their descriptors (shared/kinds); `snapshot` is a snapshot file opened read-only. */
export const BackendKindSchema = z.enum(BACKEND_KINDS);
export type { BackendKind };
export { BACKEND_KINDS };

export const ENVIRONMENTS = ['dev', 'test', 'staging', 'prod'] as const;
export const EnvironmentSchema = z.enum(ENVIRONMENTS);
export type Environment = z.infer<typeof EnvironmentSchema>;

/** host:port, optionally followed by a ZooKeeper chroot on the last one (`h1:2181,h2:2181/app`). */
const EndpointSchema = z.string().trim().min(1, 'an endpoint may not be empty');

/** Endpoints arrive as an array or as one comma-separated string (a ZooKeeper connect string). */
export const EndpointsSchema = z
  .union([z.array(EndpointSchema), z.string()])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(','))
      .map((endpoint) => endpoint.trim())
      .filter((e) => e.length > 0),
  )
  .pipe(z.array(z.string()).min(1, 'at least one endpoint is required'));

export const TlsFilesSchema = z.object({
  caFile: z.string().min(1).optional(),
  certFile: z.string().min(1).optional(),
  keyFile: z.string().min(1).optional(),
  /** Skip server certificate verification: only when the user chose it explicitly; shown as insecure. */
  insecureSkipVerify: z.boolean().optional(),
});
export type TlsFiles = z.infer<typeof TlsFilesSchema>;

/** What the user types: the password travels once, inbound, and is stored as a secret. */
export const AuthInputSchema = z.object({
  /** Empty for stores whose credential is a token alone (Consul's ACL token travels as `password`). */
  username: z.string().default(''),
  /** Omitted on edit means "keep the saved password". */
  password: z.string().optional(),
});
export type AuthInput = z.infer<typeof AuthInputSchema>;

/** A folder name: trimmed, one line; an empty one means "no folder". */
const FolderSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\n\r]*$/, 'a folder name is one line')
  .transform((folder) => (folder.length === 0 ? null : folder));

export const ConnectionInputSchema = z.object({
  id: z.string().min(1).optional(),
  name: z.string().trim().min(1, 'a name is required').max(200),
  kind: BackendKindSchema,
  endpoints: EndpointsSchema,
  environment: EnvironmentSchema.default('dev'),
  readOnly: z.boolean().default(false),
  /** The sidebar folder (group) the profile sits in; none when empty. */
  folder: FolderSchema.nullable().optional(),
  /** ZooKeeper session timeout, also the bound on how long a connect attempt may take. */
  sessionTimeoutMs: z.number().int().min(1000).max(600000).default(15000),
  auth: AuthInputSchema.nullable().optional(),
  tls: TlsFilesSchema.nullable().optional(),
  /** Reach the store through an SSH jump host (and an optional second hop); none when absent. */
  ssh: SshInputSchema.nullable().optional(),
  /** Consul: the datacenter to browse (the agent's own when empty). */
  datacenter: z.string().trim().min(1).nullable().optional(),
  /** Nacos: the server's context path (default `/nacos`). */
  contextPath: z
    .string()
    .trim()
    .regex(/^\/[^\s]*$/, 'a context path starts with /')
    .nullable()
    .optional(),
  /** Nacos: show only this namespace id (all namespaces when empty). */
  namespace: z.string().trim().min(1).nullable().optional(),
  /**
   * ZooKeeper: the AdminServer's base URL (`http://host:8080/commands`); when set, its JSON commands answer
   * the server questions instead of four-letter words.
   */
  adminServerUrl: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s]+$/, 'an AdminServer URL starts with http:// or https://')
    .nullable()
    .optional(),
});
export type ConnectionInput = z.input<typeof ConnectionInputSchema>;
export type ConnectionInputParsed = z.output<typeof ConnectionInputSchema>;

/** A saved profile as the renderer sees it: never the secret, only whether one is stored. */
export const ConnectionProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: BackendKindSchema,
  endpoints: z.array(z.string()),
  environment: EnvironmentSchema,
  readOnly: z.boolean(),
  /** Profiles saved before folders existed have none. */
  folder: z.string().nullable().default(null),
  sessionTimeoutMs: z.number().int(),
  auth: z.object({ username: z.string(), hasPassword: z.boolean() }).nullable(),
  tls: TlsFilesSchema.nullable(),
  /** Profiles saved before jump hosts existed have none. */
  ssh: SshProfileSchema.nullable().default(null),
  datacenter: z.string().nullable().default(null),
  contextPath: z.string().nullable().default(null),
  namespace: z.string().nullable().default(null),
  adminServerUrl: z.string().nullable().default(null),
});
export type ConnectionProfile = z.infer<typeof ConnectionProfileSchema>;

export const CONNECTION_STATES = [
  'connecting',
  'connected',
  'reconnecting',
  'disconnected',
  'expired',
  'closed',
] as const;
export const ConnectionStateSchema = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;
