import type { HistoryEntry, HistorySource } from '../../../../shared/model/history.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { formatTime } from '../../lib/format-time.js';

/** How each source of a version is tagged in the list. */
export const SOURCE_LABELS: Record<HistorySource, string> = {
  server: 'server',
  audit: 'this machine',
  watch: 'watch',
};

/** What the tag's tooltip explains. */
export const SOURCE_TITLES: Record<HistorySource, string> = {
  server: 'A version the server keeps (etcd revisions, Nacos config history)',
  audit: "A write made from this machine, from ConfigDeck's audit log",
  watch: 'A change a Watch tab stream saw',
};

export const OPERATION_LABELS: Record<HistoryEntry['operation'], string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  unknown: 'changed',
};

/** When a version was made: its time, or its etcd revision where the store keeps no time. */
export function whenOf(entry: HistoryEntry): string {
  if (entry.time !== null) return formatTime(entry.time);
  if (entry.revision !== null) return `revision ${entry.revision}`;
  return 'unknown time';
}

/** The version as a short phrase for titles and dialogs: "the version of 2026-12-02 13:00:01 (server)". */
export function describeVersion(entry: HistoryEntry): string {
  return `the ${entry.operation === 'delete' ? 'deletion' : 'version'} of ${whenOf(entry)} (${SOURCE_LABELS[entry.source]})`;
}

/**
 * The version equals the value on the server now (never while the node does not exist): the same md5, or (etcd) the same mod revision as the
 * token read. A deletion never does.
 */
export function isCurrent(entry: HistoryEntry, current: NodeValue | null): boolean {
  if (current === null || entry.operation === 'delete') return false;
  const md5 = current.meta.find((field) => field.key === 'md5')?.value ?? null;
  if (md5 !== null && entry.md5 !== null) return md5 === entry.md5;
  return entry.source === 'server' && entry.revision !== null && entry.revision === current.token;
}
