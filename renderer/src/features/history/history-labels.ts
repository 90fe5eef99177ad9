import type { TFunction } from 'i18next';
import type { HistoryEntry } from '../../../../shared/model/history.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import type { LocaleFormats } from '../../i18n/locale-formats.js';

/** When a version was made: its time, or its etcd revision where the store keeps no time. */
export function whenOf(entry: HistoryEntry, t: TFunction<'history'>, f: LocaleFormats): string {
  if (entry.time !== null) return f.time(entry.time);
  if (entry.revision !== null) return t('when.revision', { revision: entry.revision });
  return t('when.unknown');
}

/** The version as a short phrase for titles and dialogs: "the version of 2026-12-02 13:00:01 (server)". */
export function describeVersion(entry: HistoryEntry, t: TFunction<'history'>, f: LocaleFormats): string {
  const when = whenOf(entry, t, f);
  const source = t(`source.${entry.source}`);
  return entry.operation === 'delete'
    ? t('describeVersion.deletion', { when, source })
    : t('describeVersion.version', { when, source });
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
