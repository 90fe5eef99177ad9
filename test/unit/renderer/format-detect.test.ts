import { describe, expect, it } from 'vitest';
import { detectFormat, detectTextFormat, isBinary } from '../../../renderer/src/lib/format-detect.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('format detection', () => {
  it('detects JSON objects and arrays, not JSON scalars', () => {
    expect(detectTextFormat('{"a": [1, 2]}')).toBe('json');
    expect(detectTextFormat('  [1, 2]\n')).toBe('json');
    expect(detectTextFormat('42')).toBe('text');
    expect(detectTextFormat('{not json')).toBe('text');
  });

  it('detects XML', () => {
    expect(detectTextFormat('<?xml version="1.0"?><a/>')).toBe('xml');
    expect(detectTextFormat('<config><item/></config>')).toBe('xml');
    expect(detectTextFormat('<b and not xml')).toBe('text');
  });

  it('detects properties (key=value lines, comments allowed)', () => {
    expect(detectTextFormat('# db\ndb.url=jdbc:x\ndb.pool = 20\n')).toBe('properties');
  });

  it('detects YAML mappings and lists', () => {
    expect(detectTextFormat('server:\n  port: 8080\n')).toBe('yaml');
    expect(detectTextFormat('- a\n- b\n')).toBe('yaml');
  });

  it('falls back to plain text', () => {
    expect(detectTextFormat('just some text')).toBe('text');
    expect(detectTextFormat('')).toBe('text');
  });

  it('sends non-UTF-8 bytes and control characters to the hex view', () => {
    expect(detectFormat(new Uint8Array([0xff, 0xfe, 0x00]))).toBe('hex');
    expect(detectFormat(new Uint8Array([0x41, 0x00, 0x42]))).toBe('hex');
    expect(detectFormat(bytes('{"ok": true}'))).toBe('json');
    expect(detectFormat(bytes('tab\tand\r\nnewlines'))).toBe('text');
  });

  it('forgives a multi-byte character cut by truncation only when truncated', () => {
    const cut = bytes('✓✓').subarray(0, 4); // ✓ is 3 bytes: the second one is cut after 1 byte
    expect(isBinary(cut)).toBe(true);
    expect(isBinary(cut, true)).toBe(false);
  });
});
