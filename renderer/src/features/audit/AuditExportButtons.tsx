import { useState } from 'react';
import { AUDIT_EXPORT_FORMATS, type AuditFilter } from '../../../../shared/model/audit.js';
import { useAuditExport } from '../../api/useAuditExport.js';
import { Button } from '../../components/Button.js';
import { describeError } from '../../errors/error-messages.js';
import { downloadText } from '../watch/stream-export.js';
import { EXPORT_MIME, auditExportFileName, exportSentence } from './audit-export.js';

interface Props {
  filter: AuditFilter;
  /** Nothing matches: nothing to export. */
  disabled: boolean;
}

/** Exports the entries the filters match as a JSON Lines or CSV file, and says what it carried. */
export function AuditExportButtons({ filter, disabled }: Props) {
  const exporter = useAuditExport();
  const [said, setSaid] = useState<{ text: string; truncated: boolean } | null>(null);
  const run = (format: (typeof AUDIT_EXPORT_FORMATS)[number]) => {
    setSaid(null);
    exporter.mutate(
      { filter, format },
      {
        onSuccess: (result) => {
          const fileName = auditExportFileName(format, Date.now());
          downloadText(result.text, fileName, EXPORT_MIME[format]);
          setSaid({ text: exportSentence(result, format, fileName), truncated: result.truncated });
        },
      },
    );
  };
  return (
    <span className="audit-export" role="group" aria-label="Export the filtered entries">
      {AUDIT_EXPORT_FORMATS.map((format) => (
        <Button
          key={format}
          small
          testId={`audit-export-${format}`}
          disabled={disabled || exporter.isPending}
          title={`Download the entries matching the filters as ${format === 'csv' ? 'CSV' : 'JSON Lines'}`}
          onClick={() => run(format)}
        >
          Export {format === 'csv' ? 'CSV' : 'JSONL'}
        </Button>
      ))}
      {exporter.isPending && <span className="muted">Exporting…</span>}
      {exporter.isError && (
        <span className="audit-error-text" data-testid="audit-export-result" data-ok="false">
          {describeError(exporter.error).message}
        </span>
      )}
      {said && (
        <span
          className={said.truncated ? 'warn-text' : 'muted'}
          data-testid="audit-export-result"
          data-truncated={said.truncated}
          title={said.text}
        >
          {said.text}
        </span>
      )}
    </span>
  );
}
