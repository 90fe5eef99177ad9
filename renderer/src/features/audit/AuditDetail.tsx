import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import type { AuditEntry } from '../../../../shared/model/audit.js';
import { Button } from '../../components/Button.js';
import { auditValueText } from '../../lib/audit-value.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';
import { AuditFacts } from './AuditFacts.js';
import { entryDiffLanguage, valueSentence } from './audit-values.js';

interface Props {
  entry: AuditEntry;
  onOpenGroup: (syncId: string) => void;
  onOpenEntry: (seq: number) => void;
  onRevert: (entry: AuditEntry) => void;
  onClose: () => void;
}

/** One audit entry: its facts beside the value before (left) and after (right), and "Revert this change". */
export function AuditDetail({ entry, onOpenGroup, onOpenEntry, onRevert, onClose }: Props) {
  const { t } = useTranslation('audit');
  const format = useFormat();

  const sentences = [
    valueSentence('before', entry.before, entry, t, format),
    valueSentence('after', entry.after, entry, t, format),
  ];
  const writesNode =
    entry.operation === 'set' || entry.operation === 'create' || entry.operation === 'delete';
  return (
    <section
      className="audit-detail"
      data-testid="audit-detail"
      data-seq={entry.seq}
      aria-label={t('auditDetail.auditEntry', { seq: entry.seq })}
    >
      <div className="audit-detail-side">
        <div className="audit-detail-actions">
          <b>
            #{entry.seq} {t(`operation.${entry.operation}`)}
          </b>
          <span className="spacer" />
          <Button
            small
            testId="audit-revert"
            disabled={!writesNode}
            title={writesNode ? t('auditDetail.writeTheValueBefore') : t('auditDetail.onlyASetCreate')}
            onClick={() => onRevert(entry)}
          >
            {t('auditDetail.revertThisChange')}
          </Button>
          <Button
            small
            tone="ghost"
            testId="audit-detail-close"
            aria-label={t('auditDetail.closeTheEntry')}
            onClick={onClose}
          >
            ×
          </Button>
        </div>
        <AuditFacts entry={entry} onOpenGroup={onOpenGroup} onOpenEntry={onOpenEntry} />
      </div>
      <div className="audit-detail-diff">
        <div className="audit-diff-head">
          <span>{t('auditDetail.before')}</span>
          <span>{t('auditDetail.after')}</span>
        </div>
        {sentences.some(Boolean) && (
          <div className="audit-value-notes" data-testid="audit-value-notes">
            {sentences.filter(Boolean).map((sentence) => (
              <div key={sentence}>{sentence}</div>
            ))}
          </div>
        )}
        <div className="audit-diff">
          <DiffEditor
            original={auditValueText(entry.before, t, format)}
            modified={auditValueText(entry.after, t, format)}
            language={entryDiffLanguage(entry)}
            testId="audit-diff"
          />
        </div>
      </div>
    </section>
  );
}
