import { describe, expect, it } from 'vitest';
import { JuteDecodeError, JuteReader, JuteWriter } from './jute.js';

describe('jute records', () => {
  it('reads back what it writes: ints, longs, booleans, strings, buffers and vectors', () => {
    const writer = new JuteWriter(4);
    writer
      .int(-2)
      .long(-1n)
      .long(0x7fff_ffff_ffff_ffffn)
      .bool(true)
      .ustring('zürich/配置')
      .ustring(null)
      .data(Buffer.from([0, 255]))
      .data(null)
      .stringVector(['a', 'bé']);
    const reader = new JuteReader(writer.toBuffer());
    expect(reader.int()).toBe(-2);
    expect(reader.long()).toBe(-1n);
    expect(reader.long()).toBe(0x7fff_ffff_ffff_ffffn);
    expect(reader.bool()).toBe(true);
    expect(reader.ustring()).toBe('zürich/配置');
    expect(reader.ustring()).toBeNull();
    expect(reader.data()).toEqual(Buffer.from([0, 255]));
    expect(reader.data()).toBeNull();
    expect(reader.stringVector()).toEqual(['a', 'bé']);
    expect(reader.remaining).toBe(0);
  });

  it('writes big-endian lengths as the wire format has them', () => {
    const bytes = new JuteWriter().ustring('ab').int(1).toBuffer();
    expect([...bytes]).toEqual([0, 0, 0, 2, 0x61, 0x62, 0, 0, 0, 1]);
  });

  it('frames a record with its length in the reserved first four bytes', () => {
    const frame = new JuteWriter(8, 4).int(7).long(1n).frame();
    expect(frame.readInt32BE(0)).toBe(12);
    expect(frame.length).toBe(16);
  });

  it('reads a millisecond long as a number', () => {
    const ms = Date.UTC(2026, 11, 1);
    const reader = new JuteReader(new JuteWriter().long(BigInt(ms)).toBuffer());
    expect(reader.longAsNumber()).toBe(ms);
  });

  it('refuses a frame that ends inside a record', () => {
    const reader = new JuteReader(Buffer.from([0, 0, 0, 9, 1, 2]));
    expect(() => reader.ustring()).toThrow(JuteDecodeError);
  });

  it('refuses a vector whose count cannot fit in the frame, before allocating it', () => {
    const reader = new JuteReader(Buffer.from([0x7f, 0xff, 0xff, 0xff, 0, 0]));
    expect(() => reader.stringVector()).toThrow(/does not fit/);
  });
});
