import { describe, expect, it } from 'vitest';
import { lineColumnAt, validateValue } from '../../../renderer/src/lib/validate-value.js';

describe('value validation before save', () => {
  it('accepts valid JSON and YAML and anything in other formats', () => {
    expect(validateValue('{"a": 1}', 'json')).toEqual({ ok: true });
    expect(validateValue('a:\n  - 1\n', 'yaml')).toEqual({ ok: true });
    expect(validateValue('{{{', 'text')).toEqual({ ok: true });
    expect(validateValue('<a', 'xml')).toEqual({ ok: true });
  });

  it('reports where JSON breaks', () => {
    const result = validateValue('{\n  "a": 1,\n  "b": }\n', 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result).toMatchObject({ line: 3, column: 8, message: 'Unexpected "}" in JSON' });
    }
  });

  it('reports where YAML breaks', () => {
    const result = validateValue('a: true\nb: false\nc: [unclosed\n', 'yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.line).toBe(3);
  });

  it('points at the end of the text when JSON stops early', () => {
    const result = validateValue('{"a": [1, 2', 'json');
    expect(result).toMatchObject({ ok: false, line: 1, column: 12, message: 'Unexpected end of JSON' });
  });

  it('maps offsets to 1-based line and column', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
