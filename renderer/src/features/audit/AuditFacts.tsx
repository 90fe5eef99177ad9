import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import type { AuditEntry } from '../../../../shared/model/audit.js';

interface Props {
  entry: AuditEntry;
  /** Opens every entry of one sync as a group. */
  onOpenGroup: (syncId: string) => void;
  /** Opens another entry (the one a revert reverted). */
  onOpenEntry: (seq: number) => void;
}

/** Details that are shown as links or in their own line rather than in the list of the rest. */
const LINKED = new Set(['syncId', 'revertOf', 'revertOfSync']);

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** Every fact of one entry: when, who, where, what, how it went, and the links to its sync and its revert. */
export function AuditFacts({ entry, onOpenGroup, onOpenEntry }: Props) {
  const format = useFormat();

  const { t } = useTranslation('audit');
  const labels = useCoreLabels();

  const details = entry.details ?? {};
  const syncId = typeof details.syncId === 'string' ? details.syncId : null;
  const revertOf = typeof details.revertOf === 'number' ? details.revertOf : null;
  const revertOfSync = typeof details.revertOfSync === 'string' ? details.revertOfSync : null;
  const rest = Object.entries(details).filter(([key]) => !LINKED.has(key));
  return (
    <dl className="audit-facts" data-testid="audit-facts">
      <Fact label={t('auditFacts.label.entry')}>#{entry.seq}</Fact>
      <Fact label={t('auditFacts.label.time')}>
        <span title={entry.time}>{format.time(entry.time)}</span>
      </Fact>
      <Fact label={t('auditFacts.label.who')}>
        {entry.user}@{entry.host}
      </Fact>
      <Fact label={t('auditFacts.label.connection')}>
        {entry.connection.name}{' '}
        <span className="badge" data-env={entry.connection.environment}>
          {entry.connection.environment}
        </span>{' '}
        <span className="muted">
          {labels.kind(entry.connection.kind).label} · {entry.connection.endpoints.join(', ')}
        </span>
      </Fact>
      <Fact label={t('auditFacts.label.operation')} testId="audit-fact-operation">
        {t(`operation.${entry.operation}`)}
      </Fact>
      <Fact label={t('auditFacts.label.path')}>
        <span className="mono audit-fact-path">{entry.path}</span>
      </Fact>
      <Fact label={t('auditFacts.label.outcome')} testId="audit-fact-outcome">
        <span className="audit-outcome" data-outcome={entry.outcome}>
          {t(`outcome.${entry.outcome}`)}
        </span>
      </Fact>
      {entry.error && (
        <Fact label={t('auditFacts.label.error')} testId="audit-fact-error">
          <span className="audit-error-text">
            {entry.error.code}: {entry.error.message}
          </span>
        </Fact>
      )}
      {syncId !== null && (
        <Fact label={t('auditFacts.label.sync')}>
          <button
            className="audit-link mono"
            data-testid="audit-open-group"
            title={t('auditFacts.openEveryEntryOf')}
            onClick={() => onOpenGroup(syncId)}
          >
            {syncId}
          </button>
        </Fact>
      )}
      {revertOf !== null && (
        <Fact label={t('auditFacts.label.reverts')}>
          <button
            className="audit-link"
            data-testid="audit-open-reverted"
            data-seq={revertOf}
            title={t('auditFacts.openTheEntryThis')}
            onClick={() => onOpenEntry(revertOf)}
          >
            {t('auditFacts.entry', { revertOf })}
          </button>
        </Fact>
      )}
      {revertOfSync !== null && (
        <Fact label={t('auditFacts.revertsSync')}>
          <button
            className="audit-link mono"
            data-testid="audit-open-reverted-sync"
            onClick={() => onOpenGroup(revertOfSync)}
          >
            {revertOfSync}
          </button>
        </Fact>
      )}
      {rest.map(([key, value]) => (
        <Fact key={key} label={key}>
          <span className="mono">{String(value)}</span>
        </Fact>
      ))}
      <Fact label={t('auditFacts.label.hash')}>
        <span className="mono muted" title={t('auditFacts.previous', { prevHash: entry.prevHash })}>
          {entry.hash.slice(0, 16)}…
        </span>
      </Fact>
    </dl>
  );
}
