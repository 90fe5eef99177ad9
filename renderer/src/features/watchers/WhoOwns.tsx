import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useOwner } from '../../api/useDiagnostics.js';
import { Button } from '../../components/Button.js';
import { QueryState } from '../../components/QueryState.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import { DiagnosticNotes } from '../servers/DiagnosticNotes.js';

/** Who owns this node (an ephemeral's session and its client, a key's lock session), on request. */
export function WhoOwns({ connectionId, path }: { connectionId: string; path: string }) {
  const { t } = useTranslation('watchers');
  const labels = useCoreLabels();

  const [asked, setAsked] = useState(false);
  const owner = useOwner(connectionId, path, asked);
  return (
    <section className="who-owns" data-testid="who-owns">
      <div className="section-title caps-title watchers-title">
        <span>{t('whoOwns.owner')}</span>
        <Button
          small
          testId="owner-query"
          busy={owner.isFetching}
          busyLabel={t('busy.asking')}
          onClick={() => (asked ? void owner.refetch() : setAsked(true))}
        >
          {t('whoOwns.whoOwnsThis')}
        </Button>
      </div>
      {!asked && <div className="pad muted">{t('whoOwns.anEphemeralNodeBelongs')}</div>}
      {asked && (
        <QueryState query={owner} loading={t('whoOwns.asking')} errorTestId="owner-error">
          {(report) => (
            <div
              className="pad"
              data-testid="owner-report"
              data-owned={report.owned}
              data-session={report.sessionId ?? undefined}
            >
              {!report.owned ? (
                <div className="muted">{t('whoOwns.nobodyOwnsItIs', { path })}</div>
              ) : (
                <dl className="owner-facts">
                  <dt>{t('whoOwns.session')}</dt>
                  <dd className="mono" data-testid="owner-session">
                    {report.sessionId ?? '—'}
                  </dd>
                  <dt>{t('whoOwns.client')}</dt>
                  <dd>
                    {report.clients.length === 0 ? (
                      <span className="warn-text">{t('whoOwns.noMemberReportsA')}</span>
                    ) : (
                      report.clients.map((client) => (
                        <div
                          key={`${client.address}|${client.member ?? ''}`}
                          className="mono"
                          data-testid="owner-client"
                        >
                          {client.address}
                          {client.member && (
                            <span className="muted"> {t('whoOwns.via', { member: client.member })}</span>
                          )}
                        </div>
                      ))
                    )}
                  </dd>
                  {report.facts.map((fact, index) => (
                    <div key={`${fact.key}:${index}`} className="owner-fact" data-key={fact.key}>
                      <dt>{labels.ownerFact(fact)}</dt>
                      <dd className="mono">{labels.word(fact) ?? fact.value}</dd>
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
