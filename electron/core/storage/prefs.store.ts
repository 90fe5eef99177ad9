import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { readJsonFile, writeJsonFileAtomic } from './json-file.js';
import { SerialQueue } from './serial-queue.js';

export interface PrefsLimits {
  maxKeys: number;
  maxValueBytes: number;
  maxTotalBytes: number;
}

/** Bounds that keep prefs.json small: per-path view choices would otherwise grow without end. */
export const PREFS_LIMITS: PrefsLimits = {
  maxKeys: 5000,
  maxValueBytes: 64 * 1024,
  maxTotalBytes: 4 * 1024 * 1024,
};

// Entries are kept as an ordered list (least recently set first): a JS object would reorder integer-like keys.
const PrefsFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ key: z.string(), value: z.unknown() })),
});

/** Small user preferences (view choices, layout) in <dataDir>/prefs.json. */
export class PrefsStore {
  private readonly queue = new SerialQueue();
  private cache: Map<string, unknown> | null = null;

  constructor(
    private readonly filePath: string,
    private readonly limits: PrefsLimits = PREFS_LIMITS,
  ) {}

  /** The saved value of `key`, or null when none is saved. */
  get(key: string): Promise<unknown> {
    // A copy, so a caller mutating the result cannot change what is cached.
    return this.queue.run(async () => structuredClone((await this.load()).get(key) ?? null));
  }

  /** Saves a JSON value under `key` (null or undefined removes it); the oldest keys go beyond the limits. */
  async set(key: string, value: unknown): Promise<void> {
    if (value !== undefined && value !== null) assertJsonValue(value, key);
    const size = value === undefined || value === null ? 0 : Buffer.byteLength(JSON.stringify(value));
    if (size > this.limits.maxValueBytes) {
      throw new AppError(
        'TOO_LARGE',
        `The preference ${key} is ${size} bytes; at most ${this.limits.maxValueBytes} are kept.`,
      );
    }
    return this.queue.run(async () => {
      const entries = new Map(await this.load());
      // Re-inserting moves the key to the end, so "oldest" means least recently set.
      entries.delete(key);
      if (value !== undefined && value !== null) entries.set(key, structuredClone(value));
      trimToLimits(entries, this.limits);
      await writeJsonFileAtomic(this.filePath, {
        version: 1,
        entries: [...entries].map(([k, v]) => ({ key: k, value: v })),
      });
      this.cache = entries;
    });
  }

  private async load(): Promise<Map<string, unknown>> {
    if (this.cache === null) {
      const file = await readJsonFile(this.filePath, PrefsFileSchema, { version: 1, entries: [] });
      this.cache = new Map(file.entries.map((entry) => [entry.key, entry.value]));
    }
    return this.cache;
  }
}

function trimToLimits(entries: Map<string, unknown>, limits: PrefsLimits): void {
  let total = 0;
  for (const [key, value] of entries)
    total += Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value));
  for (const [key, value] of entries) {
    if (entries.size <= limits.maxKeys && total <= limits.maxTotalBytes) break;
    total -= Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value));
    entries.delete(key);
  }
}

/** Accepts only what survives JSON unchanged: null, booleans, finite numbers, strings, arrays, plain objects. */
function assertJsonValue(value: unknown, key: string, seen = new Set<object>()): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw invalid(key, 'a number that is not finite');
  }
  if (typeof value !== 'object') throw invalid(key, `a ${typeof value}`);
  if (seen.has(value)) throw invalid(key, 'a circular reference');
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) assertJsonValue(item, key, seen);
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw invalid(key, 'an object that is not plain data');
    for (const item of Object.values(value)) assertJsonValue(item, key, seen);
  }
  seen.delete(value);
}

function invalid(key: string, what: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `The preference ${key} cannot be saved: it holds ${what}, not JSON data.`,
  );
}
