import type { Blocking } from './consul.blocking.js';
import type { ConsulHttp } from './consul.http.js';
import { kvPath } from './consul.paths.js';
import { AppError } from '../../../../shared/errors.js';
import type { ConsulResponse } from './consul.transport.js';

/** Levels kept at once; a level of 100,000 keys costs a few MiB. */
const MAX_CACHED_LEVELS = 32;

/** One direct child of a level: a key (`a/x`), a folder (`a/x/…`), or both under one name. */
export interface LevelEntry {
  name: string;
  /** The plain key `prefix + name` exists. */
  plain: boolean;
  /** Some key starts with `prefix + name + '/'` (the folder key itself, or keys below it). */
  folder: boolean;
}

/** The direct children of one prefix, sorted by name (JS string order, also used by cursors). */
export interface Level {
  prefix: string;
  entries: LevelEntry[];
  /** The prefix itself exists as a key (the folder key `a/`). */
  selfKey: boolean;
}

const byName = (x: LevelEntry, y: LevelEntry): number => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);

/**
 * Builds a level from Consul's `?keys&separator=/` answer for `prefix`, checking each key is a string as
 * it goes (the answer is walked once: no schema pass before it). Consul answers in key order, so a
 * plain key `a` and its folder `a/` are apart only by keys that start with `a` (`a!b`): a folder looks
 * for its plain key among the last entries only, and a folder whose name sorts before those entries
 * (`a/` after `a!b`) is moved back among them. No map and no sort of the whole level, which is what a
 * level of 100,000 keys spent most of its listing on. An answer out of key order is merged the slow way.
 */
export function parseLevel(prefix: string, keys: readonly unknown[]): Level {
  const entries: LevelEntry[] = [];
  const from = prefix.length;
  let selfKey = false;
  let previous = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string') throw notAKeyList(prefix);
    if (key === prefix) {
      selfKey = true;
      continue;
    }
    if (key < previous) return parseUnordered(prefix, keys as readonly string[]);
    previous = key;
    if (!key.startsWith(prefix)) continue;
    // One search for the separator tells a plain key (none), a folder (only the last character) and a
    // deeper key (anything else, no path of its own); empty names (`a//b`) have none either.
    const slash = key.indexOf('/', from);
    if (slash === -1) {
      if (key.length > from) entries.push({ name: key.slice(from), plain: true, folder: false });
      continue;
    }
    if (slash !== key.length - 1 || slash === from) continue;
    const name = key.slice(from, slash);
    let at = entries.length;
    while (at > 0 && entries[at - 1]!.name > name && entries[at - 1]!.name.startsWith(name)) at--;
    const before = entries[at - 1];
    if (before?.name === name) before.folder = true;
    else if (at === entries.length) entries.push({ name, plain: false, folder: true });
    else entries.splice(at, 0, { name, plain: false, folder: true });
  }
  return { prefix, entries, selfKey };
}

function notAKeyList(prefix: string): AppError {
  return new AppError(
    'INTERNAL',
    `Listing ${prefix || '/'}: unexpected answer from Consul (not a list of keys).`,
  );
}

/** The key list of a `?keys` answer (null: none), parsed as JSON; the keys are checked by parseLevel. */
function keyListOf(response: ConsulResponse, what: string): readonly unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new AppError('INTERNAL', `${what}: the answer is not JSON; is this endpoint a Consul agent?`);
  }
  if (data === null) return [];
  if (!Array.isArray(data))
    throw new AppError('INTERNAL', `${what}: unexpected answer from Consul (not a list of keys).`);
  return data;
}

/** The general merge, for an answer not in key order. */
function parseUnordered(prefix: string, keys: readonly string[]): Level {
  const named = new Map<string, LevelEntry>();
  let selfKey = false;
  for (const key of keys) {
    if (key === prefix) {
      selfKey = true;
      continue;
    }
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const folder = rest.endsWith('/');
    const name = folder ? rest.slice(0, -1) : rest;
    if (name.length === 0 || name.includes('/')) continue;
    const entry = named.get(name) ?? { name, plain: false, folder: false };
    if (folder) entry.folder = true;
    else entry.plain = true;
    named.set(name, entry);
  }
  return { prefix, entries: [...named.values()].sort(byName), selfKey };
}

/** Lists one level with a single request; `index` is the blocking-query index of the answer. */
export async function fetchLevel(
  http: ConsulHttp,
  prefix: string,
  what: string,
  options: { blocking?: Blocking | null; signal?: AbortSignal } = {},
): Promise<{ level: Level; index: string | null }> {
  const blocking = options.blocking ?? null;
  const response = await http.request({
    what,
    path: kvPath(prefix),
    query: { keys: true, separator: '/', index: blocking?.index, wait: blocking?.wait },
    accept: [404],
    ...(blocking ? { timeoutMs: blocking.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const keys = response.status === 404 ? [] : keyListOf(response, what);
  return { level: parseLevel(prefix, keys), index: response.index };
}

interface Cached {
  level: Promise<Level>;
  at: number;
  /** Whether no session existed when the level was listed (no key of it can be locked), asked once. */
  lockFree?: Promise<boolean>;
}

/**
 * Recently listed levels, so paging through a big level and reading a node right after listing it
 * do not list the level again. Writes of this session and watch events drop the affected levels.
 */
export class LevelCache {
  private readonly levels = new Map<string, Cached>();

  constructor(private readonly http: ConsulHttp) {}

  /** The level at `prefix`, listed again when the cached one is `maxAgeMs` old (0: always). */
  get(prefix: string, maxAgeMs: number, what: string): Promise<Level> {
    const cached = this.levels.get(prefix);
    if (cached && Date.now() - cached.at < maxAgeMs) return cached.level;
    const level = fetchLevel(this.http, prefix, what).then((answer) => answer.level);
    const entry = { level, at: Date.now() };
    this.levels.delete(prefix);
    this.levels.set(prefix, entry);
    if (this.levels.size > MAX_CACHED_LEVELS) this.levels.delete(this.levels.keys().next().value!);
    level.catch(() => {
      if (this.levels.get(prefix) === entry) this.levels.delete(prefix);
    });
    return level;
  }

  /**
   * Whether no key of the level at `prefix` can be locked, asked (`ask`) once per listing of the level,
   * so paging through a big level does not ask Consul for its sessions on every page; a level listed
   * again (aged, written to, changed under a watch) asks again.
   */
  lockFree(prefix: string, ask: () => Promise<boolean>): Promise<boolean> {
    const cached = this.levels.get(prefix);
    if (!cached) return ask();
    cached.lockFree ??= ask();
    return cached.lockFree;
  }

  /** Replaces the cached level (a watch just listed it). */
  put(level: Level): void {
    this.levels.delete(level.prefix);
    this.levels.set(level.prefix, { level: Promise.resolve(level), at: Date.now() });
    if (this.levels.size > MAX_CACHED_LEVELS) this.levels.delete(this.levels.keys().next().value!);
  }

  /** Forgets the levels of these prefixes. */
  invalidate(...prefixes: string[]): void {
    for (const prefix of prefixes) this.levels.delete(prefix);
  }

  clear(): void {
    this.levels.clear();
  }
}
