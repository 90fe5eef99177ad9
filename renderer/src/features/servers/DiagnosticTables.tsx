import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type {
  DiagnosticCell,
  DiagnosticColumn,
  DiagnosticTable,
} from '../../../../shared/model/diagnostics.js';
import { DataTable } from '../../components/DataTable.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import { DiagnosticNotes, FixLine } from './DiagnosticNotes.js';
import { formatCell } from './servers-summary.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

const NUMERIC = new Set<DiagnosticColumn['format']>(['count', 'bytes', 'ms']);

/** One table of facts, or the sentence saying why the store cannot fill it (never empty rows reading as nobody). */
function DiagnosticTableView({ table }: { table: DiagnosticTable }) {
  const format = useFormat();

  const { t } = useTranslation('servers');
  const labels = useCoreLabels();
  const say = useCoreSentence();

  return (
    <section
      className="diagnostic-table"
      data-testid="diagnostic-table"
      data-id={table.id}
      data-available={table.available}
    >
      <div className="section-title caps-title">
        {labels.tableTitle(table)}
        {table.available ? ` (${format.count(table.rows.length + (table.more ?? 0))})` : ''}
      </div>
      {!table.available ? (
        <div className="pad warn-text" data-testid="diagnostic-unavailable">
          {table.reason ? say(table.reason.message) : t('diagnosticTableView.theStoreCannotTell')}
          {table.reason?.fix && (
            <div>
              <FixLine fix={table.reason.fix} />
            </div>
          )}
        </div>
      ) : table.rows.length === 0 ? (
        <div className="pad muted" data-testid="diagnostic-empty">
          {t('diagnosticTableView.none')}
        </div>
      ) : (
        <DataTable<Record<string, DiagnosticCell>>
          className="data-table registry-table"
          rows={table.rows}
          columns={table.columns.map((column) => ({
            header: labels.column(table, column),
            headerClassName: NUMERIC.has(column.format) ? 'num' : undefined,
            className:
              column.format === 'mono'
                ? 'mono'
                : column.format === 'text' || column.format === 'time'
                  ? undefined
                  : 'num',
            cell: (row) =>
              formatCell(row[column.key] ?? null, column.format, format, {
                yes: t('cell.yes'),
                no: t('cell.no'),
                sentence: say,
              }),
          }))}
          rowKey={(_, index) => index}
          rowProps={() => ({ 'data-testid': 'diagnostic-row' })}
        />
      )}
      {table.more !== null && table.more > 0 && (
        <div className="pad faint">
          {t('diagnosticTableView.moreNotShown', { n: format.count(table.more) })}
        </div>
      )}
      <DiagnosticNotes notes={table.notes} />
    </section>
  );
}

export function DiagnosticTables({ tables }: { tables: readonly DiagnosticTable[] }) {
  return (
    <>
      {tables.map((table) => (
        <DiagnosticTableView key={table.id} table={table} />
      ))}
    </>
  );
}
