import type {
  AuditEntry,
  AuditExportFormat,
  AuditFilter,
  AuditPage,
  AuditQuery,
} from '../../../shared/model/audit.js';
import { AppError } from '../../../shared/errors.js';
import { SerialQueue } from '../storage/serial-queue.js';
import { parseAuditLine } from './audit.entry.js';
import { AUDIT_CSV_HEADER, auditCsvLine } from './audit.export.js';
import type { AuditLogNames } from './audit.files.js';
import { AuditIndex } from './audit.index.js';
import { catchUpIndex } from './audit.index.build.js';
import { loadAuditIndex, saveAuditIndex } from './audit.index.file.js';
import { pageOfIndex, scanIndex, type IndexFilter } from './audit.index.query.js';
import { readIndexedLines, StaleIndexError } from './audit.index.read.js';
import { parseAuditQuery } from './audit.query.js';

/** The index is written to disk again after this many new entries (and after a build, and on close). */
const PERSIST_EVERY = 10_000;
/** Entries read per page of a streamed export. */
const STREAM_PAGE = 2_000;

/** A snapshot of matching rows, newest first, with the index they point into. */
interface Matches {
  index: AuditIndex;
  rows: Uint32Array;
}

/**
 * Answers queries of the audit log from its index: loads the index kept beside the log (or builds it from
 * the log when it is missing, damaged or stale), catches it up with what any process appended since, and
 * reads only the entries a page returns, by offset. The log stays the source of truth.
 */
export class AuditCatalog {
  private readonly queue = new SerialQueue();
  private index: AuditIndex | null = null;
  /** Rows when the index was last written to disk. */
  private savedRows = -1;

  constructor(private readonly names: AuditLogNames) {}

  /** One page of the entries matching `query`, newest first, with how many match and how many there are. */
  async list(query: AuditQuery): Promise<AuditPage> {
    const parsed = parseAuditQuery(query);
    const { offset, limit, ...filter } = parsed;
    return this.withFreshIndex(async (index) => {
      const { rows, matched } = pageOfIndex(index, filter, offset, limit);
      return { entries: await this.entriesAt(index, rows), matched, total: index.lines };
    });
  }

  /** The entry with this seq; NOT_FOUND when the log has none. */
  async entry(seq: number): Promise<AuditEntry> {
    const found = await this.withFreshIndex(async (index) => {
      const row = index.rowOf(seq);
      return row === -1 ? [] : this.entriesAt(index, [row]);
    });
    const entry = found[0];
    if (entry === undefined) throw new AppError('NOT_FOUND', `The audit log has no entry ${seq}.`);
    return entry;
  }

  /** Every entry of one sync, in the order written. */
  async group(syncId: string): Promise<AuditEntry[]> {
    return this.withFreshIndex(async (index) => {
      const rows: number[] = [];
      scanIndex(index, { syncId }, (row) => rows.push(row) > 0);
      return (await this.entriesAt(index, rows)).reverse();
    });
  }

  /** The rows matching a filter, newest first, with the index they point into (for an export). */
  private matches(filter: IndexFilter): Promise<Matches> {
    return this.withFreshIndex(async (index) => {
      const rows: number[] = [];
      scanIndex(index, filter, (row) => rows.push(row) > 0);
      return { index, rows: Uint32Array.from(rows) };
    });
  }

  /**
   * The filtered entries newest first as export lines (a CSV header first), page by page, at most `max`
   * entries; `onMatched` hears how many match in all before the first line.
   */
  async *exportLines(
    filter: AuditFilter,
    format: AuditExportFormat,
    max = Number.POSITIVE_INFINITY,
    onMatched?: (matched: number) => void,
  ): AsyncGenerator<string> {
    const { offset: _offset, limit: _limit, ...parsed } = parseAuditQuery(filter);
    const { index, rows } = await this.matches(parsed);
    onMatched?.(rows.length);
    if (format === 'csv') yield AUDIT_CSV_HEADER;
    const end = Math.min(rows.length, max);
    for (let start = 0; start < end; start += STREAM_PAGE) {
      const page = Array.from(rows.subarray(start, Math.min(end, start + STREAM_PAGE)));
      const lines = await this.linesAt(index, page);
      for (const text of lines) {
        if (format === 'jsonl') {
          yield text;
          continue;
        }
        const parsedLine = parseAuditLine(text);
        if (parsedLine.ok) yield auditCsvLine(parsedLine.entry);
      }
    }
  }

  /** Writes the index to disk when entries were added since it was last written. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.index !== null && this.index.rows !== this.savedRows) await this.save(this.index);
    });
  }

  /** Runs a read against an index caught up with the log; rebuilds it once when the log moved under it. */
  private withFreshIndex<T>(read: (index: AuditIndex) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      const index = await this.fresh();
      try {
        return await read(index);
      } catch (error) {
        if (!(error instanceof StaleIndexError)) throw error;
        return read(await this.rebuild());
      }
    });
  }

  private async fresh(): Promise<AuditIndex> {
    const files = await this.listFiles();
    let loadedNow = false;
    if (this.index === null) {
      const loaded = await loadAuditIndex(this.names.indexPath).catch(() => null);
      if (loaded === null || !(await this.lastStillThere(loaded))) return this.rebuild(files);
      this.index = loaded;
      this.savedRows = loaded.rows;
      loadedNow = true;
    }
    const outcome = await catchUpIndex(this.index, files);
    if (outcome.stale !== null) return this.rebuild(files);
    // Written again after catching up on load (the next start need not read those entries again) and every
    // PERSIST_EVERY entries; the rest when the store closes.
    const behind = this.index.rows - this.savedRows;
    if ((loadedNow && behind > 0) || behind >= PERSIST_EVERY) await this.save(this.index);
    return this.index;
  }

  /** Builds the index from the whole log and writes it to disk. */
  private async rebuild(known?: Awaited<ReturnType<AuditLogNames['list']>>): Promise<AuditIndex> {
    const index = new AuditIndex();
    const outcome = await catchUpIndex(index, known ?? (await this.listFiles()));
    if (outcome.stale !== null) throw new AppError('INTERNAL', `The audit log changed while it was indexed.`);
    this.index = index;
    await this.save(index);
    return index;
  }

  /** Whether the last entry a loaded index covers is still in the log, byte for byte where it was. */
  private async lastStillThere(index: AuditIndex): Promise<boolean> {
    const last = index.last;
    if (last === null) return index.rows === 0;
    const row = index.rows - 1;
    if (index.file[row] !== last.file || index.offset[row] !== last.offset) return false;
    try {
      const [text] = await readIndexedLines(index, [row], (file) => this.names.path(file));
      const parsed = JSON.parse(text ?? '') as { hash?: unknown };
      return parsed.hash === last.hash;
    } catch {
      return false;
    }
  }

  private async save(index: AuditIndex): Promise<void> {
    try {
      await saveAuditIndex(this.names.indexPath, index);
      this.savedRows = index.rows;
    } catch {
      // The index is a cache of the log: when it cannot be written (a full disk), the next start rebuilds it.
    }
  }

  private async listFiles(): Promise<Awaited<ReturnType<AuditLogNames['list']>>> {
    try {
      return await this.names.list();
    } catch (error) {
      throw new AppError(
        'INTERNAL',
        `Cannot read the audit log directory ${this.names.dir}: ${describe(error)}.`,
      );
    }
  }

  private linesAt(index: AuditIndex, rows: readonly number[]): Promise<string[]> {
    return readIndexedLines(index, rows, (file) => this.names.path(file));
  }

  /** The entries of `rows` in order; a line that is not the entry the index says means the index is stale. */
  private async entriesAt(index: AuditIndex, rows: readonly number[]): Promise<AuditEntry[]> {
    const lines = await this.linesAt(index, rows);
    const entries: AuditEntry[] = [];
    for (let at = 0; at < rows.length; at += 1) {
      const parsed = parseAuditLine(lines[at]!);
      if (!parsed.ok) continue;
      if (parsed.entry.seq !== index.seq[rows[at]!]) throw new StaleIndexError('an indexed entry changed');
      entries.push(parsed.entry);
    }
    return entries;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
