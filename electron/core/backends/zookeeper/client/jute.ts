/**
 * Jute, ZooKeeper's binary record format: big-endian ints and longs, a one-byte boolean, strings and
 * buffers as an int length (-1 for null) followed by the bytes, vectors as an int count followed by
 * the items. The reader works on one complete frame; the writer grows its buffer by doubling, so a
 * request costs one allocation in the common case and linear time in the worst.
 */

/** Thrown when a frame ends before a record does or holds an impossible length. */
export class JuteDecodeError extends Error {}

export class JuteReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  private need(bytes: number): number {
    const at = this.offset;
    if (bytes < 0 || at + bytes > this.buffer.length) {
      throw new JuteDecodeError(
        `the frame ends after ${this.buffer.length} bytes, ${at + bytes - this.buffer.length} bytes short of the record`,
      );
    }
    this.offset = at + bytes;
    return at;
  }

  int(): number {
    return this.buffer.readInt32BE(this.need(4));
  }

  long(): bigint {
    return this.buffer.readBigInt64BE(this.need(8));
  }

  /** A long that is a time or a count in milliseconds: exact as a number up to 2^53. */
  longAsNumber(): number {
    const at = this.need(8);
    return this.buffer.readInt32BE(at) * 0x1_0000_0000 + this.buffer.readUInt32BE(at + 4);
  }

  bool(): boolean {
    return this.buffer[this.need(1)] !== 0;
  }

  /** A buffer field; null on the wire (-1) reads as null. The bytes are copied out of the frame. */
  data(): Buffer | null {
    const length = this.int();
    if (length === -1) return null;
    const at = this.need(length);
    return Buffer.from(this.buffer.subarray(at, at + length));
  }

  ustring(): string | null {
    const length = this.int();
    if (length === -1) return null;
    const at = this.need(length);
    return this.buffer.toString('utf8', at, at + length);
  }

  /** A string field that the protocol never sends as null; null reads as ''. */
  string(): string {
    return this.ustring() ?? '';
  }

  /** A vector; null (-1) reads as empty. The count is checked against the bytes left before allocating. */
  vector<T>(item: (reader: JuteReader) => T, minItemBytes = 1): T[] {
    const count = this.int();
    if (count === -1) return [];
    if (count < 0 || count * minItemBytes > this.remaining) {
      throw new JuteDecodeError(
        `a vector of ${count} items does not fit in the ${this.remaining} bytes left`,
      );
    }
    const items = new Array<T>(count);
    for (let index = 0; index < count; index++) items[index] = item(this);
    return items;
  }

  stringVector(): string[] {
    return this.vector((reader) => reader.string(), 4);
  }
}

export class JuteWriter {
  private buffer: Buffer;
  private offset: number;

  /** `reserve` bytes are left free at the start (for the frame length written at the end). */
  constructor(sizeHint = 256, reserve = 0) {
    this.buffer = Buffer.allocUnsafe(Math.max(sizeHint, reserve + 16));
    this.offset = reserve;
  }

  get length(): number {
    return this.offset;
  }

  private room(bytes: number): number {
    const at = this.offset;
    if (at + bytes > this.buffer.length) {
      let size = this.buffer.length * 2;
      while (size < at + bytes) size *= 2;
      const grown = Buffer.allocUnsafe(size);
      this.buffer.copy(grown, 0, 0, at);
      this.buffer = grown;
    }
    this.offset = at + bytes;
    return at;
  }

  int(value: number): this {
    // room() may replace the buffer: take the offset before reading this.buffer.
    const at = this.room(4);
    this.buffer.writeInt32BE(value, at);
    return this;
  }

  long(value: bigint): this {
    const at = this.room(8);
    this.buffer.writeBigInt64BE(value, at);
    return this;
  }

  bool(value: boolean): this {
    const at = this.room(1);
    this.buffer[at] = value ? 1 : 0;
    return this;
  }

  data(value: Buffer | null): this {
    if (value === null) return this.int(-1);
    this.int(value.length);
    const at = this.room(value.length);
    value.copy(this.buffer, at);
    return this;
  }

  ustring(value: string | null): this {
    if (value === null) return this.int(-1);
    const bytes = Buffer.byteLength(value, 'utf8');
    this.int(bytes);
    const at = this.room(bytes);
    this.buffer.write(value, at, bytes, 'utf8');
    return this;
  }

  vector<T>(items: readonly T[], item: (writer: JuteWriter, value: T) => void): this {
    this.int(items.length);
    for (const value of items) item(this, value);
    return this;
  }

  stringVector(items: readonly string[]): this {
    return this.vector(items, (writer, value) => writer.ustring(value));
  }

  /** The bytes written so far (a view, not a copy). */
  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.offset);
  }

  /** The bytes as one frame: the length of what follows the reserved 4 bytes written into them. */
  frame(): Buffer {
    this.buffer.writeInt32BE(this.offset - 4, 0);
    return this.toBuffer();
  }
}
