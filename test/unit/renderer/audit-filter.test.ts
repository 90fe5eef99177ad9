import { describe, expect, it } from 'vitest';
import {
  NO_FILTER,
  activeFilterCount,
  filterProblem,
  toAuditFilter,
  toLocalInput,
  typedFields,
  withQuickRange,
} from '../../../renderer/src/features/audit/audit-filter.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'audit');

describe('audit filter bar → query', () => {
  it('leaves out every empty field and trims the typed ones', () => {
    expect(toAuditFilter(NO_FILTER)).toEqual({});
    expect(
      toAuditFilter({
        ...NO_FILTER,
        operation: 'set',
        pathPrefix: ' /app ',
        user: 'alice',
        pathContains: '  ',
      }),
    ).toEqual({ operation: 'set', pathPrefix: '/app', user: 'alice' });
  });

  it('drops a choice that is not one of the contract’s values instead of sending it', () => {
    expect(toAuditFilter({ ...NO_FILTER, environment: 'qa', kind: 'redis', outcome: 'ok' })).toEqual({
      outcome: 'ok',
    });
  });

  it('takes in the whole minute or second an "until" names, and none of the next', () => {
    const minute = toAuditFilter({ ...NO_FILTER, since: '2026-03-01T10:00', until: '2026-03-01T10:05' });
    expect(Date.parse(minute.until!) - Date.parse(minute.since!)).toBe(5 * 60_000 + 59_999);
    const second = toAuditFilter({ ...NO_FILTER, until: '2026-03-01T10:05:07' });
    expect(new Date(second.until!).getTime()).toBe(new Date('2026-03-01T10:05:07').getTime() + 999);
  });

  it('says in one sentence when since is after until', () => {
    const filter = toAuditFilter({ ...NO_FILTER, since: '2026-03-02T00:00', until: '2026-03-01T00:00' });
    expect(filterProblem(filter, en)).toMatch(/later than/);
    expect(filterProblem(toAuditFilter({ ...NO_FILTER, since: '2026-03-01T00:00' }), en)).toBeNull();
  });

  it('sets a quick range as a since in local time, open-ended', () => {
    const before = Date.now();
    const state = withQuickRange({ ...NO_FILTER, until: '2026-01-01T00:00' }, 3_600_000);
    expect(state.until).toBe('');
    const since = new Date(state.since).getTime();
    // Local input to the second: within a second of an hour ago.
    expect(Math.abs(since - (before - 3_600_000))).toBeLessThan(2000);
    expect(toLocalInput(since)).toBe(state.since);
  });

  it('counts the active fields and compares the typed ones as one string', () => {
    expect(activeFilterCount(NO_FILTER)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTER, operation: 'set', pathPrefix: '/a' })).toBe(2);
    expect(typedFields({ ...NO_FILTER, operation: 'set' })).toBe(typedFields(NO_FILTER));
    expect(typedFields({ ...NO_FILTER, user: 'bob' })).not.toBe(typedFields(NO_FILTER));
  });
});
