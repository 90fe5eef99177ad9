import { useTranslation } from 'react-i18next';
import type { Watcher } from '../../../../shared/model/diagnostics.js';
import { DataTable } from '../../components/DataTable.js';
import { HealthBadge } from '../registry/HealthBadge.js';
import { filledColumns } from './watcher-labels.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/** The clients that watch or listen to a path, with the columns the store fills. */
export function WatcherTable({ watchers }: { watchers: readonly Watcher[] }) {
  const { t } = useTranslation('watchers');
  const say = useCoreSentence();

  const has = filledColumns(watchers);
  return (
    <DataTable<Watcher>
      className="data-table registry-table"
      rows={watchers}
      columns={[
        has.session && {
          header: t('watcherTable.session'),
          className: 'mono',
          cell: (w) => w.sessionId ?? '—',
        },
        {
          header: t('watcherTable.client'),
          className: 'mono',
          cell: (w) => w.client ?? t('watcherTable.notTold'),
        },
        has.member && { header: t('watcherTable.member'), className: 'mono', cell: (w) => w.member ?? '—' },
        { header: t('watcherTable.kind'), cell: (w) => t(`watcherKind.${w.kind}`) },
        { header: t('watcherTable.watchedPath'), className: 'mono', cell: (w) => w.watchedPath },
        has.holds && { header: t('watcherTable.holds'), className: 'mono', cell: (w) => w.holds ?? '—' },
        has.current && {
          header: t('watcherTable.status'),
          cell: (w) =>
            w.current === null ? (
              '—'
            ) : (
              <HealthBadge
                status={w.current ? 'passing' : 'critical'}
                label={w.current ? t('watcherTable.current') : t('watcherTable.stale')}
              />
            ),
        },
      ]}
      rowKey={(w, index) => `${w.sessionId ?? ''}|${w.client ?? ''}|${w.watchedPath}|${index}`}
      rowProps={(w) => ({
        'data-testid': 'watcher-row',
        'data-session': w.sessionId ?? undefined,
        'data-client': w.client ?? undefined,
        'data-kind': w.kind,
        'data-current': w.current ?? undefined,
      })}
      detail={(w) => (has.detail && w.detail ? <span className="muted">{say(w.detail)}</span> : null)}
    />
  );
}
