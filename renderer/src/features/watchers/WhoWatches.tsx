import { useState } from 'react';
import { useWatchers } from '../../api/useDiagnostics.js';
import { Button } from '../../components/Button.js';
import { QueryState } from '../../components/QueryState.js';
import { formatCount } from '../../lib/format-bytes.js';
import { DiagnosticNotes } from '../servers/DiagnosticNotes.js';
import { clockSeconds } from '../watch/event-row.js';
import { WatcherTable } from './WatcherTable.js';

/**
 * Who watches this path. Where the question is costly (ZooKeeper's wchp on every member), the first answer
 * is only its cost; the user confirms, the words run once, and nothing polls them.
 */
export function WhoWatches({ connectionId, path }: { connectionId: string; path: string }) {
  const [confirmed, setConfirmed] = useState(false);
  const first = useWatchers(connectionId, path, false, !confirmed);
  const answer = useWatchers(connectionId, path, true, confirmed);
  const query = confirmed ? answer : first;
  return (
    <section className="who-watches" data-testid="who-watches">
      <div className="section-title caps-title watchers-title">
        <span>Who watches {path}</span>
        {query.data && !query.data.cost && (
          <span className="faint">asked {clockSeconds(query.dataUpdatedAt)}</span>
        )}
        {query.data && !query.data.cost && query.data.available && (
          <Button
            small
            testId="watchers-ask-again"
            busy={query.isFetching}
            busyLabel="Asking…"
            onClick={() => void query.refetch()}
          >
            Ask again
          </Button>
        )}
      </div>
      <QueryState
        query={query}
        loading={confirmed ? 'Asking every member who watches…' : 'Asking the cost…'}
        errorTestId="watchers-error"
      >
        {(report) =>
          !report.available ? (
            <div className="pad warn-text" data-testid="watchers-unavailable">
              {report.reason ?? 'The store cannot tell who watches this path.'}
            </div>
          ) : report.cost ? (
            <div
              className="pad watchers-cost"
              data-testid="watchers-cost"
              data-watches={report.cost.watches ?? undefined}
            >
              <div>{report.cost.message}</div>
              <Button tone="primary" small testId="watchers-confirm" onClick={() => setConfirmed(true)}>
                Ask who watches
              </Button>
              <DiagnosticNotes notes={report.notes} testId="watchers-note" />
            </div>
          ) : (
            <>
              <div className="pad muted" data-testid="watchers-count" data-count={report.watchers.length}>
                {report.watchers.length === 0
                  ? 'No client watches this path right now.'
                  : `${formatCount(report.watchers.length)} ${report.watchers.length === 1 ? 'watch' : 'watches'}.`}
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
