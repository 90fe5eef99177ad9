import { z } from 'zod';

/** A host key fingerprint as OpenSSH prints it: `SHA256:` and the unpadded base64 of the key's SHA-256. */
export const HostKeyFingerprintSchema = z
  .string()
  .trim()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'a host key fingerprint looks like SHA256: and 43 base64 characters');

/**
 * One SSH hop as typed or as it sits in a `--connections` file. The password and the key's passphrase travel
 * once, inbound, and are stored as secrets: omitted on edit keeps the saved one, an empty string removes it.
 * With none of key, agent and password, the agent is tried when `SSH_AUTH_SOCK` is set.
 */
export const SshHopInputSchema = z.object({
  host: z.string().trim().min(1, 'a jump host is required'),
  port: z.number().int().min(1).max(65535).default(22),
  username: z.string().trim().min(1, 'a jump host user is required'),
  /** An OpenSSH or PEM private key file on this machine. */
  privateKeyFile: z.string().trim().min(1).optional(),
  passphrase: z.string().optional(),
  password: z.string().optional(),
  /** Authenticate through the SSH agent at `SSH_AUTH_SOCK`. */
  agent: z.boolean().optional(),
  /** The trusted host key; without it, `~/.ssh/known_hosts` decides or the first connection asks. */
  hostKeySha256: HostKeyFingerprintSchema.optional(),
});
export type SshHopInput = z.input<typeof SshHopInputSchema>;

/** The jump host, with an optional second hop reached through it (the stores are reached from the last hop). */
export const SshInputSchema = SshHopInputSchema.extend({
  next: SshHopInputSchema.nullable().optional(),
});
export type SshInput = z.input<typeof SshInputSchema>;
export type SshInputParsed = z.output<typeof SshInputSchema>;

/** A hop as the renderer sees it in a saved profile: never a secret, only whether one is stored. */
export const SshHopSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  username: z.string(),
  privateKeyFile: z.string().nullable(),
  agent: z.boolean(),
  hasPassword: z.boolean(),
  hasPassphrase: z.boolean(),
  hostKeySha256: z.string().nullable(),
});
export type SshHop = z.infer<typeof SshHopSchema>;

export const SshProfileSchema = SshHopSchema.extend({ next: SshHopSchema.nullable() });
export type SshProfile = z.infer<typeof SshProfileSchema>;

/** Which hop a host key belongs to: the jump host (`first`) or the second hop behind it. */
export const SSH_HOPS = ['first', 'second'] as const;
export const SshHopNameSchema = z.enum(SSH_HOPS);
export type SshHopName = z.infer<typeof SshHopNameSchema>;

/**
 * What a connect refused over a host key, attached to HOST_KEY_UNKNOWN (nothing trusted yet: ask) and
 * HOST_KEY_CHANGED (the key differs from the trusted one or from known_hosts: never accepted silently).
 */
export const HostKeyDetailsSchema = z.object({
  hop: SshHopNameSchema,
  host: z.string(),
  port: z.number().int(),
  /** The key the server presented, `SHA256:…`. */
  fingerprint: z.string(),
  /** `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`… */
  keyType: z.string(),
  /** The fingerprint trusted before (HOST_KEY_CHANGED only). */
  expected: z.string().nullable(),
});
export type HostKeyDetails = z.infer<typeof HostKeyDetailsSchema>;

export const TUNNEL_STATES = ['connecting', 'open', 'reconnecting', 'failed', 'closed'] as const;
export const TunnelStateSchema = z.enum(TUNNEL_STATES);
export type TunnelState = z.infer<typeof TunnelStateSchema>;

/** The tunnel of a session, for the status bar: where it goes through and how it is. */
export const TunnelInfoSchema = z.object({
  /** `ops@bastion:22` or `ops@bastion:22 → app@inner:22`. */
  via: z.string(),
  state: TunnelStateSchema,
  /** Why it is reconnecting or failed, one sentence. */
  message: z.string().nullable(),
  /** Local forwarded ports, one per store endpoint. */
  forwards: z.number().int(),
  /** Times the SSH connection was re-established since the session opened. */
  reconnects: z.number().int(),
});
export type TunnelInfo = z.infer<typeof TunnelInfoSchema>;
