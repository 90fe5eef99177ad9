// The client bench's table: per line, wall time, the case process's CPU time and its peak memory for each client,
// and ours over the best floor (the lowest of the floors' figures, row by row).
import { LINES, type LineFigures, type LineName } from './zookeeper.clients.lines.js';
import type { ClientName } from './zk-clients/zk-bench-client.js';

export interface Column {
  name: ClientName;
  label: string;
  floor: boolean;
}

export type Results = ReadonlyMap<LineName, ReadonlyMap<ClientName, LineFigures>>;

const OURS: ClientName = 'configdeck';
const LABEL_WIDTH = 38;

function best(figures: LineFigures[], of: (f: LineFigures) => number): number {
  return Math.min(...figures.map(of));
}

function ratio(ours: number | undefined, floor: number): string {
  return ours === undefined || !(floor > 0) ? '—' : `${(ours / floor).toFixed(2)}x`;
}

export function renderTable(columns: Column[], results: Results): string[] {
  const widths = columns.map((column) => Math.max(column.label.length, 8) + 2);
  const ratioHeading = `${OURS} / best floor`;
  const cells = (values: string[], last: string): string =>
    values.map((value, i) => value.padStart(widths[i]!)).join('') + last.padStart(ratioHeading.length + 2);
  const out = [
    ''.padEnd(LABEL_WIDTH + 7) +
      cells(
        columns.map((c) => c.label),
        ratioHeading,
      ),
  ];
  for (const { name, label } of LINES) {
    const line = results.get(name);
    if (line === undefined) continue;
    const floors = columns.filter((c) => c.floor).flatMap((c) => line.get(c.name) ?? []);
    const ours = line.get(OURS);
    for (const [unit, of, digits] of [
      ['ms', (f: LineFigures) => f.ms, 1],
      ['CPU ms', (f: LineFigures) => f.cpuMs, 0],
      ['MiB', (f: LineFigures) => f.peakRssMb, 0],
    ] as const) {
      const values = columns.map((c) => {
        const figures = line.get(c.name);
        return figures === undefined ? '—' : of(figures).toFixed(digits);
      });
      const head = unit === 'ms' ? label : '';
      out.push(
        `${head.padEnd(LABEL_WIDTH)} ${unit.padEnd(6)}` +
          cells(values, ratio(ours === undefined ? undefined : of(ours), best(floors, of))),
      );
    }
  }
  return out;
}

/** Line c as requests per second: the fastest floor's, and ours. */
export function requestsPerSecond(columns: Column[], results: Results): string {
  const line = results.get('values');
  if (line === undefined) return '';
  const rate = (f: LineFigures): string =>
    `${Math.round(f.requests / (f.ms / 1000)).toLocaleString('en-US')} req/s`;
  const floors = columns.filter((c) => c.floor && line.has(c.name));
  const fastest = floors.reduce((a, b) => (line.get(a.name)!.ms <= line.get(b.name)!.ms ? a : b));
  const ours = line.get(OURS);
  const oursText = ours === undefined ? 'not measured' : rate(ours);
  return `c. getData: ${fastest.label} (fastest floor) ${rate(line.get(fastest.name)!)}; ${OURS} ${oursText}`;
}

/** One sentence for every line that ran differently for some client. */
export function notes(columns: Column[], results: Results): string[] {
  const out: string[] = [];
  for (const { name, label } of LINES) {
    for (const column of columns) {
      const note = results.get(name)?.get(column.name)?.note;
      if (note !== undefined) out.push(`${label.split(' ')[0]} ${column.label}: ${note}.`);
    }
  }
  return out;
}
