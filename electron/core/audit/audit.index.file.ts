import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { errnoCode, writeTextFileAtomic } from '../storage/json-file.js';
import {
  AuditIndex,
  COLUMN_NAMES,
  COLUMN_TYPES,
  DICTIONARY_NAMES,
  ENVS,
  KINDS,
  OPERATIONS,
  OUTCOMES,
  type ColumnName,
} from './audit.index.js';

/*
 * The index on disk: a magic, a JSON header (coverage, dictionaries), every column's bytes (little-endian, as
 * the typed arrays hold them, each padded to 8 bytes), then the sha256 of all that so a damaged file is
 * never trusted. Written to a temp file, fsynced and renamed over, so readers see an old or a new index.
 */
const MAGIC = Buffer.from('CDAUDIX1', 'ascii');
const VERSION = 1;
const DIGEST_BYTES = 32;

const HeaderSchema = z.object({
  version: z.literal(VERSION),
  rows: z.number().int().min(0),
  lines: z.number().int().min(0),
  covered: z.array(
    z.object({ number: z.number().int().positive(), name: z.string(), size: z.number().int().min(0) }),
  ),
  last: z
    .object({ file: z.number().int(), offset: z.number().int(), length: z.number().int(), hash: z.string() })
    .nullable(),
  enums: z.object({
    kinds: z.array(z.string()),
    envs: z.array(z.string()),
    operations: z.array(z.string()),
    outcomes: z.array(z.string()),
  }),
  dictionaries: z.object({
    connectionId: z.array(z.string()),
    connectionName: z.array(z.string()),
    user: z.array(z.string()),
    path: z.array(z.string()),
    syncId: z.array(z.string()),
  }),
});

/**
 * The names behind the enum columns' codes, as this build numbers them: an index written by a build that
 * numbered them otherwise (a kind or an operation added in between) is rebuilt, never misread.
 */
const ENUMS = { kinds: KINDS, envs: ENVS, operations: OPERATIONS, outcomes: OUTCOMES };
const sameEnums = (stored: Record<keyof typeof ENUMS, string[]>): boolean =>
  (Object.keys(ENUMS) as (keyof typeof ENUMS)[]).every(
    (name) =>
      stored[name].length === ENUMS[name].length && stored[name].every((v, i) => v === ENUMS[name][i]),
  );

const pad8 = (n: number): number => (n + 7) & ~7;

/** Writes the index atomically. */
export async function saveAuditIndex(path: string, index: AuditIndex): Promise<void> {
  const header = Buffer.from(
    JSON.stringify({
      version: VERSION,
      rows: index.rows,
      lines: index.lines,
      covered: index.covered,
      last: index.last,
      enums: ENUMS,
      dictionaries: Object.fromEntries(
        DICTIONARY_NAMES.map((name) => [name, index.dictionaries[name].values]),
      ),
    }),
    'utf8',
  );
  const parts: Buffer[] = [
    MAGIC,
    uint32(header.length),
    header,
    zeros(pad8(12 + header.length) - 12 - header.length),
  ];
  for (const name of COLUMN_NAMES) {
    const column = index.column(name);
    const bytes = index.rows * column.BYTES_PER_ELEMENT;
    parts.push(Buffer.from(column.buffer, column.byteOffset, bytes), zeros(pad8(bytes) - bytes));
  }
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  parts.push(digest.digest());
  await writeTextFileAtomic(path, Buffer.concat(parts), { mode: 0o600 });
}

/**
 * Reads the index, or null when it is missing or damaged in any way (the caller rebuilds it from the log).
 * Each column is read straight into its typed array (no copy of the whole file in memory), hashed on the way.
 */
export async function loadAuditIndex(path: string): Promise<AuditIndex | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    return await decode(handle, (await handle.stat()).size);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

async function decode(handle: FileHandle, size: number): Promise<AuditIndex | null> {
  if (size < MAGIC.length + 4 + DIGEST_BYTES) return null;
  const bodySize = size - DIGEST_BYTES;
  const digest = createHash('sha256');
  let at = 0;
  /** Reads `bytes.length` bytes at the current position into `bytes`, hashing them; false when short. */
  const read = async (bytes: Uint8Array): Promise<boolean> => {
    if (at + bytes.length > bodySize) return false;
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, at);
    if (bytesRead !== bytes.length) return false;
    digest.update(bytes);
    at += bytes.length;
    return true;
  };
  const prefix = Buffer.alloc(MAGIC.length + 4);
  if (!(await read(prefix)) || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const headerLength = prefix.readUInt32LE(MAGIC.length);
  const headerBytes = Buffer.alloc(pad8(12 + headerLength) - 12);
  if (!(await read(headerBytes))) return null;
  const header = HeaderSchema.safeParse(JSON.parse(headerBytes.toString('utf8', 0, headerLength)));
  if (!header.success || !sameEnums(header.data.enums)) return null;
  const { rows, dictionaries } = header.data;
  const capacity = Math.max(1024, rows);
  const columns = {} as Record<ColumnName, ReturnType<AuditIndex['column']>>;
  for (const name of COLUMN_NAMES) {
    const Type = COLUMN_TYPES[name];
    const length = rows * Type.BYTES_PER_ELEMENT;
    const column = new Type(capacity);
    if (!(await read(new Uint8Array(column.buffer, 0, length)))) return null;
    if (!(await read(new Uint8Array(pad8(length) - length)))) return null;
    columns[name] = column;
  }
  if (at !== bodySize) return null;
  const stored = Buffer.alloc(DIGEST_BYTES);
  await handle.read(stored, 0, DIGEST_BYTES, bodySize);
  if (!digest.digest().equals(stored)) return null;
  const index = new AuditIndex(dictionaries);
  index.adopt(columns, rows);
  index.lines = header.data.lines;
  index.covered = header.data.covered;
  index.last = header.data.last;
  return index;
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function zeros(count: number): Buffer {
  return Buffer.alloc(count);
}
