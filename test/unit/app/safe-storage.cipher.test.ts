import { describe, expect, it, vi } from 'vitest';
import { createSafeStorageCipher } from '../../../electron/app/safe-storage.cipher.js';
import { AppError } from '../../../shared/errors.js';

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** A reversible stand-in for safeStorage (not real encryption: it only has to be reversible and recorded). */
function fakeSafeStorage(options: { available: boolean; backend: Backend }) {
  return {
    isEncryptionAvailable: vi.fn(() => options.available),
    getSelectedStorageBackend: vi.fn((): Backend => options.backend),
    encryptString: vi.fn((plain: string) => Buffer.from(plain, 'utf8').reverse()),
    decryptString: vi.fn((buffer: Buffer) => {
      if (buffer.length === 0)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(buffer).reverse().toString('utf8');
    }),
  };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe('createSafeStorageCipher', () => {
  it('round-trips a secret through encryptString/decryptString when a keyring is available', async () => {
    const storage = fakeSafeStorage({ available: true, backend: 'gnome_libsecret' });
    const cipher = createSafeStorageCipher(storage, 'linux');
    expect(cipher.availability()).toEqual({ available: true, reason: null });
    const encrypted = await cipher.encrypt('s3cr3t-pässword');
    expect(encrypted.toString('utf8')).not.toContain('s3cr3t');
    expect(await cipher.decrypt(encrypted)).toBe('s3cr3t-pässword');
    expect(storage.encryptString).toHaveBeenCalledWith('s3cr3t-pässword');
  });

  it('refuses with a one-sentence reason when encryption is unavailable', async () => {
    const storage = fakeSafeStorage({ available: false, backend: 'unknown' });
    const cipher = createSafeStorageCipher(storage, 'darwin');
    const { available, reason } = cipher.availability();
    expect(available).toBe(false);
    expect(reason).toMatch(/^[A-Z][^.]*\.$/);
    await expectCode(cipher.encrypt('x'), 'ENCRYPTION_UNAVAILABLE');
    await expectCode(cipher.decrypt(Buffer.from('x')), 'ENCRYPTION_UNAVAILABLE');
    expect(storage.encryptString).not.toHaveBeenCalled();
  });

  it('refuses the Linux basic_text backend, which only obfuscates', async () => {
    const storage = fakeSafeStorage({ available: true, backend: 'basic_text' });
    const cipher = createSafeStorageCipher(storage, 'linux');
    const { available, reason } = cipher.availability();
    expect(available).toBe(false);
    expect(reason).toMatch(/keyring/i);
    expect(reason).toMatch(/obfuscat/i);
    await expectCode(cipher.encrypt('x'), 'ENCRYPTION_UNAVAILABLE');
    expect(storage.encryptString).not.toHaveBeenCalled();
  });

  it('does not ask for the Linux backend on other platforms', () => {
    const storage = fakeSafeStorage({ available: true, backend: 'basic_text' });
    expect(createSafeStorageCipher(storage, 'win32').availability().available).toBe(true);
    expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('follows availability as it changes (e.g. a keyring unlocked after start)', () => {
    const options = { available: false, backend: 'kwallet6' as Backend };
    const cipher = createSafeStorageCipher(fakeSafeStorage(options), 'linux');
    expect(cipher.availability().available).toBe(false);
    options.available = true;
    expect(cipher.availability().available).toBe(true);
  });

  it('reports a secret it cannot decrypt as a typed error', async () => {
    const cipher = createSafeStorageCipher(
      fakeSafeStorage({ available: true, backend: 'kwallet5' }),
      'linux',
    );
    await expectCode(cipher.decrypt(Buffer.alloc(0)), 'ENCRYPTION_UNAVAILABLE');
  });
});
