import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretCipher } from '../../../electron/core/secrets/secret.cipher.js';
import { createFileKeyCipher } from '../../../electron/core/secrets/file-key.cipher.js';
import { SecretStore } from '../../../electron/core/secrets/secret.store.js';

/** A cipher that is switched off, like safeStorage on a Linux desktop without a keyring. */
const unavailableCipher: SecretCipher = {
  id: 'off',
  availability: () => ({ available: false, reason: 'No keyring is available.' }),
  encrypt: () => Promise.reject(new Error('must not be called')),
  decrypt: () => Promise.reject(new Error('must not be called')),
};

describe('SecretStore', () => {
  let dir: string;
  let file: string;
  let cipher: SecretCipher;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-secrets-'));
    file = join(dir, 'secrets.json');
    cipher = createFileKeyCipher(join(dir, 'secret.key'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saves, reads back and deletes a secret, across instances', async () => {
    await new SecretStore(cipher, file).save('conn-1/password', 'hunter2');
    const store = new SecretStore(cipher, file);
    expect(await store.get('conn-1/password')).toBe('hunter2');
    await store.delete('conn-1/password');
    expect(await new SecretStore(cipher, file).get('conn-1/password')).toBeNull();
  });

  it('keeps only ciphertext, in a file readable by the user only', async () => {
    await new SecretStore(cipher, file).save('id', 'plain-text-password');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('plain-text-password');
    expect(JSON.parse(text)).toMatchObject({ version: 1, secrets: { id: expect.any(String) } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual(['secret.key', 'secrets.json']);
  });

  it('gives null for unknown ids, including names of Object.prototype members', async () => {
    const store = new SecretStore(cipher, file);
    expect(await store.get('nope')).toBeNull();
    await store.save('x', 'y');
    expect(await store.get('constructor')).toBeNull();
    await store.delete('constructor');
    expect(await store.get('x')).toBe('y');
  });

  it('refuses to save when encryption is unavailable, and stores nothing', async () => {
    const store = new SecretStore(unavailableCipher, file);
    expect(store.availability()).toEqual({ available: false, reason: 'No keyring is available.' });
    await expect(store.save('id', 'hunter2')).rejects.toMatchObject({
      code: 'ENCRYPTION_UNAVAILABLE',
      message: 'No keyring is available.',
    });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps every secret when many are saved at once', async () => {
    const store = new SecretStore(cipher, file);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(`id-${i}`, `secret-${i}`)));
    for (let i = 0; i < 20; i += 1) expect(await store.get(`id-${i}`)).toBe(`secret-${i}`);
  });

  it('overwrites a secret saved again under the same id', async () => {
    const store = new SecretStore(cipher, file);
    await store.save('id', 'first');
    await store.save('id', 'second');
    expect(await store.get('id')).toBe('second');
  });

  it('reports a corrupt secrets file instead of replacing it', async () => {
    await writeFile(file, '{"version":1,"secrets":', { mode: 0o600 });
    const store = new SecretStore(cipher, file);
    await expect(store.save('id', 'x')).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"secrets":');
  });

  it('fails clearly when the key was replaced', async () => {
    await new SecretStore(cipher, file).save('id', 'hunter2');
    await rm(join(dir, 'secret.key'));
    const fresh = createFileKeyCipher(join(dir, 'secret.key'));
    await fresh.encrypt('creates a new key');
    await expect(new SecretStore(fresh, file).get('id')).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('could not be decrypted'),
    });
  });
});
