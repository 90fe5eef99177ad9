import { describe, expect, it } from 'vitest';
import { KEEP_MAX, KEEP_MS, KeptRecords } from './kept.records.js';

describe('KeptRecords', () => {
  const setup = () => {
    const clock = { now: 0 };
    const running = new Set<string>();
    const forgotten: string[] = [];
    const records = new KeptRecords<string>(
      (id) => running.has(id),
      (id) => forgotten.push(id),
      () => clock.now,
    );
    return { clock, running, forgotten, records };
  };

  it('forgets finished records after the retention time, never running ones', () => {
    const { clock, running, forgotten, records } = setup();
    records.add('a', 'a');
    records.add('b', 'b');
    running.add('b');
    clock.now = KEEP_MS + 1;
    records.prune();
    expect(records.get('a')).toBeUndefined();
    expect(records.get('b')).toBe('b');
    expect(forgotten).toEqual(['a']);
  });

  it('drops the oldest finished records once too many are kept', () => {
    const { clock, running, records } = setup();
    running.add('r0');
    for (let i = 0; i <= KEEP_MAX; i++) {
      clock.now = i;
      records.add(`r${i}`, `r${i}`);
    }
    expect(records.get('r0')).toBe('r0');
    expect(records.get('r1')).toBeUndefined();
    expect(records.get(`r${KEEP_MAX}`)).toBe(`r${KEEP_MAX}`);
  });

  it('touch restarts the clock of a record that just finished', () => {
    const { clock, records } = setup();
    records.add('a', 'a');
    clock.now = KEEP_MS;
    records.touch('a');
    clock.now = KEEP_MS * 2 - 1;
    records.prune();
    expect(records.get('a')).toBe('a');
  });
});
