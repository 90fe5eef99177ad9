import { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';
import { AclEntrySchema, NodePathSchema } from '../../../../shared/model/node.js';
import { comparePaths } from '../../sync/path.order.js';
import { decodeValue, encodeValue } from './snapshot.encoding.js';

export const SNAPSHOT_FORMAT = 'configdeck-snapshot';
export const SNAPSHOT_VERSION = 1;

const SnapshotKeySchema = z.object({
  path: NodePathSchema.refine((p) => p !== '/', 'the root itself is not a key'),
  /** Absent (or `utf8`): the value is the text itself; `base64`: the value is the bytes in base64. */
  encoding: z.enum(['utf8', 'base64']).optional(),
  value: z.string(),
  /** Store metadata rows by key, when exported with metadata. */
  meta: z.record(z.string(), z.string()).optional(),
  acls: z.array(AclEntrySchema).nullable().optional(),
});

const SnapshotFileSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  source: z.string(),
  exportedAt: z.string(),
  keyCount: z.number().int().nonnegative().optional(),
  keys: z.array(SnapshotKeySchema),
});

/** One key of a snapshot, decoded. */
export interface SnapshotKey {
  path: string;
  value: Buffer;
  meta: Record<string, string> | null;
  acls: z.infer<typeof AclEntrySchema>[] | null;
}

/** A snapshot in memory: keys sorted by path, values as bytes. */
export interface Snapshot {
  source: string;
  exportedAt: string;
  keys: SnapshotKey[];
}

function invalid(name: string, why: string): AppError {
  return new AppError('INVALID_INPUT', `The snapshot ${name} is not valid: ${why}.`);
}

/** Parses and checks a snapshot file's text; `name` names it in errors. */
export function parseSnapshot(text: string, name: string): Snapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid(name, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = SnapshotFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw invalid(name, `${issue?.message ?? 'unexpected content'}${where}`);
  }
  const keys = parsed.data.keys.map((key): SnapshotKey => ({
    path: key.path,
    value: decodeValue({ encoding: key.encoding ?? 'utf8', value: key.value }, key.path),
    meta: key.meta ?? null,
    acls: key.acls ?? null,
  }));
  keys.sort((a, b) => comparePaths(a.path, b.path));
  for (let i = 1; i < keys.length; i++) {
    if (keys[i]!.path === keys[i - 1]!.path) throw invalid(name, `the key ${keys[i]!.path} appears twice`);
  }
  return { source: parsed.data.source, exportedAt: parsed.data.exportedAt, keys };
}

function keyLine(key: SnapshotKey): string {
  const { encoding, value } = encodeValue(key.value);
  const parts = [`"path": ${JSON.stringify(key.path)}`];
  if (encoding === 'base64') parts.push(`"encoding": "base64"`);
  parts.push(`"value": ${JSON.stringify(value)}`);
  if (key.meta !== null) parts.push(`"meta": ${JSON.stringify(sortedRecord(key.meta))}`);
  if (key.acls !== null) parts.push(`"acls": ${JSON.stringify(key.acls)}`);
  return `    { ${parts.join(', ')} }`;
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => comparePaths(a, b)));
}

/**
 * The file text of a snapshot: a fixed field order, keys sorted by path, one key per line (so two
 * snapshots diff line by line), UTF-8, ending with a newline. The same keys always give the same bytes.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  const keys = [...snapshot.keys].sort((a, b) => comparePaths(a.path, b.path));
  const header = [
    `  "format": ${JSON.stringify(SNAPSHOT_FORMAT)}`,
    `  "version": ${SNAPSHOT_VERSION}`,
    `  "source": ${JSON.stringify(snapshot.source)}`,
    `  "exportedAt": ${JSON.stringify(snapshot.exportedAt)}`,
    `  "keyCount": ${keys.length}`,
  ];
  const body = keys.length === 0 ? '  "keys": []' : `  "keys": [\n${keys.map(keyLine).join(',\n')}\n  ]`;
  return `{\n${[...header, body].join(',\n')}\n}\n`;
}
