import type {
  DiagnosticCell,
  DiagnosticColumn,
  MemberMetric,
  ServersReport,
} from '../../../../shared/model/diagnostics.js';
import type { LocaleFormats } from '../../i18n/locale-formats.js';

export interface ServersSummary {
  up: number;
  total: number;
  tone: 'ok' | 'warn' | 'bad';
}

/** How many members answer: red when any is down (or none is known), amber when they disagree. */
export function serversSummary(report: ServersReport): ServersSummary {
  const total = report.members.length;
  const up = report.members.filter((m) => m.up).length;
  const tone = total === 0 || up < total ? 'bad' : report.disagreements.length > 0 ? 'warn' : 'ok';
  return { up, total, tone };
}

/** A member's figure as shown in the UI's locale: bytes, milliseconds, counts with separators, text as is. */
export function formatMetric(metric: MemberMetric, format: LocaleFormats): string {
  const { value, unit } = metric;
  if (typeof value === 'string') return value;
  if (unit === 'bytes') return format.bytes(value);
  if (unit === 'ms') return `${format.count(value)} ms`;
  if (unit === 'text') return String(value);
  return format.count(value);
}

/** How a cell's words read in the UI's language: yes and no, and the core's sentences in text cells. */
export interface CellWords {
  yes: string;
  no: string;
  sentence: (core: string) => string;
}

/** A diagnostics cell in its column's format. */
export function formatCell(
  value: DiagnosticCell,
  format: DiagnosticColumn['format'],
  locale: LocaleFormats,
  words: CellWords,
): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') {
    if (format === 'time') {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date.toLocaleString('sv-SE');
    }
    return words.sentence(value);
  }
  if (format === 'bytes') return locale.bytes(value);
  if (format === 'ms') return `${locale.count(value)} ms`;
  if (format === 'time') return new Date(value).toLocaleString('sv-SE');
  if (format === 'count') return locale.count(value);
  return String(value);
}

/** A lease's remaining time in the locale (`12 min 5 sec`); `expired` (in the UI's words) at or below zero. */
export function formatTtl(seconds: number, format: LocaleFormats, expired: string): string {
  return seconds <= 0 ? expired : format.duration(seconds);
}
