import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useWatchers } from '../../api/useDiagnostics.js';
import { Button } from '../../components/Button.js';
import { QueryState } from '../../components/QueryState.js';
import { DiagnosticNotes } from '../servers/DiagnosticNotes.js';
import { clockSeconds } from '../watch/event-row.js';
import { WatcherTable } from './WatcherTable.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/**
 * Who watches this path. Where the question is costly (ZooKeeper's wchp on every member), the first answer
 * is only its cost; the user confirms, the words run once, and nothing polls them.
 */
export function WhoWatches({ connectionId, path }: { connectionId: string; path: string }) {
  const format = useFormat();

  const { t } = useTranslation('watchers');
  const say = useCoreSentence();

  const [confirmed, setConfirmed] = useState(false);
  const first = useWatchers(connectionId, path, false, !confirmed);
  const answer = useWatchers(connectionId, path, true, confirmed);
  const query = confirmed ? answer : first;
  return (
    <section className="who-watches" data-testid="who-watches">
      <div className="section-title caps-title watchers-title">
        <span>{t('whoWatches.whoWatches', { path })}</span>
        {query.data && !query.data.cost && (
          <span className="faint">
            {t('whoWatches.asked', { clockSeconds: clockSeconds(query.dataUpdatedAt) })}
          </span>
        )}
        {query.data && !query.data.cost && query.data.available && (
          <Button
            small
            testId="watchers-ask-again"
            busy={query.isFetching}
            busyLabel={t('busy.asking')}
            onClick={() => void query.refetch()}
          >
            {t('whoWatches.askAgain')}
          </Button>
        )}
      </div>
      <QueryState
        query={query}
        loading={confirmed ? t('whoWatches.askingEveryMemberWho') : t('whoWatches.askingTheCost')}
        errorTestId="watchers-error"
      >
        {(report) =>
          !report.available ? (
            <div className="pad warn-text" data-testid="watchers-unavailable">
              {report.reason !== null ? say(report.reason) : t('whoWatches.theStoreCannotTell')}
            </div>
          ) : report.cost ? (
            <div
              className="pad watchers-cost"
              data-testid="watchers-cost"
              data-watches={report.cost.watches ?? undefined}
            >
              <div>{say(report.cost.message)}</div>
              <Button tone="primary" small testId="watchers-confirm" onClick={() => setConfirmed(true)}>
                {t('whoWatches.askWhoWatches')}
              </Button>
              <DiagnosticNotes notes={report.notes} testId="watchers-note" />
            </div>
          ) : (
            <>
              <div className="pad muted" data-testid="watchers-count" data-count={report.watchers.length}>
                {report.watchers.length === 0
                  ? t('whoWatches.noClientWatchesThis')
                  : t('whoWatches.watches', {
                      count: report.watchers.length,
                      n: format.count(report.watchers.length),
                    })}
              </div>
              {report.watchers.length > 0 && <WatcherTable watchers={report.watchers} />}
              <DiagnosticNotes notes={report.notes} testId="watchers-note" />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
