import { useState } from 'react';
import { useOwner } from '../../api/useDiagnostics.js';
import { Button } from '../../components/Button.js';
import { QueryState } from '../../components/QueryState.js';
import { DiagnosticNotes } from '../servers/DiagnosticNotes.js';

/** Who owns this node (an ephemeral's session and its client, a key's lock session), on request. */
export function WhoOwns({ connectionId, path }: { connectionId: string; path: string }) {
  const [asked, setAsked] = useState(false);
  const owner = useOwner(connectionId, path, asked);
  return (
    <section className="who-owns" data-testid="who-owns">
      <div className="section-title caps-title watchers-title">
        <span>Owner</span>
        <Button
          small
          testId="owner-query"
          busy={owner.isFetching}
          busyLabel="Asking…"
          onClick={() => (asked ? void owner.refetch() : setAsked(true))}
        >
          Who owns this?
        </Button>
      </div>
      {!asked && (
        <div className="pad muted">
          An ephemeral node belongs to a client’s session, a locked key to a lock session.
        </div>
      )}
      {asked && (
        <QueryState query={owner} loading="Asking…" errorTestId="owner-error">
          {(report) => (
            <div
              className="pad"
              data-testid="owner-report"
              data-owned={report.owned}
              data-session={report.sessionId ?? undefined}
            >
              {!report.owned ? (
                <div className="muted">Nobody owns {path}: it is neither ephemeral nor locked.</div>
              ) : (
                <dl className="owner-facts">
                  <dt>Session</dt>
                  <dd className="mono" data-testid="owner-session">
                    {report.sessionId ?? '—'}
                  </dd>
                  <dt>Client</dt>
                  <dd>
                    {report.clients.length === 0 ? (
                      <span className="warn-text">No member reports a connection of this session.</span>
                    ) : (
                      report.clients.map((client) => (
                        <div
                          key={`${client.address}|${client.member ?? ''}`}
                          className="mono"
                          data-testid="owner-client"
                        >
                          {client.address}
                          {client.member && <span className="muted"> via {client.member}</span>}
                        </div>
                      ))
                    )}
                  </dd>
                  {report.facts.map((fact) => (
                    <div key={fact.label} className="owner-fact">
                      <dt>{fact.label}</dt>
                      <dd className="mono">{fact.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <DiagnosticNotes notes={report.notes} testId="owner-note" />
            </div>
          )}
        </QueryState>
      )}
    </section>
  );
}
