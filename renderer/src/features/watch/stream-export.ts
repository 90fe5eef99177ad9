import type { StreamEvent } from '../../../../shared/model/event-stream.js';
import { CSV_HEADER, csvRow, ndjsonLine, streamRecord } from '../../../../shared/model/stream-records.js';

export type ExportFormat = 'ndjson' | 'csv';

/** The events (oldest first) of a stream rooted at `root` as an NDJSON or CSV file's text. */
export function exportText(events: readonly StreamEvent[], root: string, format: ExportFormat): string {
  const records = events.map((event) => streamRecord(event, root));
  if (format === 'ndjson') return records.map((record) => `${ndjsonLine(record)}\n`).join('');
  return [CSV_HEADER, ...records.map(csvRow)].join('\r\n') + '\r\n';
}

/** A file name for an export: `watch-app-config-20260102-120304.ndjson`. */
export function exportFileName(root: string, format: ExportFormat, nowMs: number): string {
  const slug = root === '/' ? 'root' : root.replace(/^\/+/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  const d = new Date(nowMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `watch-${slug.slice(0, 60)}-${stamp}.${format}`;
}

/** Saves text as a file through a Blob link (the browser's download, Electron's save). */
export function downloadText(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the data by the next turn; the URL is then only memory held.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
