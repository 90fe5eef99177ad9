import type { AuditLogFile } from './audit.files.js';
import { ENVS, KINDS, OPERATIONS, OUTCOMES, type AuditIndex, type IndexedEntry } from './audit.index.js';
import { scanLogFile } from './audit.scan.js';

/** Why the index no longer describes the log (it must be rebuilt), or null when it was caught up. */
export type CatchUpOutcome = { stale: null; added: number } | { stale: string; added: 0 };

/**
 * Reads what the log gained since the index last read it (the rest of the last file it covered, then every
 * newer file) and adds those entries. The index is stale when a file it covered is gone, renamed or shorter,
 * or an older file grew (the log is append-only: only its newest file grows).
 */
export async function catchUpIndex(
  index: AuditIndex,
  files: readonly AuditLogFile[],
): Promise<CatchUpOutcome> {
  const byNumber = new Map(files.map((file) => [file.number, file]));
  const covered = index.covered;
  for (let at = 0; at < covered.length; at += 1) {
    const was = covered[at]!;
    const now = byNumber.get(was.number);
    if (now === undefined || now.name !== was.name)
      return { stale: `log file ${was.name} is gone`, added: 0 };
    if (now.size < was.size) return { stale: `log file ${was.name} shrank`, added: 0 };
    const newest = at === covered.length - 1;
    if (!newest && now.size !== was.size) return { stale: `older log file ${was.name} changed`, added: 0 };
  }
  const lastCovered = covered.at(-1)?.number ?? 0;
  if (files.some((file) => file.number < lastCovered && !covered.some((c) => c.number === file.number))) {
    return { stale: 'an older log file appeared', added: 0 };
  }
  const before = index.rows;
  for (const file of files) {
    if (file.number < lastCovered) continue;
    const known = covered.find((c) => c.number === file.number);
    const from = known?.size ?? 0;
    if (known !== undefined && file.size === from) continue;
    const result = await scanLogFile(file.path, from, ({ chunk, start, end, offset }) => {
      index.lines += 1;
      const entry = indexedEntry(chunk.toString('utf8', start, end), file.number, offset, end - start);
      if (entry === null) return;
      index.add(entry.fields);
      index.last = { file: file.number, offset, length: end - start, hash: entry.hash };
    });
    if (known !== undefined) known.size = result.end;
    else covered.push({ number: file.number, name: file.name, size: result.end });
  }
  return { stale: null, added: index.rows - before };
}

/**
 * What the index keeps of one line, or null when the line is not an entry (it counts in `total` but matches
 * nothing, as in the file scan). A light structural check instead of the full schema: the fields indexed and
 * the chain's must be there with their types; a page reads its entries through the schema.
 */
export function indexedEntry(
  text: string,
  file: number,
  offset: number,
  length: number,
): { fields: IndexedEntry; hash: string } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw)) return null;
  const { seq, time, user, connection, operation, path, outcome, details, hash } = raw;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0 || seq > 0xffffffff) return null;
  if (typeof time !== 'string' || typeof user !== 'string' || typeof path !== 'string') return null;
  if (typeof hash !== 'string' || typeof raw.prevHash !== 'string' || typeof raw.host !== 'string')
    return null;
  if (!isRecord(connection) || typeof connection.id !== 'string' || typeof connection.name !== 'string')
    return null;
  const environment = ENVS.indexOf(connection.environment as string);
  const kind = KINDS.indexOf(connection.kind as string);
  const op = OPERATIONS.indexOf(operation as string);
  const result = OUTCOMES.indexOf(outcome as string);
  if (environment < 0 || kind < 0 || op < 0 || result < 0) return null;
  if (details !== null && details !== undefined && !isRecord(details)) return null;
  const syncId = isRecord(details) && details.syncId !== undefined ? String(details.syncId) : '';
  return {
    hash,
    fields: {
      file,
      offset,
      length,
      seq,
      timeMs: Date.parse(time),
      connectionId: connection.id,
      connectionName: connection.name,
      user,
      path,
      syncId,
      environment,
      kind,
      operation: op,
      outcome: result,
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
