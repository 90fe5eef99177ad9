import type { AuditEntry } from '../../../../shared/model/audit.js';
import { auditValueSummary, auditValueText } from '../../lib/audit-value.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';

/** One audit entry: facts, and the value before (left) and after (right). */
export function AuditDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const details = entry.details ? Object.entries(entry.details) : [];
  return (
    <div className="audit-detail" data-testid="audit-detail" data-seq={entry.seq}>
      <div className="audit-detail-head">
        <b>
          #{entry.seq} {entry.operation}
        </b>
        <span className="mono">{entry.path}</span>
        <span className="muted">
          {entry.connection.name} ({entry.connection.kind}, {entry.connection.endpoints.join(', ')})
        </span>
        {details.map(([key, value]) => (
          <span key={key} className="muted">
            {key}: {String(value)}
          </span>
        ))}
        <span className="spacer" />
        <span className="muted">
          before {auditValueSummary(entry.before)} · after {auditValueSummary(entry.after)}
        </span>
        <button className="btn btn-sm" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="audit-diff">
        <DiffEditor
          original={auditValueText(entry.before)}
          modified={auditValueText(entry.after)}
          language="plaintext"
          testId="audit-diff"
        />
      </div>
    </div>
  );
}
