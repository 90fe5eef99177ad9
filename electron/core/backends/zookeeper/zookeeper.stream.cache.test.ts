import { describe, expect, it } from 'vitest';
import { streamValue } from '../kit/stream.value.js';
import { NodeCache, type KnownNode } from './zookeeper.stream.cache.js';

function node(text: string, mzxid = 1n): KnownNode {
  return {
    value: streamValue(Buffer.from(text)) ?? undefined,
    version: 0,
    czxid: 1n,
    mzxid,
    seenBy: 'event',
  };
}

describe('NodeCache', () => {
  it('tracks at most maxNodes nodes and says when it had to leave one out', () => {
    const cache = new NodeCache({ maxNodes: 2, maxValueBytes: 1_000_000 });
    expect(cache.set('/a', node('1'))).toBe(true);
    expect(cache.set('/a/b', node('2'))).toBe(true);
    expect(cache.overflowed).toBe(false);
    expect(cache.set('/a/c', node('3'))).toBe(false);
    expect(cache.has('/a/c')).toBe(false);
    expect(cache.overflowed).toBe(true);
    // A tracked node may still change; a deletion makes room.
    expect(cache.set('/a/b', node('2 again', 2n))).toBe(true);
    expect(cache.get('/a/b')?.mzxid).toBe(2n);
    cache.delete('/a/b');
    expect(cache.set('/a/c', node('3'))).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('keeps values up to maxValueBytes, tracks the rest without them, and frees the bytes of replaced values', () => {
    const one = node('x'.repeat(100));
    const weight = one.value!.base64!.length + one.value!.sha256.length;
    const cache = new NodeCache({ maxNodes: 10, maxValueBytes: weight * 2 });
    cache.set('/a', one);
    cache.set('/b', node('x'.repeat(100)));
    expect(cache.bytes).toBe(weight * 2);
    cache.set('/c', node('x'.repeat(100)));
    expect(cache.has('/c')).toBe(true);
    expect(cache.get('/c')?.value).toBeUndefined();
    expect(cache.valuesOverflowed).toBe(true);
    expect(cache.bytes).toBe(weight * 2);
    // Replacing a value frees the old one's bytes first.
    cache.set('/a', node('y'.repeat(100)));
    expect(cache.get('/a')?.value).toBeDefined();
    expect(cache.bytes).toBe(weight * 2);
    cache.delete('/b');
    expect(cache.bytes).toBe(weight);
  });

  it('indexes child names by parent', () => {
    const cache = new NodeCache();
    cache.set('/app', node(''));
    cache.set('/app/a', node(''));
    cache.set('/app/b', node(''));
    cache.set('/app/a/x', node(''));
    expect([...cache.childrenOf('/app')].sort()).toEqual(['a', 'b']);
    expect([...cache.childrenOf('/app/a')]).toEqual(['x']);
    cache.delete('/app/a/x');
    expect([...cache.childrenOf('/app/a')]).toEqual([]);
    expect(cache.delete('/missing')).toBeUndefined();
    expect(cache.paths().sort()).toEqual(['/app', '/app/a', '/app/b']);
  });
});
