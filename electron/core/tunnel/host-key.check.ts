import { AppError } from '../../../shared/errors.js';
import type { SshHopName } from '../../../shared/model/ssh.js';
import type { PresentedHostKey } from './host-key.js';
import type { KnownHostKey } from './known-hosts.js';

/** What is known about a hop's host key before connecting: the profile's trust and known_hosts' keys. */
export interface HostKeyTrust {
  hop: SshHopName;
  host: string;
  port: number;
  /** The fingerprint the profile trusts, or null when it trusts none yet. */
  trusted: string | null;
  known: readonly KnownHostKey[];
}

const hopWords = (hop: SshHopName): string => (hop === 'first' ? 'jump host' : 'second SSH hop');

/**
 * Null when the presented key is trusted, else the refusal: HOST_KEY_CHANGED when it differs from the
 * profile's trusted key, from a known_hosts key of its type, or is revoked there; HOST_KEY_UNKNOWN when
 * nothing speaks for or against it (the user decides). The profile's trust comes first: it was chosen.
 */
export function hostKeyRefusal(trust: HostKeyTrust, key: PresentedHostKey): AppError | null {
  const where = `${hopWords(trust.hop)} ${trust.host}:${trust.port}`;
  const details = (expected: string | null) => ({
    hop: trust.hop,
    host: trust.host,
    port: trust.port,
    fingerprint: key.fingerprint,
    keyType: key.keyType,
    expected,
  });
  const changed = (expected: string | null, why: string): AppError =>
    new AppError(
      'HOST_KEY_CHANGED',
      `The ${where} presented the ${key.keyType} key ${key.fingerprint}, ${why}; the connection was refused.`,
      undefined,
      details(expected),
    );
  if (trust.known.some((k) => k.revoked && k.blob.equals(key.blob))) {
    return changed(null, 'which known_hosts marks as revoked');
  }
  if (trust.trusted !== null) {
    return trust.trusted === key.fingerprint
      ? null
      : changed(trust.trusted, `but the connection trusts ${trust.trusted}`);
  }
  const sameType = trust.known.filter((k) => !k.revoked && k.keyType === key.keyType);
  if (sameType.some((k) => k.blob.equals(key.blob))) return null;
  if (sameType.length > 0) return changed(null, 'but ~/.ssh/known_hosts holds another key of that type');
  return new AppError(
    'HOST_KEY_UNKNOWN',
    `The ${where} is not trusted yet: its ${key.keyType} key fingerprint is ${key.fingerprint}.`,
    undefined,
    details(null),
  );
}
