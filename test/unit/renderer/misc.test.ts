import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from '../../../shared/errors.js';
import { describeError, hasCode } from '../../../renderer/src/errors/error-messages.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';
import { auditValueText } from '../../../renderer/src/lib/audit-value.js';
import { localeFormats } from '../../../renderer/src/i18n/locale-formats.js';
import { reconnectDelayMs } from '../../../renderer/src/lib/backoff.js';
import { formatBytes, formatCount } from '../../../renderer/src/lib/format-bytes.js';
import { isValueFormat, viewPrefKey } from '../../../renderer/src/lib/value-format.js';

describe('error messages', () => {
  const en = createI18n('en').getFixedT('en', 'errors');
  const zh = createI18n('zh-CN').getFixedT('zh-CN', 'errors');

  const fromTheCore = ERROR_CODES.filter((code) => code !== 'HOST_LOST');

  it('has a title for every error code and keeps the core sentence in English', () => {
    for (const code of fromTheCore) {
      const ui = describeError(new AppError(code, 'the sentence'), en);
      expect(ui.title.length).toBeGreaterThan(0);
      expect(ui.message).toBe('the sentence');
      expect(ui.detail).toBeNull();
      expect(ui.code).toBe(code);
    }
  });

  it('in Chinese shows the catalogue sentence of the code, the core sentence beneath', () => {
    for (const code of fromTheCore) {
      const ui = describeError(new AppError(code, 'the sentence'), zh);
      expect(ui.title).toMatch(/\p{Script=Han}/u);
      expect(ui.message).toMatch(/\p{Script=Han}/u);
      expect(ui.detail).toBe('the sentence');
      expect(ui.code).toBe(code);
    }
    expect(describeError(new AppError('CONFLICT', 'x'), zh).hint).toMatch(/\p{Script=Han}/u);
  });

  it('tells a call lost with the link to the host from the catalogue alone, with what to check', () => {
    const lost = new AppError(
      'HOST_LOST',
      'The connection to the ConfigDeck host was lost during this call.',
    );
    expect(describeError(lost, zh)).toMatchObject({
      title: '与主机的连接中断',
      message: '调用进行中与 ConfigDeck 主机的连接中断。',
      detail: null,
      hint: expect.stringMatching(/可能已生效/),
    });
    expect(describeError(lost, en)).toMatchObject({ message: lost.message, detail: null });
    expect(describeError(lost, en).hint).toMatch(/may or may not have been made/);
  });

  it('turns unknown failures into INTERNAL', () => {
    expect(describeError(new Error('x'), en)).toMatchObject({ code: 'INTERNAL', message: 'x' });
    expect(hasCode(new AppError('CONFLICT', 'c'), 'CONFLICT')).toBe(true);
    expect(hasCode(new Error('c'), 'CONFLICT')).toBe(false);
  });
});

describe('small formatters', () => {
  it('formats sizes and counts', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatCount(100000)).toBe('100,000');
  });

  it('backs off from 0.5 s up to 10 s', () => {
    expect([0, 1, 2, 5, 50].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 10000, 10000]);
  });

  it('keys the remembered view by connection and path', () => {
    expect(viewPrefKey('c1', '/a b')).toBe('view:c1:/a b');
    expect(isValueFormat('hex')).toBe(true);
    expect(isValueFormat('toml')).toBe(false);
  });

  it('shows audit values as text, hex or a hash note in the UI language', () => {
    const t = createI18n('en').getFixedT('en', 'audit');
    const format = localeFormats('en-US');
    expect(auditValueText(null, t, format)).toBe('');
    expect(auditValueText({ encoding: 'utf8', data: 'a=1', size: 3 }, t, format)).toBe('a=1');
    expect(
      auditValueText(
        { encoding: 'base64', data: Buffer.from([0xff, 0x00]).toString('base64'), size: 2 },
        t,
        format,
      ),
    ).toMatch(/^00000000 {2}ff 00/);
    const omitted = { omitted: true as const, size: 2048, sha256: 'abc' };
    expect(auditValueText(omitted, t, format)).toBe('(value not kept: 2.0 KB, sha256 abc)');
    const zh = createI18n('zh-CN').getFixedT('zh-CN', 'audit');
    expect(auditValueText(omitted, zh, localeFormats('zh-CN'))).toBe('（未保留值：2.0 KB，sha256 abc）');
  });
});
