import { describe, expect, it } from 'vitest';
import { hexDump } from '../../../renderer/src/lib/hex-dump.js';

describe('hex dump', () => {
  it('prints offset, two groups of 8 bytes and the ASCII column', () => {
    const dump = hexDump(new TextEncoder().encode('Hello world\n'));
    expect(dump).toBe('00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |Hello world.|');
  });

  it('starts a new line every 16 bytes and shows unprintable bytes as dots', () => {
    const data = new Uint8Array(18).map((_, i) => i * 15);
    const lines = hexDump(data).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.startsWith('00000010  f0 ff ')).toBe(true);
    expect(lines[0]!.endsWith('|')).toBe(true);
    expect(lines[0]).toContain('|...-<KZix.......|');
  });

  it('is empty for an empty value', () => {
    expect(hexDump(new Uint8Array())).toBe('');
  });
});
