import { describe, expect, it } from 'vitest';
import { rejection } from '../integration/support/async-expect.js';
import { NESTED } from './children.cases.js';
import { PLAIN, under, type SuiteContext } from './context.js';
import type { Fixture, TreeAccess } from './harness.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const b64 = (text: string): string => utf8(text).toString('base64');
const text = (value: Buffer | null): string | null => value?.toString('utf8') ?? null;
const FLAT: Fixture = [
  ['/one', utf8('1')],
  ['/two', utf8('2')],
  ['/three', utf8('3')],
];

/** Create, set and delete with concurrency tokens, the value each write replaced, and the refusals. */
export function writeCases(ctx: SuiteContext, tree: Extract<TreeAccess, { writable: true }>): void {
  const { harness } = ctx;

  describe('writes', () => {
    it('creates, saves with the token and deletes, each write telling the value it replaced', async () => {
      const root = await ctx.freshRoot();
      const path = under(root, '/key');
      const { session } = ctx;
      expect(await session.create(path, utf8('one'), PLAIN)).toEqual({ path });
      expect((await rejection(session.create(path, utf8('again'), PLAIN))).code).toBe('NODE_EXISTS');
      const read = await session.get(path, { maxBytes: 0 });
      expect(read).toMatchObject({
        path,
        hasValue: true,
        valueBase64: b64('one'),
        token: expect.any(String),
      });

      const saved = await session.set(path, utf8('two'), read.token);
      expect(text(saved.before)).toBe('one');
      expect(saved.node).toMatchObject({ path, valueBase64: b64('two'), size: 3 });
      expect(saved.node.token).not.toBe(read.token);
      expect((await session.get(path, { maxBytes: 0 })).token).toBe(saved.node.token);
      const unconditional = await session.set(path, utf8('three'), null);
      expect(text(unconditional.before)).toBe('two');

      const removed = await session.delete(path, { recursive: false, token: unconditional.node.token });
      expect(removed).toMatchObject({ deleted: 1 });
      expect(text(removed.before)).toBe('three');
      expect((await rejection(session.get(path, { maxBytes: 0 }))).code).toBe('NOT_FOUND');
      expect((await rejection(session.delete(path, { recursive: false, token: null }))).code).toBe(
        'NOT_FOUND',
      );
    });

    it('refuses a set and a delete with a token another session moved past: CONFLICT with the current value, nothing written', async () => {
      const { session, root } = await ctx.seed([['/shared', utf8('mine')]]);
      const path = under(root, '/shared');
      const mine = await session.get(path, { maxBytes: 0 });
      const theirs = await ctx.other.set(path, utf8('theirs'), null);
      expect(text(theirs.before)).toBe('mine');

      const conflict = await rejection(session.set(path, utf8('too late'), mine.token));
      expect(conflict.code).toBe('CONFLICT');
      expect(conflict.conflict).toEqual({
        currentValueBase64: b64('theirs'),
        currentToken: theirs.node.token,
      });
      const staleDelete = await rejection(session.delete(path, { recursive: false, token: mine.token }));
      expect(staleDelete.code).toBe('CONFLICT');
      const now = await session.get(path, { maxBytes: 0 });
      expect(now).toMatchObject({ valueBase64: b64('theirs'), token: theirs.node.token });
      // Saving on top of what is there now works.
      expect(
        (await session.set(path, utf8('mine again'), conflict.conflict!.currentToken)).node.valueBase64,
      ).toBe(b64('mine again'));
    });

    it('refuses a token that is not one of the store', async () => {
      const { session, root } = await ctx.seed([['/key', utf8('v')]]);
      expect((await rejection(session.set(under(root, '/key'), utf8('x'), 'not a token'))).code).toBe(
        'INVALID_INPUT',
      );
    });

    it('refuses to delete a node with children unless recursive, then deletes them all and tells how many', async () => {
      const fixture = harness.nestedLevels ? NESTED : FLAT;
      const { session, root, nodesUnder } = await ctx.seed(fixture);
      const target = harness.nestedLevels ? under(root, '/tree') : root;
      const notEmpty = await rejection(session.delete(target, { recursive: false, token: null }));
      expect(notEmpty.code).toBe('NOT_EMPTY');
      const count = await session.countSubtree(target);
      // A flat root counts itself where it is a node with a value; the nested level is one of the fixture's.
      const self = (await session.get(root, { maxBytes: 0 })).hasValue ? 1 : 0;
      expect(count).toBe(harness.nestedLevels ? nodesUnder('/tree') : nodesUnder('/') + self);
      expect((await session.delete(target, { recursive: true, token: null })).deleted).toBe(count);
      expect((await rejection(session.get(target, { maxBytes: 0 }))).code).toBe('NOT_FOUND');
    });

    if (harness.nestedLevels && ctx.parentsMustExist) {
      it('refuses a node whose parent does not exist with NOT_FOUND', async () => {
        const root = await ctx.freshRoot();
        const orphan = under(root, '/missing/child');
        expect((await rejection(ctx.session.create(orphan, utf8('x'), PLAIN))).code).toBe('NOT_FOUND');
        expect((await rejection(ctx.session.get(under(root, '/missing'), { maxBytes: 0 }))).code).toBe(
          'NOT_FOUND',
        );
      });
    } else if (harness.nestedLevels) {
      it('makes the levels above a new key appear, and go with it', async () => {
        const root = await ctx.freshRoot();
        const key = under(root, '/deep/er/key');
        await ctx.session.create(key, utf8('x'), PLAIN);
        expect(await ctx.session.get(under(root, '/deep'), { maxBytes: 0 })).toMatchObject({
          hasValue: false,
          token: null,
          childCount: 1,
        });
        await ctx.session.delete(key, { recursive: false, token: null });
        expect((await rejection(ctx.session.get(under(root, '/deep'), { maxBytes: 0 }))).code).toBe(
          'NOT_FOUND',
        );
      });
    }

    it('refuses to delete the root', async () => {
      expect((await rejection(ctx.session.delete('/', { recursive: true, token: null }))).code).toBe(
        'INVALID_INPUT',
      );
    });

    it('refuses a value over the store limit with TOO_LARGE, writing nothing', async () => {
      const root = await ctx.freshRoot();
      const path = under(root, '/big');
      const refused = await rejection(
        ctx.session.create(path, Buffer.alloc(tree.tooLargeBytes, 0x61), PLAIN),
      );
      expect(refused.code).toBe('TOO_LARGE');
      expect((await rejection(ctx.session.get(path, { maxBytes: 0 }))).code).toBe('NOT_FOUND');
    });
  });
}
