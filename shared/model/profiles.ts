import { z } from 'zod';
import { AuthInputSchema, ConnectionInputSchema } from './connection.js';
import { SshHopInputSchema } from './ssh.js';

const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** The scheme of an exported secret: the key from scrypt over the passphrase, the secret sealed with AES-256-GCM. */
export const SECRET_SCHEME = 'scrypt-aes-256-gcm' as const;

/**
 * A secret sealed by a passphrase. scrypt's parameters travel with it so a file stays readable if the defaults
 * change; the profile's name is the GCM additional data, so a secret cannot be moved to another entry unseen.
 */
export const SealedSecretSchema = z.object({
  scheme: z.literal(SECRET_SCHEME),
  /** scrypt cost parameters and salt (16 random bytes, shared by the secrets of one export). */
  kdf: z.object({
    n: z.number().int().min(1024).max(1_048_576),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: Base64Schema,
  }),
  /** 12 random bytes, new for every secret. */
  iv: Base64Schema,
  /** GCM's 16-byte authentication tag. */
  tag: Base64Schema,
  ciphertext: Base64Schema,
});
export type SealedSecret = z.infer<typeof SealedSecretSchema>;

/**
 * An SSH hop in an export file: the secrets sealed by the passphrase, or absent (a hand-written
 * `--connections` file may give them in clear, as it may the store password).
 */
const SshHopEntrySchema = SshHopInputSchema.extend({
  sealedPassword: SealedSecretSchema.optional(),
  sealedPassphrase: SealedSecretSchema.optional(),
});
export type SshHopEntryParsed = z.output<typeof SshHopEntrySchema>;

/**
 * One profile in an export file: the `--connections` file's entry (ConnectionInput without id or password),
 * with the password sealed by the passphrase when the export was given one.
 */
export const ProfileEntrySchema = ConnectionInputSchema.omit({ id: true }).extend({
  auth: AuthInputSchema.omit({ password: true })
    .extend({ sealedPassword: SealedSecretSchema.optional() })
    .nullable()
    .optional(),
  ssh: SshHopEntrySchema.extend({ next: SshHopEntrySchema.nullable().optional() }).nullable().optional(),
});
export type ProfileEntry = z.input<typeof ProfileEntrySchema>;
export type ProfileEntryParsed = z.output<typeof ProfileEntrySchema>;

export const ProfilesExportInputSchema = z.object({
  /** The profiles to export (all when omitted). */
  ids: z.array(z.string().min(1)).optional(),
  /** Seals the saved passwords with it; without it the file holds no secret. */
  passphrase: z.string().min(8, 'a passphrase has at least 8 characters').max(1024).optional(),
});

export const ProfilesExportSchema = z.object({
  /** The file's text: a JSON array of entries, the `--connections` format. */
  text: z.string(),
  profiles: z.number().int(),
  /** How many passwords it carries (sealed); 0 without a passphrase. */
  secrets: z.number().int(),
});
export type ProfilesExport = z.infer<typeof ProfilesExportSchema>;

export const ProfilesImportInputSchema = z.object({
  text: z.string().max(20_000_000),
  /** Opens the sealed passwords; required when the file holds any. */
  passphrase: z.string().min(1).max(1024).optional(),
});

/** What an import adds, updates or leaves as it is, by profile name (matched by name against saved ones). */
export const ProfilesImportPlanSchema = z.object({
  added: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  /** How many of the entries carry a (sealed) password. */
  secrets: z.number().int(),
});
export type ProfilesImportPlan = z.infer<typeof ProfilesImportPlanSchema>;
