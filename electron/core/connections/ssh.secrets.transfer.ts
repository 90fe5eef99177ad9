import type { ProfileEntryParsed, SshHopEntryParsed } from '../../../shared/model/profiles.js';
import type { SshHopName, SshInputParsed } from '../../../shared/model/ssh.js';
import { openSecret, sealSecret, type KdfParams, type SealingKey } from './sealed-secret.js';
import type { SshSecrets } from './ssh.secrets.js';

type EntrySsh = NonNullable<ProfileEntryParsed['ssh']>;

/** The GCM additional data of one SSH secret: the profile, the hop and the field, so none can be moved unseen. */
const context = (profile: string, hop: SshHopName, field: 'password' | 'passphrase'): string =>
  `${profile}/ssh/${hop}/${field}`;

/** Seals the saved SSH secrets of a profile into its export entry's hops; the number sealed. */
export function sealSshSecrets(
  ssh: EntrySsh,
  secrets: SshSecrets,
  key: SealingKey,
  profile: string,
): { ssh: EntrySsh; sealed: number } {
  let sealed = 0;
  const sealHop = (hop: SshHopEntryParsed, name: SshHopName): SshHopEntryParsed => {
    const { password, passphrase } = secrets[name];
    const out: SshHopEntryParsed = { ...hop };
    if (password !== null) {
      out.sealedPassword = sealSecret(key, password, context(profile, name, 'password'));
      sealed += 1;
    }
    if (passphrase !== null) {
      out.sealedPassphrase = sealSecret(key, passphrase, context(profile, name, 'passphrase'));
      sealed += 1;
    }
    return out;
  };
  const next = ssh.next ? sealHop(ssh.next, 'second') : (ssh.next ?? null);
  return { ssh: { ...sealHop(ssh, 'first'), next }, sealed };
}

/** Whether an entry's hops carry any sealed secret (the import then needs the passphrase). */
export function hasSealedSsh(ssh: ProfileEntryParsed['ssh']): boolean {
  const hops = ssh ? [ssh, ...(ssh.next ? [ssh.next] : [])] : [];
  return hops.some((hop) => hop.sealedPassword !== undefined || hop.sealedPassphrase !== undefined);
}

/**
 * The SSH part of an imported entry as a save takes it: sealed secrets opened (a wrong passphrase or a moved
 * secret fails), clear ones kept as written, no secret where the file has none (the saved one is kept).
 */
export async function openSshSecrets(
  ssh: ProfileEntryParsed['ssh'],
  keyFor: ((kdf: KdfParams) => Promise<Buffer>) | null,
  profile: string,
): Promise<SshInputParsed | null> {
  if (!ssh) return null;
  const openHop = async (hop: SshHopEntryParsed, name: SshHopName) => {
    const { sealedPassword, sealedPassphrase, ...plain } = hop;
    const open = async (sealed: typeof sealedPassword, field: 'password' | 'passphrase') =>
      sealed === undefined || keyFor === null
        ? undefined
        : openSecret(await keyFor(sealed.kdf), sealed, context(profile, name, field));
    const password = (await open(sealedPassword, 'password')) ?? plain.password;
    const passphrase = (await open(sealedPassphrase, 'passphrase')) ?? plain.passphrase;
    return {
      ...plain,
      ...(password !== undefined ? { password } : {}),
      ...(passphrase !== undefined ? { passphrase } : {}),
    };
  };
  return { ...(await openHop(ssh, 'first')), next: ssh.next ? await openHop(ssh.next, 'second') : null };
}
