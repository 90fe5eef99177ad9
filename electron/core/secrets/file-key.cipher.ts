import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { errnoCode } from '../storage/json-file.js';
import type { SecretCipher } from './secret.cipher.js';

const FORMAT_VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/**
 * AES-256-GCM with a random key kept in a file readable by the user only (browser mode and the CLI, where
 * Electron's safeStorage is not available). Output: version byte, IV, auth tag, ciphertext.
 */
export function createFileKeyCipher(keyPath: string): SecretCipher {
  return new FileKeyCipher(keyPath);
}

class FileKeyCipher implements SecretCipher {
  readonly id = 'file-key';

  constructor(private readonly keyPath: string) {}

  availability(): { available: boolean; reason: string | null } {
    const reason = keyFileProblem(this.keyPath);
    return { available: reason === null, reason };
  }

  async encrypt(plain: string): Promise<Buffer> {
    const key = await this.key(true);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
  }

  async decrypt(cipherText: Buffer): Promise<string> {
    if (cipherText.length < HEADER_BYTES || cipherText[0] !== FORMAT_VERSION) {
      throw new AppError(
        'INTERNAL',
        'A saved secret is not in the key-file format (it may come from another cipher).',
      );
    }
    const key = await this.key(false);
    const iv = cipherText.subarray(1, 1 + IV_BYTES);
    const tag = cipherText.subarray(1 + IV_BYTES, HEADER_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(cipherText.subarray(HEADER_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new AppError(
        'INTERNAL',
        `A saved secret could not be decrypted: the key file ${this.keyPath} changed or the data was altered.`,
      );
    }
  }

  /** Reads the key, creating it first when allowed (encrypt) and missing; refuses a key others can read. */
  private async key(create: boolean): Promise<Buffer> {
    const problem = keyFileProblem(this.keyPath);
    if (problem !== null) throw new AppError('ENCRYPTION_UNAVAILABLE', problem);
    try {
      return checkKey(await readFile(this.keyPath), this.keyPath);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw toAppError(error, this.keyPath);
      if (!create) {
        throw new AppError(
          'INTERNAL',
          `Saved secrets cannot be decrypted: the key file ${this.keyPath} is missing.`,
        );
      }
    }
    await createKeyFile(this.keyPath);
    return checkKey(await readFile(this.keyPath), this.keyPath);
  }
}

/** Why the key file cannot be used, in one sentence, or null when it can (a missing file will be created). */
function keyFileProblem(keyPath: string): string | null {
  try {
    const stat = statSync(keyPath);
    if (!stat.isFile()) return `The secrets key ${keyPath} is not a regular file.`;
    // Windows has no POSIX mode bits; its ACLs keep the profile directory private.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      return `The secrets key ${keyPath} is readable by other users (mode ${(stat.mode & 0o777).toString(8)}); run chmod 600 on it.`;
    }
    if (stat.size !== KEY_BYTES)
      return `The secrets key ${keyPath} is damaged (${stat.size} bytes, expected ${KEY_BYTES}).`;
    return null;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    return `The secrets key ${keyPath} cannot be read (${errnoCode(error) ?? 'unknown error'}).`;
  }
}

/**
 * Creates the key with its full content or not at all: write a private temp file, then hard-link it into
 * place, which fails when another process created the key first (then its key is the one used).
 */
async function createKeyFile(keyPath: string): Promise<void> {
  const dir = dirname(keyPath);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(keyPath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.chmod(0o600);
      await handle.writeFile(randomBytes(KEY_BYTES));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, keyPath).catch((error: unknown) => {
      if (errnoCode(error) !== 'EEXIST') throw error;
    });
  } catch (error) {
    throw toAppError(error, keyPath);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function checkKey(key: Buffer, keyPath: string): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new AppError(
      'ENCRYPTION_UNAVAILABLE',
      `The secrets key ${keyPath} is damaged (${key.length} bytes, expected ${KEY_BYTES}).`,
    );
  }
  return key;
}

function toAppError(error: unknown, keyPath: string): AppError {
  if (error instanceof AppError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('ENCRYPTION_UNAVAILABLE', `The secrets key ${keyPath} cannot be used: ${detail}.`);
}
