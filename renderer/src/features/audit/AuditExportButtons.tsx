import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import { AUDIT_EXPORT_FORMATS, type AuditFilter } from '../../../../shared/model/audit.js';
import { useAuditExport } from '../../api/useAuditExport.js';
import { Button } from '../../components/Button.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
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
  const { t } = useTranslation('audit');
  const locale = useFormat();
  const { sentence } = useDescribeError();

  const exporter = useAuditExport();
  const run = (format: (typeof AUDIT_EXPORT_FORMATS)[number]) => {
    onNotice(null);
    exporter.mutate(
      { filter, format },
      {
        onSuccess: (result) => {
          const fileName = auditExportFileName(format, Date.now());
          downloadText(result.text, fileName, EXPORT_MIME[format]);
          onNotice({
            text: exportSentence(result, format, fileName, t, locale),
            truncated: result.truncated,
            ok: true,
          });
        },
        onError: (error) => onNotice({ text: sentence(error), truncated: false, ok: false }),
      },
    );
  };
  return (
    <span className="audit-export" role="group" aria-label={t('auditExportButtons.exportTheFilteredEntries')}>
      {AUDIT_EXPORT_FORMATS.map((format) => (
        <Button
          key={format}
          small
          testId={`audit-export-${format}`}
          disabled={disabled || exporter.isPending}
          title={t('auditExportButtons.downloadTheEntriesMatching', {
            value: format === 'csv' ? t('auditExportButtons.csv') : t('auditExportButtons.jsonLines'),
          })}
          onClick={() => run(format)}
        >
          {t('auditExportButtons.export')}{' '}
          {format === 'csv' ? t('auditExportButtons.csv') : t('auditExportButtons.jsonl')}
        </Button>
      ))}
      {exporter.isPending && <span className="muted">{t('auditExportButtons.exporting')}</span>}
    </span>
  );
}
