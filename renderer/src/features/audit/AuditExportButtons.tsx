import { AUDIT_EXPORT_FORMATS, type AuditFilter } from '../../../../shared/model/audit.js';
import { useAuditExport } from '../../api/useAuditExport.js';
import { Button } from '../../components/Button.js';
import { describeError } from '../../errors/error-messages.js';
import { downloadText } from '../watch/stream-export.js';
import { EXPORT_MIME, auditExportFileName, exportSentence } from './audit-export.js';

/** What an export said: its sentence, and whether it carried fewer than matched. */
export interface ExportNotice {
  text: string;
  truncated: boolean;
  ok: boolean;
}

interface Props {
  filter: AuditFilter;
  /** Nothing matches: nothing to export. */
  disabled: boolean;
  /** Told what the export carried (or why it failed), and null when a new one starts. */
  onNotice: (notice: ExportNotice | null) => void;
}

/** Exports the entries the filters match as a JSON Lines or CSV file, and says what it carried. */
export function AuditExportButtons({ filter, disabled, onNotice }: Props) {
  const exporter = useAuditExport();
  const run = (format: (typeof AUDIT_EXPORT_FORMATS)[number]) => {
    onNotice(null);
    exporter.mutate(
      { filter, format },
      {
        onSuccess: (result) => {
          const fileName = auditExportFileName(format, Date.now());
          downloadText(result.text, fileName, EXPORT_MIME[format]);
          onNotice({ text: exportSentence(result, format, fileName), truncated: result.truncated, ok: true });
        },
        onError: (error) => onNotice({ text: describeError(error).message, truncated: false, ok: false }),
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
    </span>
  );
}
