import { describe, expect, it } from 'vitest';
import { childrenDetail, clockTime } from './zookeeper.stream.events.js';

describe('stream event details', () => {
  it('names the children added and removed', () => {
    expect(childrenDetail(new Set(['a', 'b']), ['b', 'c'])).toBe('added c; removed a (2 children now)');
    expect(childrenDetail(new Set(), ['x'])).toBe('added x (1 child now)');
    expect(childrenDetail(null, ['x', 'y'])).toBe('2 children now');
    expect(childrenDetail(new Set(['a']), ['a'])).toBe('1 child, the same names');
    const many = Array.from({ length: 8 }, (_, i) => `n${i}`);
    expect(childrenDetail(new Set(), many)).toBe('added n0, n1, n2, n3, n4 and 3 more (8 children now)');
  });

  it('prints a clock time with two digits each', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5).getTime();
    expect(clockTime(at)).toBe('03:04:05');
  });
});
