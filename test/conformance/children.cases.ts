import { describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors.js';
import { rejection } from '../integration/support/async-expect.js';
import { PLAIN, under, type SuiteContext } from './context.js';
import type { Fixture } from './harness.js';
import { allPages } from './pages.js';

const ITEMS = Array.from({ length: 25 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
const MANY: Fixture = [
  ...ITEMS.map((name) => [`/${name}`, Buffer.from('v')] as const),
  ['/other', Buffer.from('o')],
];

/** A small nested tree: `/tree/a/{1,2}`, `/tree/b/1`, with levels that hold no value of their own. */
export const NESTED: Fixture = [
  ['/tree', null],
  ['/tree/a', null],
  ['/tree/a/1', Buffer.from('1')],
  ['/tree/a/2', Buffer.from('2')],
  ['/tree/b', null],
  ['/tree/b/1', Buffer.from('1')],
];

/** Listing levels page by page with a filter, counting subtrees, and what does not exist. */
export function childrenCases(ctx: SuiteContext): void {
  const { harness } = ctx;

  describe('children', () => {
    it('pages a level with a cursor, filters names case-insensitively, and counts what matches', async () => {
      const { session, root, nodesUnder } = await ctx.seed(MANY);
      const single = await session.listChildren(root, { cursor: null, limit: 100, filter: null });
      expect(single).toMatchObject({ total: 26, nextCursor: null });
      const whole = await allPages(session, root, 10);
      expect(whole.pages).toBe(3);
      // A store may not know the total before it paged to the end (etcd scans a level in batches).
      expect(whole.totals.filter((total) => total !== null && total !== 26)).toEqual([]);
      expect(whole.entries.map((entry) => entry.name)).toEqual([...ITEMS, 'other']);
      expect(whole.entries[3]).toMatchObject({
        name: 'item-03',
        path: under(root, '/item-03'),
        hasValue: true,
        childCount: 0,
        ephemeral: false,
      });
      const filtered = await allPages(session, root, 4, 'ITEM-1');
      expect(filtered.pages).toBe(3);
      expect(filtered.totals.filter((total) => total !== null && total !== 10)).toEqual([]);
      expect(filtered.entries.map((entry) => entry.name)).toEqual(ITEMS.slice(10, 20));
      // The root counts itself where it is a node with a value (a ZooKeeper node).
      const self = (await session.get(root, { maxBytes: 0 })).hasValue ? 1 : 0;
      expect(await session.countSubtree(root)).toBe(nodesUnder('/') + self);
    });

    if (harness.nestedLevels) {
      it('lists nested levels with their child counts and counts a subtree', async () => {
        const { session, root, nodesUnder } = await ctx.seed(NESTED);
        const tree = under(root, '/tree');
        const level = await session.listChildren(tree, { cursor: null, limit: 10, filter: null });
        expect(level.entries.map((entry) => [entry.name, entry.childCount])).toEqual([
          ['a', 2],
          ['b', 1],
        ]);
        // A level is a node with a value only where nodes need their parents (ZooKeeper).
        expect(level.entries.map((entry) => entry.hasValue)).toEqual([
          ctx.parentsMustExist,
          ctx.parentsMustExist,
        ]);
        expect(await session.get(under(root, '/tree/a'), { maxBytes: 0 })).toMatchObject({
          hasValue: ctx.parentsMustExist,
          childCount: 2,
        });
        expect(await session.countSubtree(tree)).toBe(nodesUnder('/tree'));
        expect(await session.countSubtree(under(root, '/tree/a/1'))).toBe(1);
      });
    } else if (harness.tree.writable) {
      it('refuses a node below a leaf level with INVALID_INPUT, writing nothing', async () => {
        const { session, root } = await ctx.seed([['/kept', Buffer.from('kept')]]);
        const refused = await rejection(session.create(under(root, '/deeper/key'), Buffer.from('x'), PLAIN));
        expect(refused.code).toBe('INVALID_INPUT');
        const names = (await session.listChildren(root, { cursor: null, limit: 10, filter: null })).entries;
        expect(names.map((entry) => entry.name)).toEqual(['kept']);
      });
    }

    it('answers NOT_FOUND for a path that does not exist, whatever is asked of it', async () => {
      const { session, root } = await ctx.seed([['/present', Buffer.from('here')]]);
      const missing = under(root, '/absent');
      expect((await rejection(session.get(missing, { maxBytes: 0 }))).code).toBe('NOT_FOUND');
      // Counting nothing is NOT_FOUND where a node must exist, and 0 where levels follow from keys.
      const counted = await session.countSubtree(missing).catch((error: AppError) => error.code);
      expect([0, 'NOT_FOUND']).toContain(counted);
      const listing = session.listChildren(missing, { cursor: null, limit: 10, filter: null });
      expect((await rejection(listing)).code).toBe('NOT_FOUND');
    });
  });
}
