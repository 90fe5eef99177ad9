import { describe, expect, it } from 'vitest';
import { deliver, ListenerSet } from '../../../../electron/core/backends/kit/listener.set.js';

describe('listener set', () => {
  it('calls every listener in order; one that throws does not stop the others', () => {
    const set = new ListenerSet<[string, number]>();
    const calls: string[] = [];
    set.add((a, n) => calls.push(`first ${a} ${n}`));
    set.add(() => {
      throw new Error('broken listener');
    });
    set.add((a, n) => calls.push(`third ${a} ${n}`));
    expect(() => set.emit('x', 1)).not.toThrow();
    expect(calls).toEqual(['first x 1', 'third x 1']);
  });

  it('removes a listener with the function add returned, and all of them with clear', () => {
    const set = new ListenerSet<[number]>();
    const seen: number[] = [];
    const remove = set.add((n) => seen.push(n));
    set.add((n) => seen.push(n * 10));
    set.emit(1);
    remove();
    set.emit(2);
    set.clear();
    set.emit(3);
    expect(seen).toEqual([1, 10, 20]);
  });

  it('does not call a listener added while an emit runs until the next emit', () => {
    const set = new ListenerSet<[number]>();
    const seen: string[] = [];
    set.add((n) => {
      seen.push(`outer ${n}`);
      if (n === 1) set.add((m) => seen.push(`inner ${m}`));
    });
    set.emit(1);
    set.emit(2);
    expect(seen).toEqual(['outer 1', 'outer 2', 'inner 2']);
  });

  it('deliver swallows a listener failure', () => {
    const got: number[] = [];
    deliver((n: number) => got.push(n), 7);
    expect(() =>
      deliver(() => {
        throw new Error('no');
      }),
    ).not.toThrow();
    expect(got).toEqual([7]);
  });
});
