/*
 * The audit index: OUR OWN file index beside the log, not SQLite. better-sqlite3 is a native module that must
 * be compiled against each Node and Electron ABI (node-gyp here cannot download headers, and the desktop app
 * would need an electron-rebuild on every Electron upgrade). The log is append-only with a fixed set of
 * columns worth filtering on, so typed-array columns (one slot per entry) and dictionaries of the repeated
 * strings answer every AuditQuery with a tight scan: ~50 bytes per entry, 1,000,000 entries in ~50 MB, and
 * it can be rebuilt from the log (the source of truth) whenever it is missing, damaged or stale.
 */
import { AUDIT_OPERATIONS, AUDIT_OUTCOMES } from '../../../shared/model/audit.js';
import { BackendKindSchema, ENVIRONMENTS } from '../../../shared/model/connection.js';

export const KINDS: readonly string[] = BackendKindSchema.options;
export const ENVS: readonly string[] = ENVIRONMENTS;
export const OPERATIONS: readonly string[] = AUDIT_OPERATIONS;
export const OUTCOMES: readonly string[] = AUDIT_OUTCOMES;

/** Strings that repeat across entries (connection ids and names, users, paths, sync ids), each stored once. */
export class AuditDictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  /** Lower-cased values, filled on demand (path substring queries are case-insensitive). */
  private lower: string[] = [];

  constructor(values: readonly string[] = []) {
    for (const value of values) this.id(value);
  }

  /** The id of `value`, adding it when new. */
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of `value`, or -1 when no entry holds it. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  lowerCased(): readonly string[] {
    for (let id = this.lower.length; id < this.values.length; id += 1)
      this.lower.push(this.values[id]!.toLowerCase());
    return this.lower;
  }
}

/** What the index keeps of one entry. */
export interface IndexedEntry {
  file: number;
  offset: number;
  length: number;
  seq: number;
  timeMs: number;
  connectionId: string;
  connectionName: string;
  user: string;
  path: string;
  /** `String(details.syncId)`, '' without one (as auditEntryMatches compares it). */
  syncId: string;
  environment: number;
  kind: number;
  operation: number;
  outcome: number;
}

/** How far the index has read one log file. */
export interface CoveredFile {
  number: number;
  name: string;
  /** Bytes indexed: the end of the last complete line read. */
  size: number;
}

/** The last entry indexed, re-read on load to tell that the log is still the one indexed. */
export interface LastIndexed {
  file: number;
  offset: number;
  length: number;
  hash: string;
}

const INITIAL_CAPACITY = 1024;

/** The column arrays, in the order they are persisted. */
export const COLUMN_NAMES = [
  'file',
  'offset',
  'length',
  'seq',
  'time',
  'connectionId',
  'connectionName',
  'user',
  'path',
  'syncId',
  'environment',
  'kind',
  'operation',
  'outcome',
] as const;
export type ColumnName = (typeof COLUMN_NAMES)[number];
type Column = Uint8Array | Uint16Array | Uint32Array | Float64Array;
type ColumnType = { new (length: number): Column; BYTES_PER_ELEMENT: number };
export const COLUMN_TYPES: Record<ColumnName, ColumnType> = {
  file: Uint16Array,
  offset: Uint32Array,
  length: Uint32Array,
  seq: Uint32Array,
  time: Float64Array,
  connectionId: Uint32Array,
  connectionName: Uint32Array,
  user: Uint32Array,
  path: Uint32Array,
  syncId: Uint32Array,
  environment: Uint8Array,
  kind: Uint8Array,
  operation: Uint8Array,
  outcome: Uint8Array,
};

export const DICTIONARY_NAMES = ['connectionId', 'connectionName', 'user', 'path', 'syncId'] as const;
export type DictionaryName = (typeof DICTIONARY_NAMES)[number];

/** The columns of every indexed entry, in log order (row i is the i-th entry of the chain as read). */
export class AuditIndex {
  rows = 0;
  /** Complete lines read in all, unreadable ones included (AuditPage.total). */
  lines = 0;
  covered: CoveredFile[] = [];
  last: LastIndexed | null = null;
  file = new Uint16Array(INITIAL_CAPACITY);
  offset = new Uint32Array(INITIAL_CAPACITY);
  length = new Uint32Array(INITIAL_CAPACITY);
  seq = new Uint32Array(INITIAL_CAPACITY);
  time = new Float64Array(INITIAL_CAPACITY);
  connectionId = new Uint32Array(INITIAL_CAPACITY);
  connectionName = new Uint32Array(INITIAL_CAPACITY);
  user = new Uint32Array(INITIAL_CAPACITY);
  path = new Uint32Array(INITIAL_CAPACITY);
  syncId = new Uint32Array(INITIAL_CAPACITY);
  environment = new Uint8Array(INITIAL_CAPACITY);
  kind = new Uint8Array(INITIAL_CAPACITY);
  operation = new Uint8Array(INITIAL_CAPACITY);
  outcome = new Uint8Array(INITIAL_CAPACITY);
  readonly dictionaries: Record<DictionaryName, AuditDictionary>;

  constructor(dictionaries?: Record<DictionaryName, readonly string[]>) {
    this.dictionaries = {
      connectionId: new AuditDictionary(dictionaries?.connectionId),
      connectionName: new AuditDictionary(dictionaries?.connectionName),
      user: new AuditDictionary(dictionaries?.user),
      path: new AuditDictionary(dictionaries?.path),
      syncId: new AuditDictionary(dictionaries?.syncId),
    };
  }

  column(name: ColumnName): Column {
    return this[name];
  }

  /** Replaces every column with one holding `rows` entries (a loaded index). */
  adopt(columns: Record<ColumnName, Column>, rows: number): void {
    for (const name of COLUMN_NAMES) (this as unknown as Record<ColumnName, Column>)[name] = columns[name];
    this.rows = rows;
  }

  add(entry: IndexedEntry): void {
    if (this.rows === this.seq.length) this.grow();
    const row = this.rows;
    this.file[row] = entry.file;
    this.offset[row] = entry.offset;
    this.length[row] = entry.length;
    this.seq[row] = entry.seq;
    this.time[row] = entry.timeMs;
    this.connectionId[row] = this.dictionaries.connectionId.id(entry.connectionId);
    this.connectionName[row] = this.dictionaries.connectionName.id(entry.connectionName);
    this.user[row] = this.dictionaries.user.id(entry.user);
    this.path[row] = this.dictionaries.path.id(entry.path);
    this.syncId[row] = this.dictionaries.syncId.id(entry.syncId);
    this.environment[row] = entry.environment;
    this.kind[row] = entry.kind;
    this.operation[row] = entry.operation;
    this.outcome[row] = entry.outcome;
    this.rows = row + 1;
  }

  /** The row holding `seq`, or -1 (rows are in seq order in an intact log; a damaged one is searched through). */
  rowOf(seq: number): number {
    let low = 0;
    let high = this.rows - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.seq[middle]!;
      if (found === seq) return middle;
      if (found < seq) low = middle + 1;
      else high = middle - 1;
    }
    for (let row = 0; row < this.rows; row += 1) if (this.seq[row] === seq) return row;
    return -1;
  }

  /** Doubles every column (amortized O(1) appends, no per-entry objects). */
  private grow(): void {
    const capacity = this.seq.length * 2;
    for (const name of COLUMN_NAMES) {
      const old = this.column(name);
      const bigger = new COLUMN_TYPES[name](capacity);
      bigger.set(old);
      (this as unknown as Record<ColumnName, Column>)[name] = bigger;
    }
  }
}
