import { createHash } from 'node:crypto';

/** A host key as the SSH server sent it: the wire blob (`string type, …`), its type and fingerprint. */
export interface PresentedHostKey {
  blob: Buffer;
  /** `ssh-ed25519`, `ecdsa-sha2-nistp256`, `rsa-sha2-512`'s key type `ssh-rsa`… */
  keyType: string;
  /** `SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -l` and OpenSSH print it. */
  fingerprint: string;
}

/** The fingerprint OpenSSH prints for a key blob. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type a blob names in its first string (SSH wire format: uint32 length, bytes). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || 4 + length > blob.length) return 'unknown';
  return blob.subarray(4, 4 + length).toString('latin1');
}

export function presentedHostKey(blob: Buffer): PresentedHostKey {
  return { blob, keyType: keyTypeOf(blob), fingerprint: fingerprintOf(blob) };
}
