import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';

/**
 * Reads and validates a JSON file. A missing file gives `fallback`; an unreadable, malformed or invalid one
 * throws AppError INTERNAL naming the file, so a corrupt file is never silently replaced by a fresh one.
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return fallback;
    throw new AppError('INTERNAL', `Could not read ${path}: ${describe(error)}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'INTERNAL',
      `The file ${path} is corrupt (not valid JSON: ${describe(error)}); fix it or move it aside.`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new AppError(
      'INTERNAL',
      `The file ${path} is corrupt (${issue?.message ?? 'unexpected content'}${where}); fix it or move it aside.`,
    );
  }
  return parsed.data;
}

/**
 * Writes `text` (or bytes) so that readers see either the old file or the new one, never a mix: write a temp file in the
 * same directory with exactly `mode`, fsync it, rename it over the target, then fsync the directory. Missing
 * directories are made with `dirMode` (the umask's default when omitted). Rejects with the file system's error.
 */
export async function writeTextFileAtomic(
  path: string,
  text: string | Buffer,
  options: { mode: number; dirMode?: number },
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, ...(options.dirMode === undefined ? {} : { mode: options.dirMode }) });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', options.mode);
    try {
      // The umask may have narrowed the mode at creation; set it exactly.
      await handle.chmod(options.mode);
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Writes `value` as JSON atomically (see writeTextFileAtomic), readable by the user only unless `mode` says else. */
export async function writeJsonFileAtomic(path: string, value: unknown, mode = 0o600): Promise<void> {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) throw new AppError('INVALID_INPUT', `Cannot write ${path}: the value is not JSON.`);
  try {
    await writeTextFileAtomic(path, `${text}\n`, { mode, dirMode: 0o700 });
  } catch (error) {
    throw new AppError('INTERNAL', `Could not write ${path}: ${describe(error)}.`);
  }
}

/** Makes a rename durable; best effort, since some platforms (Windows) cannot open a directory. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is a bonus, not a requirement for correctness.
  }
}

/** The `code` of a Node system error (ENOENT, EACCES…), or undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
