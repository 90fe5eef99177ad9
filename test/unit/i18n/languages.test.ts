import { describe, expect, it } from 'vitest';
import { formattingLocale, resolveLanguage } from '../../../renderer/src/i18n/languages.js';
import { localeFormats } from '../../../renderer/src/i18n/locale-formats.js';

describe('the UI language', () => {
  it('follows the first system locale it has a catalogue for', () => {
    expect(resolveLanguage('system', ['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['de-DE', 'zh', 'en'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-Hans-CN'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
  });

  it('falls back to English for Traditional Chinese and unknown locales', () => {
    expect(resolveLanguage('system', ['zh-TW'])).toBe('en');
    expect(resolveLanguage('system', ['ja-JP'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });

  it('lets a chosen language override the system', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});

describe('formats for the locale', () => {
  const en = localeFormats(formattingLocale('en'));
  const zh = localeFormats(formattingLocale('zh-CN'));

  it('writes sizes with the locale unit for bytes and binary multiples above', () => {
    expect(en.bytes(1)).toBe('1 byte');
    expect(en.bytes(512)).toBe('512 bytes');
    expect(zh.bytes(512)).toBe('512字节');
    expect(en.bytes(1536)).toBe('1.5 KB');
    expect(en.bytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(zh.bytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('groups counts', () => {
    expect(en.count(1234567)).toBe('1,234,567');
    expect(zh.count(1234567)).toBe('1,234,567');
  });

  it('writes times year first with a 24-hour clock, in each locale order', () => {
    const iso = new Date(2026, 11, 3, 17, 4, 5).toISOString();
    expect(en.time(iso)).toBe('2026-12-03 17:04:05');
    expect(zh.time(iso)).toBe('2026/12/03 17:04:05');
    expect(en.time('not a date')).toBe('not a date');
  });
});
