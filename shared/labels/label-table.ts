import type { Worded } from './core-words.js';

/** Whether `key` (from the core, a snapshot file, a newer core) is one of `table`'s keys. */
export function hasLabel<K extends string>(table: Readonly<Record<K, string>>, key: string): key is K {
  return Object.hasOwn(table, key);
}

/** A row labelled from its key in `table`; a value in words carries its word beside the English value. */
export function labelledRow<K extends string>(
  table: Readonly<Record<K, string>>,
  key: K,
  value: string | Worded,
): { key: K; label: string; value: string; word?: Worded['word'] } {
  const label = table[key];
  return typeof value === 'string' ? { key, label, value } : { key, label, ...value };
}
