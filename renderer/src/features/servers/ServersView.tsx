import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { SERVERS_HEALTH_INTERVAL_MS } from '../../api/diagnostics.queries.js';
import { useDiagnosticsReport, useServersHealth } from '../../api/useDiagnostics.js';
import { Button } from '../../components/Button.js';
import { QueryState } from '../../components/QueryState.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { clockSeconds } from '../watch/event-row.js';
import type { ActiveSession } from '../session/active-session.js';
import { DiagnosticNotes } from './DiagnosticNotes.js';
import { DiagnosticTables } from './DiagnosticTables.js';
import { LeasesSection } from './LeasesSection.js';
import { MemberTable } from './MemberTable.js';
import { serversSummary } from './servers-summary.js';
import '../registry/registry.css';
import './ServersView.css';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/**
 * The members of the connection's cluster with their health (cheap calls, every 5 s), what they disagree
 * on, and on demand who is connected (the costlier diagnostics) and the leases.
 */
export function ServersView({ active }: { active: ActiveSession }) {
  const { t } = useTranslation('servers');
  const say = useCoreSentence();

  const connectionId = active.session.connectionId;
  const { capabilities } = active.session;
  const health = useServersHealth(connectionId);
  const [wantReport, setWantReport] = useState(false);
  const report = useDiagnosticsReport(connectionId, wantReport);
  const summary = health.data ? serversSummary(health.data) : null;

  return (
    <div className="servers-view" data-testid="servers-view">
      <div className="toolbar registry-toolbar">
        {summary && (
          <span
            className="servers-summary"
            data-testid="servers-summary"
            data-tone={summary.tone}
            data-up={summary.up}
            data-total={summary.total}
          >
            <span className="status-dot" data-state={summary.tone} />
            {t('serversView.upOf', { up: summary.up, total: summary.total })}
          </span>
        )}
        {health.data && (
          <span className="faint">
            {t('serversView.checkedEveryS', {
              clockSeconds: clockSeconds(health.data.checkedAt),
              value: SERVERS_HEALTH_INTERVAL_MS / 1000,
            })}
          </span>
        )}
        <span className="spacer" />
        <RefreshButton testId="servers-refresh" query={health} busyLabel={t('busy.checking')} />
      </div>
      <div className="registry-scroll">
        <QueryState query={health} loading={t('serversView.askingTheMembers')} errorTestId="servers-error">
          {(found) => (
            <>
              {found.disagreements.length > 0 && (
                <div className="notice notice-warn servers-disagreements" data-testid="servers-disagreements">
                  <b>{t('serversView.membersDisagree')}</b>
                  <ul>
                    {found.disagreements.map((sentence) => (
                      <li key={sentence} data-testid="servers-disagreement">
                        {say(sentence)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="section-title caps-title">
                {t('serversView.members', { length: found.members.length })}
              </div>
              {found.members.length === 0 ? (
                <div className="pad danger-text">{t('serversView.noMemberAnswered')}</div>
              ) : (
                <MemberTable members={found.members} />
              )}
              <DiagnosticNotes notes={found.notes} testId="servers-note" />
            </>
          )}
        </QueryState>
        {capabilities.diagnostics && (
          <section data-testid="diagnostics-section">
            <div className="section-title caps-title servers-section-title">
              <span>{t('serversView.connectionsAndSessions')}</span>
              {report.data && (
                <span className="faint">
                  {t('serversView.asked', { clockSeconds: clockSeconds(report.data.checkedAt) })}
                </span>
              )}
              <Button
                small
                testId="diagnostics-load"
                busy={report.isFetching}
                busyLabel={t('busy.asking')}
                onClick={() => (wantReport ? void report.refetch() : setWantReport(true))}
              >
                {report.data ? t('serversView.askAgain') : t('serversView.loadConnections')}
              </Button>
            </div>
            {!wantReport && <div className="pad muted">{t('serversView.whoIsConnectedTo')}</div>}
            <QueryState query={report} errorTestId="diagnostics-error">
              {(found) => <DiagnosticTables tables={found.tables} />}
            </QueryState>
          </section>
        )}
        {capabilities.leaseInventory && <LeasesSection connectionId={connectionId} />}
      </div>
    </div>
  );
}
