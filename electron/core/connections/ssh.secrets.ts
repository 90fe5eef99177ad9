import type { SshHopInput, SshHopName, SshInputParsed, SshProfile } from '../../../shared/model/ssh.js';
import type { SecretStore } from '../secrets/secret.store.js';

/** The secrets of one SSH hop, resolved for a connect; never leave the core. */
export interface SshHopSecrets {
  password: string | null;
  passphrase: string | null;
}
export type SshSecrets = Record<SshHopName, SshHopSecrets>;

type SecretName = keyof SshHopSecrets;
const SECRET_NAMES: readonly SecretName[] = ['password', 'passphrase'];
const HOPS: readonly SshHopName[] = ['first', 'second'];

const secretKey = (id: string, hop: SshHopName, name: SecretName): string =>
  `connection:${id}:ssh:${hop}:${name}`;

const hopInput = (ssh: SshInputParsed | null | undefined, hop: SshHopName): SshHopInput | null =>
  !ssh ? null : hop === 'first' ? ssh : (ssh.next ?? null);

const hasSaved = (saved: SshProfile | null, hop: SshHopName, name: SecretName): boolean => {
  const savedHop = !saved ? null : hop === 'first' ? saved : saved.next;
  if (!savedHop) return false;
  return name === 'password' ? savedHop.hasPassword : savedHop.hasPassphrase;
};

/** Which secrets a profile keeps after a save, per hop: what the stored profile says it has. */
export type SshSecretPresence = Record<SshHopName, Record<SecretName, boolean>>;

export const NO_SSH_SECRETS: SshSecretPresence = {
  first: { password: false, passphrase: false },
  second: { password: false, passphrase: false },
};

/**
 * Stores the typed SSH secrets of a profile and drops the ones no longer wanted: a typed value is saved,
 * an omitted one keeps the saved secret while its hop exists, an empty one (or a removed hop) deletes it.
 */
export async function saveSshSecrets(
  secrets: SecretStore,
  id: string,
  ssh: SshInputParsed | null | undefined,
  saved: SshProfile | null,
): Promise<SshSecretPresence> {
  const presence: SshSecretPresence = {
    first: { password: false, passphrase: false },
    second: { password: false, passphrase: false },
  };
  for (const hop of HOPS) {
    const input = hopInput(ssh, hop);
    for (const name of SECRET_NAMES) {
      const typed = input?.[name];
      if (input && typed !== undefined && typed.length > 0) {
        await secrets.save(secretKey(id, hop, name), typed);
        presence[hop][name] = true;
      } else if (input && typed === undefined && hasSaved(saved, hop, name)) {
        presence[hop][name] = true;
      } else {
        await secrets.delete(secretKey(id, hop, name));
      }
    }
  }
  return presence;
}

/** Forgets every SSH secret of a profile (it is deleted). */
export async function deleteSshSecrets(secrets: SecretStore, id: string): Promise<void> {
  for (const hop of HOPS) for (const name of SECRET_NAMES) await secrets.delete(secretKey(id, hop, name));
}

/** The saved SSH secrets of a profile, with the ones typed in `typed` (a form being tested) taking precedence. */
export async function readSshSecrets(
  secrets: SecretStore,
  id: string | null,
  saved: SshProfile | null,
  typed?: SshInputParsed | null,
): Promise<SshSecrets> {
  const read = async (hop: SshHopName, name: SecretName): Promise<string | null> => {
    const value = hopInput(typed, hop)?.[name];
    if (value !== undefined) return value.length > 0 ? value : null;
    return id && hasSaved(saved, hop, name) ? secrets.get(secretKey(id, hop, name)) : null;
  };
  const hopSecrets = async (hop: SshHopName): Promise<SshHopSecrets> => ({
    password: await read(hop, 'password'),
    passphrase: await read(hop, 'passphrase'),
  });
  return { first: await hopSecrets('first'), second: await hopSecrets('second') };
}

/** The stored (secret-free) SSH part of a profile from its input and the secrets kept. */
export function sshProfileFromInput(
  ssh: SshInputParsed | null | undefined,
  presence: SshSecretPresence,
): SshProfile | null {
  if (!ssh) return null;
  const hop = (input: SshHopInput, name: SshHopName) => ({
    host: input.host,
    port: input.port ?? 22,
    username: input.username,
    privateKeyFile: input.privateKeyFile ?? null,
    agent: input.agent ?? false,
    hasPassword: presence[name].password,
    hasPassphrase: presence[name].passphrase,
    hostKeySha256: input.hostKeySha256 ?? null,
  });
  return { ...hop(ssh, 'first'), next: ssh.next ? hop(ssh.next, 'second') : null };
}
