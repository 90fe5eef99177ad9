import type { AuditQueryParsed } from '../../../shared/model/audit.js';
import { ENVS, KINDS, OPERATIONS, OUTCOMES, type AuditDictionary, type AuditIndex } from './audit.index.js';

/** The filter fields of a query (no page). */
export type IndexFilter = Omit<AuditQueryParsed, 'offset' | 'limit'>;

/** A query compiled against the index: dictionary ids and enum codes to compare, -1 for "any". */
interface Compiled {
  connectionName: number;
  connectionId: number;
  user: number;
  syncId: number;
  environment: number;
  kind: number;
  operation: number;
  outcome: number;
  /** Per path id: 1 when the path passes every path condition; null when the query has none. */
  paths: Uint8Array | null;
  since: number;
  until: number;
  /** Some field names a value no entry holds: nothing matches. */
  impossible: boolean;
}

/**
 * Turns the query into comparisons of small integers: the path conditions (exact, prefix, case-insensitive
 * substring) are evaluated once per distinct path, not once per entry. Same semantics as auditEntryMatches.
 */
function compile(index: AuditIndex, filter: IndexFilter): Compiled {
  const { dictionaries } = index;
  let impossible = false;
  const exact = (dictionary: AuditDictionary, value: string | undefined): number => {
    if (value === undefined) return -1;
    const id = dictionary.find(value);
    if (id === -1) impossible = true;
    return id;
  };
  const code = (values: readonly string[], value: string | undefined): number =>
    value === undefined ? -1 : values.indexOf(value);
  const compiled: Compiled = {
    connectionName: exact(dictionaries.connectionName, filter.connectionName),
    connectionId: exact(dictionaries.connectionId, filter.connectionId),
    user: exact(dictionaries.user, filter.user),
    syncId: exact(dictionaries.syncId, filter.syncId),
    environment: code(ENVS, filter.environment),
    kind: code(KINDS, filter.kind),
    operation: code(OPERATIONS, filter.operation),
    outcome: code(OUTCOMES, filter.outcome),
    paths: pathMask(dictionaries.path, filter),
    since: filter.since === undefined ? Number.NaN : Date.parse(filter.since),
    until: filter.until === undefined ? Number.NaN : Date.parse(filter.until),
    impossible,
  };
  return compiled;
}

function pathMask(dictionary: AuditDictionary, filter: IndexFilter): Uint8Array | null {
  const { path, pathPrefix, pathContains } = filter;
  if (path === undefined && pathPrefix === undefined && pathContains === undefined) return null;
  const values = dictionary.values;
  const lower = pathContains === undefined ? null : dictionary.lowerCased();
  const needle = pathContains?.toLowerCase() ?? '';
  const mask = new Uint8Array(values.length);
  for (let id = 0; id < values.length; id += 1) {
    const value = values[id]!;
    if (path !== undefined && value !== path) continue;
    if (pathPrefix !== undefined && !value.startsWith(pathPrefix)) continue;
    if (lower !== null && !lower[id]!.includes(needle)) continue;
    mask[id] = 1;
  }
  return mask;
}

/**
 * Calls `onMatch(row)` for every row matching the filter, newest first, until it returns false; returns how
 * many rows matched in all (the scan always runs to the end, so `matched` is exact).
 */
export function scanIndex(index: AuditIndex, filter: IndexFilter, onMatch: (row: number) => boolean): number {
  const q = compile(index, filter);
  if (q.impossible) return 0;
  if (unfiltered(filter)) {
    // Every row matches: no scan needed to count them.
    for (let row = index.rows - 1; row >= 0 && onMatch(row); row -= 1);
    return index.rows;
  }
  const hasSince = !Number.isNaN(q.since);
  const hasUntil = !Number.isNaN(q.until);
  const { connectionName, connectionId, user, syncId, environment, kind, operation, outcome, time, path } =
    index;
  const paths = q.paths;
  let matched = 0;
  let wanted = true;
  for (let row = index.rows - 1; row >= 0; row -= 1) {
    if (q.connectionName !== -1 && connectionName[row] !== q.connectionName) continue;
    if (q.connectionId !== -1 && connectionId[row] !== q.connectionId) continue;
    if (q.environment !== -1 && environment[row] !== q.environment) continue;
    if (q.kind !== -1 && kind[row] !== q.kind) continue;
    if (q.operation !== -1 && operation[row] !== q.operation) continue;
    if (q.outcome !== -1 && outcome[row] !== q.outcome) continue;
    if (paths !== null && paths[path[row]!] !== 1) continue;
    if (q.user !== -1 && user[row] !== q.user) continue;
    // `!(a >= b)` so an unparsable time (NaN) never matches a time bound, as in auditEntryMatches.
    if (hasSince && !(time[row]! >= q.since)) continue;
    if (hasUntil && !(time[row]! <= q.until)) continue;
    if (q.syncId !== -1 && syncId[row] !== q.syncId) continue;
    matched += 1;
    if (wanted) wanted = onMatch(row);
  }
  return matched;
}

function unfiltered(filter: IndexFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}

/** The rows of one page (newest first) and how many match in all. */
export function pageOfIndex(
  index: AuditIndex,
  filter: IndexFilter,
  offset: number,
  limit: number,
): { rows: number[]; matched: number } {
  const rows: number[] = [];
  let skipped = 0;
  const matched = scanIndex(index, filter, (row) => {
    if (skipped < offset) {
      skipped += 1;
      return true;
    }
    rows.push(row);
    return rows.length < limit;
  });
  return { rows, matched };
}
