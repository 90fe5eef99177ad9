import type {
  DiagnosticCell,
  DiagnosticColumn,
  MemberMetric,
  ServersReport,
} from '../../../../shared/model/diagnostics.js';
import { formatBytes, formatCount } from '../../lib/format-bytes.js';

export interface ServersSummary {
  up: number;
  total: number;
  /** `3/3 up`, `2/3 up`. */
  text: string;
  tone: 'ok' | 'warn' | 'bad';
}

/** How many members answer: red when any is down (or none is known), amber when they disagree. */
export function serversSummary(report: ServersReport): ServersSummary {
  const total = report.members.length;
  const up = report.members.filter((m) => m.up).length;
  const tone = total === 0 || up < total ? 'bad' : report.disagreements.length > 0 ? 'warn' : 'ok';
  return { up, total, text: `${up}/${total} up`, tone };
}

/** A member's figure as shown: bytes, milliseconds, counts with separators, text as is. */
export function formatMetric(metric: MemberMetric): string {
  const { value, unit } = metric;
  if (typeof value === 'string') return value;
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'ms') return `${formatCount(value)} ms`;
  if (unit === 'text') return String(value);
  return formatCount(value);
}

/** A diagnostics cell in its column's format. */
export function formatCell(value: DiagnosticCell, format: DiagnosticColumn['format']): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (format === 'time') {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date.toLocaleString('sv-SE');
    }
    return value;
  }
  if (format === 'bytes') return formatBytes(value);
  if (format === 'ms') return `${formatCount(value)} ms`;
  if (format === 'time') return new Date(value).toLocaleString('sv-SE');
  if (format === 'count') return formatCount(value);
  return String(value);
}

/** A remaining time in words: `45 s`, `12 min 5 s`, `2 h 3 min`; `expired` at or below zero. */
export function formatTtl(seconds: number): string {
  if (seconds <= 0) return 'expired';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}
