import type { ConsulHttp } from './consul.http.js';
import type { LevelCache } from './consul.levels.js';
import { kvPath, type ConsulNode } from './consul.paths.js';
import { KeyListSchema, kvJson, KvEntriesSchema, parseJson, type KvEntry } from './consul.schemas.js';

/** What the KV operations of a session share. */
export interface KvContext {
  http: ConsulHttp;
  levels: LevelCache;
}

/** The two keys that can stand for a node: `a` and the folder key `a/` (see consul.paths.ts). */
export interface NodeKeys {
  plain: KvEntry | null;
  folder: KvEntry | null;
}

/** Reads one key with its metadata; null when it does not exist. */
export async function readKey(http: ConsulHttp, key: string, what: string): Promise<KvEntry | null> {
  const response = await http.request({ what, path: kvPath(key), accept: [404] });
  if (response.status === 404) return null;
  const entries = parseJson(response, KvEntriesSchema, what, kvJson);
  return entries.find((entry) => entry.Key === key) ?? null;
}

/** Reads the plain and the folder key of a node in parallel (the root has neither). */
export async function readKeys(http: ConsulHttp, node: ConsulNode, what: string): Promise<NodeKeys> {
  if (node.isRoot) return { plain: null, folder: null };
  const [plain, folder] = await Promise.all([
    readKey(http, node.key, what),
    readKey(http, node.folderKey, what),
  ]);
  return { plain, folder };
}

/** The key whose value the node shows: `a` when it exists, else `a/`. */
export function valueEntry(keys: NodeKeys): KvEntry | null {
  return keys.plain ?? keys.folder;
}

/** The value bytes of an entry (Consul sends null for an empty value). */
export function entryBytes(entry: KvEntry): Buffer {
  return entry.Value === null ? Buffer.alloc(0) : Buffer.from(entry.Value, 'base64');
}

/** Every key starting with `prefix` (Consul's `?keys` without a separator). */
export async function keysUnder(http: ConsulHttp, prefix: string, what: string): Promise<string[]> {
  const response = await http.request({ what, path: kvPath(prefix), query: { keys: true }, accept: [404] });
  if (response.status === 404) return [];
  return parseJson(response, KeyListSchema, what);
}
