import { describe, expect, it } from 'vitest';
import { ZkProtocolError } from './errors.js';
import { FrameSplitter } from './frames.js';

function frame(body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length, 0);
  return Buffer.concat([length, body]);
}

describe('FrameSplitter', () => {
  it('returns every frame of one chunk, in order', () => {
    const splitter = new FrameSplitter();
    const frames = splitter.push(
      Buffer.concat([frame(Buffer.from('one')), frame(Buffer.from('')), frame(Buffer.from('three'))]),
    );
    expect(frames.map((f) => f.toString())).toEqual(['one', '', 'three']);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('joins a frame whose length prefix and body arrive a byte at a time', () => {
    const splitter = new FrameSplitter();
    const bytes = frame(Buffer.from('hello'));
    const frames: Buffer[] = [];
    for (const byte of bytes) frames.push(...splitter.push(Buffer.from([byte])));
    expect(frames.map((f) => f.toString())).toEqual(['hello']);
  });

  it('assembles a reply of several megabytes from 64 KiB chunks exactly', () => {
    const body = Buffer.alloc(5 * 1024 * 1024 + 17);
    for (let index = 0; index < body.length; index++) body[index] = (index * 31) & 0xff;
    const bytes = Buffer.concat([frame(body), frame(Buffer.from('next'))]);
    const splitter = new FrameSplitter();
    const frames: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 65536)
      frames.push(...splitter.push(bytes.subarray(at, at + 65536)));
    expect(frames).toHaveLength(2);
    expect(frames[0]!.equals(body)).toBe(true);
    expect(frames[1]!.toString()).toBe('next');
  });

  it('refuses a length no ZooKeeper reply has', () => {
    const splitter = new FrameSplitter(1024);
    expect(() => splitter.push(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))).toThrow(ZkProtocolError);
    expect(() => new FrameSplitter().push(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow(
      /frame length of -1/,
    );
  });
});
