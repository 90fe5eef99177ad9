import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../shared/model/history.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { isCurrent, whenOf } from './history-labels.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

interface Props {
  entries: readonly HistoryEntry[];
  selectedId: string | null;
  /** The value on the server now, to mark the version it equals; null while the node does not exist. */
  current: NodeValue | null;
  onSelect: (entry: HistoryEntry) => void;
}

/** The versions of a node, newest first: where each comes from, when, what happened, who, which, how big. */
export function HistoryTable({ entries, selectedId, current, onSelect }: Props) {
  const format = useFormat();

  const { t } = useTranslation('history');
  const say = useCoreSentence();

  const anyVersion = entries.some((entry) => entry.version !== null || entry.revision !== null);
  const columns: readonly (Column<HistoryEntry> | false)[] = [
    {
      header: t('historyTable.source'),
      className: 'nowrap',
      cell: (entry) => (
        <span className="history-source" data-source={entry.source} title={t(`sourceTitle.${entry.source}`)}>
          {t(`source.${entry.source}`)}
        </span>
      ),
    },
    {
      header: t('historyTable.when'),
      className: 'nowrap',
      cellProps: (entry) => ({ title: entry.time ?? '' }),
      cell: (entry) => (
        <>
          {whenOf(entry, t, format)}
          {isCurrent(entry, current) && (
            <span className="badge current-badge">{t('historyTable.current')}</span>
          )}
        </>
      ),
    },
    {
      header: t('historyTable.operation'),
      className: 'nowrap',
      cell: (entry) => (
        <span className="history-op" data-operation={entry.operation}>
          {t(`operation.${entry.operation}`)}
        </span>
      ),
    },
    { header: t('historyTable.who'), className: 'nowrap', cell: (entry) => entry.author ?? '—' },
    anyVersion && {
      header: t('historyTable.version'),
      headerTitle: t('historyTable.theVersionWithinThe'),
      className: 'mono nowrap',
      // When already names the revision where the store keeps no time (etcd): it is not repeated here.
      cell: (entry) =>
        [
          entry.version === null ? null : `v${entry.version}`,
          entry.revision === null || entry.time === null ? null : `rev ${entry.revision}`,
        ]
          .filter(Boolean)
          .join(' · ') || '—',
    },
    {
      header: t('historyTable.size'),
      className: 'nowrap num',
      cell: (entry) => (entry.size === null ? '—' : format.bytes(entry.size)),
    },
  ];
  return (
    <DataTable
      className="data-table registry-table history-table"
      rows={entries}
      columns={columns}
      rowKey={(entry) => entry.id}
      rowProps={(entry) => ({
        className: `clickable${entry.id === selectedId ? ' selected' : ''}`,
        title: entry.note === null ? undefined : say(entry.note),
        'data-testid': 'history-row',
        'data-id': entry.id,
        'data-source': entry.source,
        'data-operation': entry.operation,
        'data-restorable': entry.restorable,
        'data-selected': entry.id === selectedId,
        onClick: () => onSelect(entry),
      })}
    />
  );
}
