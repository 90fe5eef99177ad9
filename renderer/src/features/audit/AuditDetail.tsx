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
  const sentences = [
    valueSentence('before', entry.before, entry),
    valueSentence('after', entry.after, entry),
  ];
  const writesNode =
    entry.operation === 'set' || entry.operation === 'create' || entry.operation === 'delete';
  return (
    <section
      className="audit-detail"
      data-testid="audit-detail"
      data-seq={entry.seq}
      aria-label={`Audit entry ${entry.seq}`}
    >
      <div className="audit-detail-side">
        <div className="audit-detail-actions">
          <b>
            #{entry.seq} {entry.operation}
          </b>
          <span className="spacer" />
          <Button
            small
            testId="audit-revert"
            disabled={!writesNode}
            title={
              writesNode
                ? 'Write the value before back, if the node is still as this entry left it'
                : 'Only a set, create or delete of one node can be reverted'
            }
            onClick={() => onRevert(entry)}
          >
            Revert this change
          </Button>
          <Button
            small
            tone="ghost"
            testId="audit-detail-close"
            aria-label="Close the entry"
            onClick={onClose}
          >
            ×
          </Button>
        </div>
        <AuditFacts entry={entry} onOpenGroup={onOpenGroup} onOpenEntry={onOpenEntry} />
      </div>
      <div className="audit-detail-diff">
        <div className="audit-diff-head">
          <span>Before</span>
          <span>After</span>
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
            original={auditValueText(entry.before)}
            modified={auditValueText(entry.after)}
            language={entryDiffLanguage(entry)}
            testId="audit-diff"
          />
        </div>
      </div>
    </section>
  );
}
