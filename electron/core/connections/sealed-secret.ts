import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { SECRET_SCHEME, type SealedSecret } from '../../../shared/model/profiles.js';

/** scrypt's cost for new exports: N=2^15, r=8, p=1 (OWASP's minimum is N=2^17 r=8 p=1 for hashes; a file's key
 * is derived once per export and import, so 2^15 keeps a CLI import under a second on a small machine). */
export const DEFAULT_KDF = { n: 32_768, r: 8, p: 1 } as const;

export type KdfParams = SealedSecret['kdf'];

/** A key derived from a passphrase with its parameters, ready to seal or open many secrets. */
export interface SealingKey {
  readonly kdf: KdfParams;
  readonly key: Buffer;
}

const WRONG = 'The passphrase is wrong or the file was changed since it was exported.';

function deriveKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: kdf.n,
    r: kdf.r,
    p: kdf.p,
    // scrypt needs 128·N·r bytes; Node's 32 MiB default is too small for N=2^15 r=8 with its own overhead.
    maxmem: 256 * kdf.n * kdf.r + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, options, (error, key) =>
      error
        ? reject(new AppError('INVALID_INPUT', `The key could not be derived: ${error.message}`))
        : resolve(key),
    ),
  );
}

/** A fresh key for an export: a random 16-byte salt and the default cost. */
export async function newSealingKey(passphrase: string): Promise<SealingKey> {
  const kdf = { ...DEFAULT_KDF, salt: randomBytes(16).toString('base64') };
  return { kdf, key: await deriveKey(passphrase, kdf) };
}

/** The key a sealed secret was made with (cached by parameters: one derivation per file, not per secret). */
export function keyOpener(passphrase: string): (kdf: KdfParams) => Promise<Buffer> {
  const keys = new Map<string, Promise<Buffer>>();
  return (kdf) => {
    const id = `${kdf.n}:${kdf.r}:${kdf.p}:${kdf.salt}`;
    let key = keys.get(id);
    if (key === undefined) {
      key = deriveKey(passphrase, kdf);
      keys.set(id, key);
    }
    return key;
  };
}

/** Seals `secret` with a new random IV; `context` (the profile name) is bound as additional data. */
export function sealSecret(key: SealingKey, secret: string, context: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return {
    scheme: SECRET_SCHEME,
    kdf: key.kdf,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Opens a sealed secret; a wrong passphrase or any changed byte is AUTH_FAILED with one sentence. */
export function openSecret(key: Buffer, sealed: SealedSecret, context: string): string {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== 12 || tag.length !== 16) throw new AppError('AUTH_FAILED', WRONG);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    throw new AppError('AUTH_FAILED', WRONG);
  }
}
