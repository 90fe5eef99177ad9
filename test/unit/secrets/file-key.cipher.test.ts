import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { createFileKeyCipher } from '../../../electron/core/secrets/file-key.cipher.js';

describe('createFileKeyCipher', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-cipher-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a secret and creates a 32-byte key (0600) in a new 0700 directory on first use', async () => {
    const keyPath = join(dir, 'keys', 'secret.key');
    const cipher = createFileKeyCipher(keyPath);
    expect(cipher.availability()).toEqual({ available: true, reason: null });
    const secret = 'pässwörd 🔑 with "quotes"';
    const sealed = await cipher.encrypt(secret);
    expect(await cipher.decrypt(sealed)).toBe(secret);
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'keys'))).mode & 0o777).toBe(0o700);
    expect((await readFile(keyPath)).length).toBe(32);
  });

  it('writes version byte, 12-byte IV, 16-byte tag, then the ciphertext; a fresh IV each time', async () => {
    const cipher = createFileKeyCipher(join(dir, 'secret.key'));
    const a = await cipher.encrypt('hunter2');
    const b = await cipher.encrypt('hunter2');
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 16 + Buffer.byteLength('hunter2'));
    expect(a.includes(Buffer.from('hunter2'))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('keeps using the same key across instances', async () => {
    const keyPath = join(dir, 'secret.key');
    const sealed = await createFileKeyCipher(keyPath).encrypt('s3cret');
    expect(await createFileKeyCipher(keyPath).decrypt(sealed)).toBe('s3cret');
  });

  it('agrees on one key when two instances create it at the same time', async () => {
    const keyPath = join(dir, 'secret.key');
    const [a, b] = [createFileKeyCipher(keyPath), createFileKeyCipher(keyPath)];
    const [sealedA, sealedB] = await Promise.all([a.encrypt('one'), b.encrypt('two')]);
    expect(await b.decrypt(sealedA)).toBe('one');
    expect(await a.decrypt(sealedB)).toBe('two');
  });

  it('fails to decrypt with another key, with a clear INTERNAL error', async () => {
    const sealed = await createFileKeyCipher(join(dir, 'a.key')).encrypt('s3cret');
    const other = createFileKeyCipher(join(dir, 'b.key'));
    await other.encrypt('makes the other key');
    const error = await other.decrypt(sealed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('could not be decrypted'),
    });
  });

  it('fails to decrypt altered data', async () => {
    const cipher = createFileKeyCipher(join(dir, 'secret.key'));
    const sealed = await cipher.encrypt('s3cret');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 0xff;
    await expect(cipher.decrypt(sealed)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('refuses data of another format and a missing key, without creating a key', async () => {
    const keyPath = join(dir, 'secret.key');
    const cipher = createFileKeyCipher(keyPath);
    await expect(cipher.decrypt(Buffer.from('v10garbage-from-safeStorage-------'))).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('format'),
    });
    const sealed = Buffer.concat([Buffer.from([1]), Buffer.alloc(40)]);
    await expect(cipher.decrypt(sealed)).rejects.toMatchObject({
      message: expect.stringContaining('missing'),
    });
    await expect(stat(keyPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a key file readable by group or others', async () => {
    const keyPath = join(dir, 'secret.key');
    const cipher = createFileKeyCipher(keyPath);
    const sealed = await cipher.encrypt('s3cret');
    await chmod(keyPath, 0o644);
    const { available, reason } = cipher.availability();
    expect(available).toBe(false);
    expect(reason).toMatch(/readable by other users.*chmod 600/);
    await expect(cipher.encrypt('x')).rejects.toMatchObject({ code: 'ENCRYPTION_UNAVAILABLE' });
    await expect(cipher.decrypt(sealed)).rejects.toMatchObject({ code: 'ENCRYPTION_UNAVAILABLE' });
    await chmod(keyPath, 0o640);
    expect(cipher.availability().available).toBe(false);
    await chmod(keyPath, 0o600);
    expect(await cipher.decrypt(sealed)).toBe('s3cret');
  });

  it('refuses a damaged key file', async () => {
    const keyPath = join(dir, 'secret.key');
    await writeFile(keyPath, Buffer.alloc(5), { mode: 0o600 });
    const cipher = createFileKeyCipher(keyPath);
    expect(cipher.availability()).toMatchObject({
      available: false,
      reason: expect.stringContaining('damaged'),
    });
    await expect(cipher.encrypt('x')).rejects.toMatchObject({ code: 'ENCRYPTION_UNAVAILABLE' });
  });
});
