import { describe, expect, it } from 'vitest';
import { compareChoices } from '../../../renderer/src/features/tabs/compare-from-tabs.js';

const selections = (map: Record<string, string>) => (id: string) => map[id] ?? null;

describe('compare from two tabs', () => {
  it('offers every other tab at this tab’s selected node', () => {
    const choices = compareChoices('a', ['a', 'b', 'c'], selections({ a: '/app' }));
    expect(choices.map((c) => [c.otherId, c.kind])).toEqual([
      ['b', 'samePath'],
      ['c', 'samePath'],
    ]);
    expect(choices[0]?.request).toEqual({
      left: { type: 'connection', connectionId: 'a', path: '/app' },
      right: { type: 'connection', connectionId: 'b', path: '/app' },
    });
  });

  it('compares from the root when nothing is selected', () => {
    const [choice] = compareChoices('a', ['a', 'b'], selections({}));
    expect(choice?.request.left).toEqual({ type: 'connection', connectionId: 'a', path: '/' });
    expect(choice?.request.right).toEqual({ type: 'connection', connectionId: 'b', path: '/' });
  });

  it('also offers the other tab’s own selected node when it differs', () => {
    const choices = compareChoices('a', ['a', 'b'], selections({ a: '/app', b: '/shop' }));
    expect(choices.map((c) => c.kind)).toEqual(['samePath', 'selected']);
    expect(choices[1]?.request.right).toEqual({ type: 'connection', connectionId: 'b', path: '/shop' });
    expect(compareChoices('a', ['a', 'b'], selections({ a: '/x', b: '/x' }))).toHaveLength(1);
  });

  it('offers nothing with one tab open', () => {
    expect(compareChoices('a', ['a'], selections({ a: '/x' }))).toEqual([]);
  });
});
