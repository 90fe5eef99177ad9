import { describe, expect, it } from 'vitest';
import { lineColumnAt, validateValue } from '../../../renderer/src/lib/validate-value.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'value');

describe('value validation before save', () => {
  it('accepts valid JSON and YAML and anything in other formats', () => {
    expect(validateValue('{"a": 1}', 'json', en)).toEqual({ ok: true });
    expect(validateValue('a:\n  - 1\n', 'yaml', en)).toEqual({ ok: true });
    expect(validateValue('{{{', 'text', en)).toEqual({ ok: true });
    expect(validateValue('<a', 'xml', en)).toEqual({ ok: true });
  });

  it('reports where JSON breaks', () => {
    const result = validateValue('{\n  "a": 1,\n  "b": }\n', 'json', en);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result).toMatchObject({ line: 3, column: 8, message: 'Unexpected "}" in JSON' });
    }
  });

  it('reports where YAML breaks', () => {
    const result = validateValue('a: true\nb: false\nc: [unclosed\n', 'yaml', en);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result).toMatchObject({
        line: 3,
        message: 'YAML error: The indentation is wrong, or a bracket is not closed',
      });
  });

  it('names a duplicate key and a tab indent by what is wrong', () => {
    expect(validateValue('a: 1\na: 2\n', 'yaml', en)).toMatchObject({
      ok: false,
      line: 2,
      message: 'YAML error: A key appears twice in the same map',
    });
    expect(validateValue('a:\n\t- 1\n', 'yaml', en)).toMatchObject({
      ok: false,
      message: 'YAML error: Tabs cannot be used for indentation',
    });
  });

  it('points at the end of the text when JSON stops early', () => {
    const result = validateValue('{"a": [1, 2', 'json', en);
    expect(result).toMatchObject({ ok: false, line: 1, column: 12, message: 'Unexpected end of JSON' });
  });

  it('maps offsets to 1-based line and column', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('validation sentences in 简体中文', () => {
  const zh = createI18n('zh-CN').getFixedT('zh-CN', 'value');

  it('says what is wrong in the UI language, at the same place', () => {
    const english = validateValue('{"a": [1, 2', 'json', en);
    const chinese = validateValue('{"a": [1, 2', 'json', zh);
    expect(chinese).toMatchObject({ ok: false, message: 'JSON 意外结束' });
    if (english.ok || chinese.ok) throw new Error('both must refuse the text');
    expect([chinese.line, chinese.column]).toEqual([english.line, english.column]);
    expect(validateValue('a: [unclosed\n', 'yaml', zh)).toMatchObject({
      ok: false,
      message: 'YAML 语法错误：缩进不正确，或括号未闭合',
    });
  });
});
