import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useListeners } from '../../api/useListeners.js';
import type { Listener } from '../../../../shared/model/history.js';
import { Checkbox } from '../../components/Checkbox.js';
import { DataTable } from '../../components/DataTable.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { QueryState } from '../../components/QueryState.js';
import { StatusLine } from '../../components/StatusLine.js';
import { HealthBadge } from '../registry/HealthBadge.js';
import { listenerInSync, listenerSummary, sortListeners } from '../../lib/listener-sync.js';
import '../registry/registry.css';
import './ListenersView.css';

const AUTO_REFRESH_MS = 5_000;

/**
 * Which clients listen to this value and whether each holds the current version: the quickest answer
 * to "did my service get the new config?".
 */
export function ListenersView({ connectionId, path }: { connectionId: string; path: string }) {
  const { t } = useTranslation('listeners');

  const [auto, setAuto] = useState(true);
  const report = useListeners(connectionId, path, auto ? AUTO_REFRESH_MS : false);
  const data = report.data;
  const currentMd5 = data?.currentMd5 ?? null;
  const summary = data ? listenerSummary(data.listeners, currentMd5) : null;

  return (
    <div className="listeners-view" data-testid="listeners-view">
      <div className="toolbar registry-toolbar">
        <span>
          <span className="muted">{t('listenersView.currentMd5')} </span>
          <span className="mono" data-testid="listeners-current-md5">
            {currentMd5 ?? '—'}
          </span>
        </span>
        {summary && (
          <span
            className={summary.stale > 0 ? 'warn-text' : 'muted'}
            data-testid="listeners-summary"
            data-total={summary.total}
            data-stale={summary.stale}
          >
            {t('listenersView.clientsInSync', {
              count: summary.total,
              total: summary.total,
              inSync: summary.inSync,
            })}
            {summary.stale > 0 ? t('listenersView.stale', { stale: summary.stale }) : ''}
          </span>
        )}
        <span className="spacer" />
        <Checkbox testId="listeners-auto" checked={auto} onChange={setAuto}>
          {t('listenersView.autoRefreshS', { value: AUTO_REFRESH_MS / 1000 })}
        </Checkbox>
        {report.dataUpdatedAt > 0 && (
          <span className="faint">
            {t('listenersView.asked')} {new Date(report.dataUpdatedAt).toLocaleTimeString('sv-SE')}
          </span>
        )}
        <RefreshButton testId="listeners-refresh" query={report} busyLabel={t('busy.asking')} />
      </div>
      <div className="registry-scroll">
        <QueryState
          query={report}
          loading={t('listenersView.askingTheServerWho')}
          errorTestId="listeners-error"
          isEmpty={(found) => found.listeners.length === 0}
          empty={<StatusLine testId="listeners-empty">{t('listenersView.noClientListensTo')}</StatusLine>}
        >
          {(found) => (
            <DataTable<Listener>
              className="data-table registry-table"
              rows={sortListeners(found.listeners, currentMd5)}
              columns={[
                { header: t('listenersView.client'), className: 'mono', cell: (listener) => listener.client },
                {
                  header: t('listenersView.md5ItHolds'),
                  className: 'mono',
                  cell: (listener) => listener.md5 || '—',
                },
                {
                  header: t('listenersView.status'),
                  cell: (listener) => {
                    const inSync = listenerInSync(listener, currentMd5);
                    return (
                      <HealthBadge
                        status={inSync ? 'passing' : 'critical'}
                        label={inSync ? t('listenersView.inSync') : t('listenersView.stale2')}
                      />
                    );
                  },
                },
              ]}
              rowKey={(listener) => listener.client}
              rowProps={(listener) => ({
                'data-testid': 'listener-row',
                'data-client': listener.client,
                'data-in-sync': listenerInSync(listener, currentMd5),
              })}
            />
          )}
        </QueryState>
      </div>
    </div>
  );
}
