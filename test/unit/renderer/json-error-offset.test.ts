import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../renderer/src/lib/json-error-offset.js';

describe('JSON error offset', () => {
  it('accepts everything JSON.parse accepts', () => {
    for (const text of [
      '{}',
      '[]',
      ' 1 ',
      '-0.5e+3',
      '"a\\u00e9\\n"',
      'true',
      'null',
      '{"a":[1,{"b":false}],"c":"x"}',
    ]) {
      expect(JSON.parse(text)).toBeDefined();
      expect(jsonErrorOffset(text)).toBeNull();
    }
  });

  it('finds the first offending character', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('01')).toBe(1);
    expect(jsonErrorOffset('"tab\tinside"')).toBe(4);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
  });
});
