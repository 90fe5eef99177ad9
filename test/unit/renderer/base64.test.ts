import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  decodeUtf8Lenient,
  decodeUtf8Strict,
  textToBase64,
} from '../../../renderer/src/lib/base64.js';

describe('base64 and UTF-8', () => {
  it('round-trips text with unicode exactly', () => {
    const text = 'naïve ✓ 日本 \u{1F600}';
    expect(decodeUtf8Strict(base64ToBytes(textToBase64(text)))).toBe(text);
    expect(textToBase64('hi')).toBe(Buffer.from('hi').toString('base64'));
  });

  it('round-trips multi-megabyte binary values', () => {
    const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 256);
    const encoded = bytesToBase64(data);
    expect(encoded).toBe(Buffer.from(data).toString('base64'));
    expect(Buffer.from(base64ToBytes(encoded)).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses invalid UTF-8 when strict and replaces it when lenient', () => {
    const bad = new Uint8Array([0x61, 0xff, 0x62]);
    expect(decodeUtf8Strict(bad)).toBeNull();
    expect(decodeUtf8Lenient(bad)).toBe('a\uFFFDb');
  });
});
