import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { SealedSecretSchema, type SealedSecret } from '../../../shared/model/profiles.js';
import {
  DEFAULT_KDF,
  keyOpener,
  newSealingKey,
  openSecret,
  sealSecret,
} from '../../../electron/core/connections/sealed-secret.js';

const PASSPHRASE = 'correct horse battery staple';

async function opened(sealed: SealedSecret, passphrase: string, context: string): Promise<string> {
  return openSecret(await keyOpener(passphrase)(sealed.kdf), sealed, context);
}

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a failure');
}

/** Flips one bit of a base64 field. */
function flipped(base64: string, byte = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte] = (bytes[byte] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

// The sealed-secret format of a profile export: scrypt (N=2^15, r=8, p=1, 16-byte random salt) → AES-256-GCM.
describe('a secret sealed by a passphrase', () => {
  it('opens with the same passphrase, states its scheme and parameters, and never holds the plaintext', async () => {
    const key = await newSealingKey(PASSPHRASE);
    const sealed = sealSecret(key, 's3cret-ü', 'etcd prod');
    expect(SealedSecretSchema.parse(sealed)).toEqual(sealed);
    expect(sealed).toMatchObject({ scheme: 'scrypt-aes-256-gcm', kdf: DEFAULT_KDF });
    expect(Buffer.from(sealed.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
    expect(JSON.stringify(sealed)).not.toContain('s3cret');
    expect(await opened(sealed, PASSPHRASE, 'etcd prod')).toBe('s3cret-ü');
  });

  it('uses a new IV for every secret and a new salt for every export', async () => {
    const key = await newSealingKey(PASSPHRASE);
    const [a, b] = [sealSecret(key, 'same', 'p'), sealSecret(key, 'same', 'p')];
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect((await newSealingKey(PASSPHRASE)).kdf.salt).not.toBe(key.kdf.salt);
  });

  it('refuses a wrong passphrase with one sentence', async () => {
    const sealed = sealSecret(await newSealingKey(PASSPHRASE), 'pw', 'p');
    const key = await keyOpener('not the passphrase')(sealed.kdf);
    const error = failure(() => openSecret(key, sealed, 'p'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toBe('The passphrase is wrong or the file was changed since it was exported.');
  });

  it('detects a changed ciphertext, tag, IV or profile name (GCM authentication)', async () => {
    const sealed = sealSecret(await newSealingKey(PASSPHRASE), 'a longer password', 'zk prod');
    const key = await keyOpener(PASSPHRASE)(sealed.kdf);
    const tampered: SealedSecret[] = [
      { ...sealed, ciphertext: flipped(sealed.ciphertext, 3) },
      { ...sealed, tag: flipped(sealed.tag) },
      { ...sealed, iv: flipped(sealed.iv) },
    ];
    for (const changed of tampered)
      expect(failure(() => openSecret(key, changed, 'zk prod')).code).toBe('AUTH_FAILED');
    // The name is the additional data: a secret moved to another profile's entry does not open.
    expect(failure(() => openSecret(key, sealed, 'zk dev')).code).toBe('AUTH_FAILED');
    expect(openSecret(key, sealed, 'zk prod')).toBe('a longer password');
  });

  it('derives the key once per set of parameters however many secrets a file holds', async () => {
    const open = keyOpener(PASSPHRASE);
    const kdf = (await newSealingKey(PASSPHRASE)).kdf;
    expect(open(kdf)).toBe(open({ ...kdf }));
  });

  it('refuses parameters outside the bounds a file may ask for (a file cannot make scrypt eat the machine)', () => {
    const sealed = {
      scheme: 'scrypt-aes-256-gcm',
      kdf: { n: 2 ** 24, r: 8, p: 1, salt: 'AA==' },
      iv: '',
      tag: '',
      ciphertext: '',
    };
    expect(SealedSecretSchema.safeParse(sealed).success).toBe(false);
  });
});
