import { ZkProtocolError } from './errors.js';

/** Replies are refused past this length: a larger length prefix means the bytes are not ZooKeeper's. */
export const MAX_REPLY_BYTES = 1024 * 1024 * 1024;

/**
 * Cuts a byte stream into length-prefixed frames. Chunks are kept as they arrive and joined once per
 * frame, so a reply of many megabytes (the children of a node with 300,000 names) costs time linear in
 * its size, not a copy of everything received so far on every chunk.
 */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Length of the frame being received, or -1 while its length prefix is incomplete. */
  private expected = -1;

  constructor(private readonly maxFrameBytes: number = MAX_REPLY_BYTES) {}

  /** Bytes of an unfinished frame still buffered (0 between frames). */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Adds received bytes and returns every frame they complete, in order. Throws ZkProtocolError. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.expected === -1) {
        if (this.buffered < 4) break;
        const length = this.peekLength();
        if (length < 0 || length > this.maxFrameBytes) {
          throw new ZkProtocolError(
            `the server sent a frame length of ${length} bytes, which is not a ZooKeeper reply`,
          );
        }
        this.take(4);
        this.expected = length;
      }
      if (this.buffered < this.expected) break;
      frames.push(this.take(this.expected));
      this.expected = -1;
    }
    return frames;
  }

  private peekLength(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readInt32BE(0);
    return Buffer.concat(this.chunks, 4).readInt32BE(0);
  }

  /** Removes and returns the first `bytes` bytes (a view when they lie in one chunk). */
  private take(bytes: number): Buffer {
    this.buffered -= bytes;
    const first = this.chunks[0];
    if (first !== undefined && first.length >= bytes) {
      const taken = first.subarray(0, bytes);
      if (first.length === bytes) this.chunks.shift();
      else this.chunks[0] = first.subarray(bytes);
      return taken;
    }
    const out = Buffer.allocUnsafe(bytes);
    let filled = 0;
    let used = 0;
    while (filled < bytes) {
      const chunk = this.chunks[used]!;
      const part = Math.min(chunk.length, bytes - filled);
      chunk.copy(out, filled, 0, part);
      filled += part;
      if (part === chunk.length) used++;
      else this.chunks[used] = chunk.subarray(part);
    }
    this.chunks.splice(0, used);
    return out;
  }
}
