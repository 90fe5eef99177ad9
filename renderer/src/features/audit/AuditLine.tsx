import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import { memo } from 'react';
import type { AuditEntry } from '../../../../shared/model/audit.js';

interface Props {
  /** Undefined while the row's page is still loading: a placeholder line is drawn instead. */
  entry: AuditEntry | undefined;
  index: number;
  selected: boolean;
  top: number;
  height: number;
  onSelect: (entry: AuditEntry, index: number) => void;
}

/** The column heads of the audit list, in the widths of its lines. */
export function AuditHead() {
  const { t } = useTranslation('audit');

  return (
    <div className="audit-line audit-head" aria-hidden>
      <span className="audit-time">{t('auditHead.time')}</span>
      <span className="audit-user">{t('auditHead.user')}</span>
      <span className="audit-conn">{t('auditHead.connection')}</span>
      <span className="audit-env">{t('auditHead.env')}</span>
      <span className="audit-kind">{t('auditHead.store')}</span>
      <span className="audit-op">{t('auditHead.operation')}</span>
      <span className="audit-path">{t('auditHead.path')}</span>
      <span className="audit-outcome">{t('auditHead.outcome')}</span>
      <span className="audit-error">{t('auditHead.error')}</span>
    </div>
  );
}

/** One line of the virtual audit list (or a loading placeholder). */
export const AuditLine = memo(function AuditLine({ entry, index, selected, top, height, onSelect }: Props) {
  const format = useFormat();

  const { t } = useTranslation('audit');
  const labels = useCoreLabels();

  const style = { transform: `translateY(${top}px)`, height };
  if (!entry) {
    return (
      <div className="virtual-line audit-line" style={style} data-testid="audit-row-placeholder" aria-hidden>
        <span className="audit-placeholder-bar" />
      </div>
    );
  }
  const error = entry.error ? `${entry.error.code}: ${entry.error.message}` : '';
  const revertOf = entry.details?.revertOf;
  return (
    <div
      className={`virtual-line audit-line audit-row${selected ? ' audit-row-selected' : ''}`}
      style={style}
      data-testid="audit-row"
      data-seq={entry.seq}
      data-index={index}
      data-operation={entry.operation}
      data-outcome={entry.outcome}
      data-path={entry.path}
      data-connection={entry.connection.name}
      data-selected={selected}
      role="option"
      aria-selected={selected}
      onClick={() => onSelect(entry, index)}
    >
      <span className="audit-time mono" title={`#${entry.seq}`}>
        {format.time(entry.time)}
      </span>
      <span className="audit-user" title={`${entry.user}@${entry.host}`}>
        {entry.user}@{entry.host}
      </span>
      <span className="audit-conn" title={entry.connection.name}>
        {entry.connection.name}
      </span>
      <span className="audit-env">
        <span className="badge" data-env={entry.connection.environment}>
          {entry.connection.environment}
        </span>
      </span>
      <span className="audit-kind">{labels.kind(entry.connection.kind).label}</span>
      <span className="audit-op" data-operation={entry.operation}>
        {t(`operation.${entry.operation}`)}
        {revertOf !== undefined && (
          <span className="audit-revert-mark" title={t('auditLine.reverts', { revertOf })}>
            {' '}
            ↶
          </span>
        )}
      </span>
      <span className="audit-path mono" title={entry.path}>
        {entry.path}
      </span>
      <span className="audit-outcome" data-outcome={entry.outcome}>
        {t(`outcome.${entry.outcome}`)}
      </span>
      <span className="audit-error" title={error}>
        {error}
      </span>
    </div>
  );
});
