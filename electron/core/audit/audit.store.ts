import { mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
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
import { AppError } from '../../../shared/errors.js';
import { errnoCode, syncDirectory } from '../storage/json-file.js';
import { SerialQueue } from '../storage/serial-queue.js';
import { withFileLock } from '../storage/file-lock.js';
import { canonicalJson } from './audit.entry.js';
import { auditIdentity, type AuditIdentity } from './audit.identity.js';
import { queryAuditFile } from './audit.query.js';
import { buildAuditEntry, type AuditRecord } from './audit.record.js';
import { loadAuditTail, type AuditTail } from './audit.tail.js';
import { verifyAuditFile } from './audit.verify.js';

export type { AuditRecord } from './audit.record.js';

export interface AuditStoreOptions {
  /** Who and where; defaults to the OS user and host name. */
  identity?: AuditIdentity;
  /** Time source for entries and torn-tail copies (tests). */
  clock?: () => Date;
}

/**
 * The local audit log: append-only JSON Lines (<dataDir>/audit/audit.jsonl), one hash-chained entry per
 * line, each append written in one write and fsynced before it resolves. Appends from concurrent callers
 * go through one queue per store and, across processes, a lock on the file, so they never interleave. The log is opened (and a torn tail repaired)
 * by `AuditStore.open`, or lazily by the first append or verify of a store built with `new`.
 */
export class AuditStore {
  private readonly queue = new SerialQueue();
  private readonly identity: AuditIdentity;
  private readonly clock: () => Date;
  /** Where the chain continues; null until the log is opened. */
  private tail: AuditTail | null = null;

  constructor(
    readonly filePath: string,
    options: AuditStoreOptions = {},
  ) {
    this.identity = options.identity ?? auditIdentity();
    this.clock = options.clock ?? (() => new Date());
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
   * all of them are durable when it resolves, and none when it rejects.
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
    await this.writeLine(bytes, tail.size);
    this.tail = { ...tail, size: tail.size + bytes.length, seq, hash };
    return entries;
  }

  /** One page of the entries matching `query`, newest first, with how many match. */
  list(query: AuditQuery): Promise<AuditPage> {
    return queryAuditFile(this.filePath, query);
  }

  /** The entry with this seq; NOT_FOUND when the log has none. */
  async entry(seq: number): Promise<AuditEntry> {
    // Placeholder until the index: a scan of the log.
    const page = await queryAuditFile(this.filePath, { limit: 10000 });
    const found = page.entries.find((entry) => entry.seq === seq);
    if (!found) throw new AppError('NOT_FOUND', `The audit log has no entry ${seq}.`);
    return found;
  }

  /** Every entry of one sync, in the order written. */
  async group(syncId: string): Promise<AuditEntry[]> {
    const page = await queryAuditFile(this.filePath, { syncId, limit: 10000 });
    return page.entries.reverse();
  }

  /** The filtered entries as JSON Lines or CSV. */
  export(_filter: AuditFilter, _format: AuditExportFormat): Promise<AuditExport> {
    return Promise.reject(new AppError('UNSUPPORTED', 'Exporting the audit log is not built yet.'));
  }

  /** Recomputes the whole chain and reports the first broken entry. */
  verify(_onProgress?: (progress: AuditVerifyProgress) => void): Promise<AuditVerifyResult> {
    // Locked so a verify never sees an append half-way; a torn tail is repaired first, as on open.
    return this.locked(async () => {
      await this.refreshTail();
      return verifyAuditFile(this.filePath);
    });
  }

  /**
   * Runs a task that reads or repairs the end of the log or appends to it: this process's tasks one after
   * another (the queue), and none while another process holds the file's lock (a torn-looking line may
   * be another process's append in progress).
   */
  private locked<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(() => withFileLock(this.filePath, 'the audit log', task));
  }

  /** One write of the whole line(s), then fsync; a failed or short write is cut off again. */
  private async writeLine(bytes: Buffer, size: number): Promise<void> {
    const created = size === 0;
    let handle;
    try {
      handle = await open(this.filePath, 'a', 0o600);
    } catch (error) {
      throw new AppError('INTERNAL', `Cannot open the audit log ${this.filePath}: ${describe(error)}.`);
    }
    try {
      const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
      if (bytesWritten !== bytes.length) {
        throw new Error(`only ${bytesWritten} of ${bytes.length} bytes were written`);
      }
      await handle.sync();
    } catch (error) {
      await handle.truncate(size).catch(() => undefined);
      throw new AppError('INTERNAL', `Cannot write to the audit log ${this.filePath}: ${describe(error)}.`);
    } finally {
      await handle.close();
    }
    if (created) await syncDirectory(dirname(this.filePath));
  }

  /**
   * Opens the log on first use; later, re-reads the tail only when the size is not the one we left (another
   * process, such as the CLI, appended or crashed mid-append).
   */
  private async refreshTail(): Promise<AuditTail> {
    if (this.tail === null) {
      this.tail = await loadTail(this.filePath, this.clock);
      return this.tail;
    }
    let size = 0;
    try {
      size = (await stat(this.filePath)).size;
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') {
        throw new AppError('INTERNAL', `Cannot read the audit log: ${describe(error)}.`);
      }
    }
    if (size !== this.tail.size) this.tail = await loadTail(this.filePath, this.clock);
    return this.tail;
  }
}

/** Creates the log's directory if needed and reads (repairing) its tail; failures become AppErrors. */
async function loadTail(filePath: string, clock: () => Date): Promise<AuditTail> {
  try {
    await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
    return await loadAuditTail(filePath, clock);
  } catch (error) {
    throw new AppError('INTERNAL', `Cannot read the audit log ${filePath}: ${describe(error)}.`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
