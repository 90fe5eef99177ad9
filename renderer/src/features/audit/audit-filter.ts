import type { TFunction } from 'i18next';
import { BACKEND_KINDS, ENVIRONMENTS } from '../../../../shared/model/connection.js';
import { AUDIT_OPERATIONS, AUDIT_OUTCOMES, type AuditFilter } from '../../../../shared/model/audit.js';

/** What the filter bar holds: each field as typed or chosen, '' for "any". */
export interface AuditFilterState {
  connectionName: string;
  environment: string;
  kind: string;
  operation: string;
  outcome: string;
  pathPrefix: string;
  pathContains: string;
  user: string;
  /** `datetime-local` values (the user's local time), '' for open-ended. */
  since: string;
  until: string;
}

export const NO_FILTER: AuditFilterState = {
  connectionName: '',
  environment: '',
  kind: '',
  operation: '',
  outcome: '',
  pathPrefix: '',
  pathContains: '',
  user: '',
  since: '',
  until: '',
};

/** The typed fields of the filter bar (debounced together), as one comparable string. */
export function typedFields(state: AuditFilterState): string {
  const { pathPrefix, pathContains, user, since, until } = state;
  return JSON.stringify({ pathPrefix, pathContains, user, since, until });
}

/** The quick time ranges of the filter bar; `id` names the button (data-range) and its catalogue text. */
// i18n-exempt: the ids name the buttons for tests and scripts; the UI shows auditFilterBar.range.<key>.
export const QUICK_RANGES = [
  { id: 'Last hour', key: 'hour', ms: 3_600_000 },
  { id: 'Last day', key: 'day', ms: 86_400_000 },
  { id: 'Last week', key: 'week', ms: 7 * 86_400_000 },
] as const;

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A `datetime-local` value for a moment, in the user's local time, to the second. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The filter with its time range set to the last `ms` up to now (and on: newer entries keep coming in). */
export function withQuickRange(state: AuditFilterState, ms: number): AuditFilterState {
  return { ...state, since: toLocalInput(Date.now() - ms), until: '' };
}

/**
 * The ISO time a `datetime-local` value names, or undefined when empty or not a time. An "until" given to
 * the minute (or second) takes in the whole of that minute (second): until 14:05 includes 14:05:30.
 */
function isoOf(local: string, end: boolean): string | undefined {
  if (local === '') return undefined;
  const ms = new Date(local).getTime();
  if (Number.isNaN(ms)) return undefined;
  const withSeconds = /T\d\d:\d\d:\d\d/.test(local);
  const span = !end ? 0 : withSeconds ? 999 : 59_999;
  return new Date(ms + span).toISOString();
}

/** The query the filter bar asks for (empty fields left out: every field given narrows, all at once). */
export function toAuditFilter(state: AuditFilterState): AuditFilter {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const filter: AuditFilter = {
    connectionName: state.connectionName || undefined,
    environment: oneOf(ENVIRONMENTS, state.environment),
    kind: oneOf(BACKEND_KINDS, state.kind),
    operation: oneOf(AUDIT_OPERATIONS, state.operation),
    outcome: oneOf(AUDIT_OUTCOMES, state.outcome),
    pathPrefix: text(state.pathPrefix),
    pathContains: text(state.pathContains),
    user: text(state.user),
    since: isoOf(state.since, false),
    until: isoOf(state.until, true),
  };
  // Left out rather than undefined: the filter is part of query keys and of what the core is sent.
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as AuditFilter;
}

/** Why the filter cannot match anything, in one sentence, or null. */
export function filterProblem(filter: AuditFilter, t: TFunction<'audit'>): string | null {
  if (filter.since && filter.until && filter.since > filter.until) {
    return t('filterProblem.sinceAfterUntil');
  }
  return null;
}

/** How many fields of the filter bar narrow the list. */
export function activeFilterCount(state: AuditFilterState): number {
  return Object.values(state).filter((value) => value.trim() !== '').length;
}
