import { mkdir, open } from 'node:fs/promises';
import type {
  AuditEntry,
  AuditExport,
  AuditExportFormat,
  AuditFilter,
  AuditPage,
  AuditQuery,
  AuditVerifyProgress,
  AuditVerifyResult,
} from '../../../shared/model/audit.js';
import { AUDIT_EXPORT_MAX } from '../../../shared/model/audit.js';
import { AppError } from '../../../shared/errors.js';
import { syncDirectory } from '../storage/json-file.js';
import { SerialQueue } from '../storage/serial-queue.js';
import { withFileLock } from '../storage/file-lock.js';
import { AuditCatalog } from './audit.catalog.js';
import { canonicalJson } from './audit.entry.js';
import { AUDIT_MAX_FILE_BYTES, AuditLogNames, sizeOf } from './audit.files.js';
import { auditIdentity, type AuditIdentity } from './audit.identity.js';
import { buildAuditEntry, type AuditRecord } from './audit.record.js';
import { loadLogTail, type LogTail } from './audit.log-tail.js';
import { verifyAuditLog } from './audit.verify.js';

export type { AuditRecord } from './audit.record.js';

export interface AuditStoreOptions {
  /** Who and where; defaults to the OS user and host name. */
  identity?: AuditIdentity;
  /** Time source for entries and torn-tail copies (tests). */
  clock?: () => Date;
  /** Past this size the log continues in a new file (default 64 MiB; at most 2 GiB, offsets are 32-bit). */
  maxFileBytes?: number;
}

const MAX_FILE_BYTES_LIMIT = 2 ** 31;

/**
 * The local audit log: append-only JSON Lines (<dataDir>/audit/audit.jsonl, continued in audit.000002.jsonl,
 * … once a file passes `maxFileBytes`), one hash-chained entry per line, the chain running on across files.
 * Each append is written in one write and fsynced before it resolves. Appends from concurrent callers go
 * through one queue per store and, across processes, a lock on the base file's path (whichever file is
 * active), so they never interleave. The log is opened (and a torn tail repaired) by `AuditStore.open`, or
 * lazily by the first append or verify of a store built with `new`. Queries go through the index beside it.
 */
export class AuditStore {
  private readonly queue = new SerialQueue();
  private readonly identity: AuditIdentity;
  private readonly clock: () => Date;
  private readonly maxFileBytes: number;
  private readonly names: AuditLogNames;
  private readonly catalog: AuditCatalog;
  /** Where the chain continues; null until the log is opened. */
  private tail: LogTail | null = null;

  constructor(
    readonly filePath: string,
    options: AuditStoreOptions = {},
  ) {
    this.identity = options.identity ?? auditIdentity();
    this.clock = options.clock ?? (() => new Date());
    this.maxFileBytes = options.maxFileBytes ?? AUDIT_MAX_FILE_BYTES;
    if (!(this.maxFileBytes > 0 && this.maxFileBytes <= MAX_FILE_BYTES_LIMIT)) {
      throw new AppError('INVALID_INPUT', `The audit log's file size must be between 1 byte and 2 GiB.`);
    }
    this.names = new AuditLogNames(filePath);
    this.catalog = new AuditCatalog(this.names);
  }

  /** Opens (creating its directory if needed) the log and repairs a tail torn by a crash mid-append. */
  static async open(filePath: string, options: AuditStoreOptions = {}): Promise<AuditStore> {
    const store = new AuditStore(filePath, options);
    await store.locked(() => store.refreshTail());
    return store;
  }

  /** Where opening (or a later append) found torn bytes and kept them, or null. */
  get tornCopy(): string | null {
    return this.tail?.tornCopy ?? null;
  }

  /** Appends one entry durably and returns it as written. */
  async append(record: AuditRecord): Promise<AuditEntry> {
    const [entry] = await this.appendMany([record]);
    return entry!;
  }

  /**
   * Appends entries in order, chained, in one write and one fsync (the writes of one transaction):
   * all of them are durable when it resolves, and none when it rejects. A batch is never split across files.
   */
  appendMany(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    // The queue orders this process's appends; the file lock keeps other processes' appends out meanwhile.
    return this.locked(() => this.appendLocked(records));
  }

  /** Chains and writes entries after the last one on disk (re-read when another process appended). */
  private async appendLocked(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    const tail = await this.refreshTail();
    if (tail.problem !== null) throw new AppError('INTERNAL', tail.problem);
    const entries: AuditEntry[] = [];
    let { seq, hash } = tail;
    for (const record of records) {
      const time = this.clock();
      const entry = buildAuditEntry(record, {
        seq: seq + 1,
        prevHash: hash,
        time,
        identity: this.identity,
      });
      entries.push(entry);
      ({ seq, hash } = entry);
    }
    const bytes = Buffer.from(entries.map((entry) => `${canonicalJson(entry)}\n`).join(''), 'utf8');
    // A file that already holds entries and would pass the size is closed: the batch starts the next one.
    const rotate = tail.size > 0 && tail.size + bytes.length > this.maxFileBytes;
    const file = rotate ? tail.file + 1 : tail.file;
    const size = rotate ? 0 : tail.size;
    await this.writeLines(this.names.path(file), bytes, size);
    this.tail = { ...tail, file, size: size + bytes.length, seq, hash };
    return entries;
  }

  /** One page of the entries matching `query`, newest first, with how many match and how many there are. */
  list(query: AuditQuery): Promise<AuditPage> {
    return this.catalog.list(query);
  }

  /** The entry with this seq; NOT_FOUND when the log has none. */
  entry(seq: number): Promise<AuditEntry> {
    return this.catalog.entry(seq);
  }

  /** Every entry of one sync, in the order written. */
  group(syncId: string): Promise<AuditEntry[]> {
    return this.catalog.group(syncId);
  }

  /** The filtered entries, newest first, as JSON Lines (the log's own lines) or CSV; at most `max` (AUDIT_EXPORT_MAX). */
  async export(filter: AuditFilter, format: AuditExportFormat, max = AUDIT_EXPORT_MAX): Promise<AuditExport> {
    let matched = 0;
    const lines: string[] = [];
    for await (const line of this.catalog.exportLines(filter, format, max, (n) => (matched = n))) {
      lines.push(line);
    }
    const count = format === 'csv' ? lines.length - 1 : lines.length;
    return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, count, truncated: matched > count };
  }

  /**
   * Every filtered entry (or the newest `max`), newest first, as export lines (a CSV header first), read
   * page by page: the CLI streams any number of them.
   */
  exportLines(filter: AuditFilter, format: AuditExportFormat, max?: number): AsyncGenerator<string> {
    return this.catalog.exportLines(filter, format, max);
  }

  /**
   * Recomputes the whole chain across every file and reports the first broken entry. The log's lock is held
   * only to repair a torn tail and list the files: the check itself reads each file up to the size it had
   * then, so appends (this process's and others') go on during a long verify instead of waiting for it.
   */
  async verify(onProgress?: (progress: AuditVerifyProgress) => void): Promise<AuditVerifyResult> {
    const files = await this.locked(async () => {
      await this.refreshTail();
      try {
        return await this.names.list();
      } catch (error) {
        throw new AppError('INTERNAL', `Cannot read the audit log: ${describe(error)}.`);
      }
    });
    return verifyAuditLog(files, onProgress);
  }

  /** Writes the index to disk (so the next start need not read the log) . */
  close(): Promise<void> {
    return this.catalog.close();
  }

  /**
   * Runs a task that reads or repairs the end of the log or appends to it: this process's tasks one after
   * another (the queue), and none while another process holds the log's lock (a torn-looking line may
   * be another process's append in progress). The lock is on the base file's path whichever file is active.
   */
  private locked<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(() => withFileLock(this.filePath, 'the audit log', task));
  }

  /** One write of the whole line(s), then fsync; a failed or short write is cut off again. */
  private async writeLines(path: string, bytes: Buffer, size: number): Promise<void> {
    const created = size === 0;
    let handle;
    try {
      handle = await open(path, 'a', 0o600);
    } catch (error) {
      throw new AppError('INTERNAL', `Cannot open the audit log ${path}: ${describe(error)}.`);
    }
    try {
      const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
      if (bytesWritten !== bytes.length) {
        throw new Error(`only ${bytesWritten} of ${bytes.length} bytes were written`);
      }
      await handle.sync();
    } catch (error) {
      await handle.truncate(size).catch(() => undefined);
      throw new AppError('INTERNAL', `Cannot write to the audit log ${path}: ${describe(error)}.`);
    } finally {
      await handle.close();
    }
    if (created) await syncDirectory(this.names.dir);
  }

  /**
   * Opens the log on first use; later, re-reads the tail only when the active file's size is not the one we
   * left or a next file appeared (another process, such as the CLI, appended, rotated or crashed mid-append).
   */
  private async refreshTail(): Promise<LogTail> {
    if (this.tail !== null) {
      try {
        const size = (await sizeOf(this.names.path(this.tail.file))) ?? 0;
        const next = await sizeOf(this.names.path(this.tail.file + 1));
        if (size === this.tail.size && next === null) return this.tail;
      } catch (error) {
        throw new AppError('INTERNAL', `Cannot read the audit log: ${describe(error)}.`);
      }
    }
    try {
      await mkdir(this.names.dir, { recursive: true, mode: 0o700 });
      this.tail = await loadLogTail(this.names, this.clock);
    } catch (error) {
      throw new AppError('INTERNAL', `Cannot read the audit log ${this.filePath}: ${describe(error)}.`);
    }
    return this.tail;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
