import { describe, expect, it } from 'vitest';
import { rejection } from '../integration/support/async-expect.js';
import { PLAIN, under, type SuiteContext } from './context.js';
import type { Fixture } from './harness.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const bytes = (base64: string): Buffer => Buffer.from(base64, 'base64');
const list = { cursor: null, limit: 100, filter: null } as const;

/** Unicode names and values; names with spaces and URL punctuation where the store has them. */
const UNICODE: Fixture = [
  ['/naïve', utf8('naïve café ✓ 🚀')],
  ['/ключ', utf8('значение')],
  ['/配置.json', utf8('{"名":"値"}')],
];
const PUNCTUATION = '/a b#c?d%e&f=g+h';
const BINARY = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

/**
 * What a writable store that cannot hold something does with it: INVALID_INPUT, and nothing written (the
 * root's listing still holds only the key put there before).
 */
async function refusedCleanly(ctx: SuiteContext, relative: string, value: Buffer): Promise<void> {
  const { session, root } = await ctx.seed([['/kept', utf8('kept')]]);
  const refused = await rejection(session.create(under(root, relative), value, PLAIN));
  expect(refused.code).toBe('INVALID_INPUT');
  expect((await session.listChildren(root, list)).entries.map((entry) => entry.name)).toEqual(['kept']);
}

/** Values and names round trip exactly; what a store cannot hold is refused cleanly. */
export function valueCases(ctx: SuiteContext): void {
  const { harness } = ctx;
  const writable = harness.tree.writable;

  describe('values and names', () => {
    it('keeps unicode names and values exactly, listed in name order and filtered case-insensitively', async () => {
      const fixture: Fixture = harness.punctuationNames ? [...UNICODE, [PUNCTUATION, utf8('odd')]] : UNICODE;
      const { session, root } = await ctx.seed(fixture);
      for (const [relative, value] of fixture) {
        const read = await session.get(under(root, relative), { maxBytes: 0 });
        expect(bytes(read.valueBase64).equals(value!), relative).toBe(true);
        expect(read).toMatchObject({ hasValue: true, size: value!.length, truncated: false });
      }
      const names = (await session.listChildren(root, list)).entries.map((entry) => entry.name);
      expect(names).toEqual(fixture.map(([relative]) => relative.slice(1)).sort());
      const filtered = await session.listChildren(root, { ...list, filter: 'КЛЮ' });
      expect(filtered.entries.map((entry) => entry.path)).toEqual([under(root, '/ключ')]);
    });

    if (!harness.punctuationNames && writable) {
      it('refuses a name with spaces and URL punctuation with INVALID_INPUT, writing nothing', async () => {
        await refusedCleanly(ctx, PUNCTUATION, utf8('odd'));
      });
    }

    if (harness.values.binary || !writable) {
      it('keeps binary values byte for byte', async () => {
        const { session, root } = await ctx.seed([['/bytes', BINARY]]);
        const read = await session.get(under(root, '/bytes'), { maxBytes: 0 });
        expect(bytes(read.valueBase64).equals(BINARY)).toBe(true);
        expect(read.size).toBe(256);
      });
    } else {
      it('refuses bytes that are not text with INVALID_INPUT, writing nothing', async () => {
        await refusedCleanly(ctx, '/bytes', BINARY);
      });
    }

    if (harness.values.empty || !writable) {
      it('keeps an empty value as a value', async () => {
        const { session, root } = await ctx.seed([['/empty', Buffer.alloc(0)]]);
        expect(await session.get(under(root, '/empty'), { maxBytes: 0 })).toMatchObject({
          hasValue: true,
          valueBase64: '',
          size: 0,
          truncated: false,
        });
      });
    } else {
      it('refuses an empty value with INVALID_INPUT, writing nothing', async () => {
        await refusedCleanly(ctx, '/empty', Buffer.alloc(0));
      });
    }

    it('truncates a value to maxBytes on request, telling its full size', async () => {
      const value = utf8('0123456789'.repeat(10));
      const { session, root } = await ctx.seed([['/long', value]]);
      const path = under(root, '/long');
      const cut = await session.get(path, { maxBytes: 10 });
      expect(cut).toMatchObject({ truncated: true, size: 100 });
      expect(bytes(cut.valueBase64).equals(value.subarray(0, 10))).toBe(true);
      expect(await session.get(path, { maxBytes: 100 })).toMatchObject({ truncated: false, size: 100 });
      expect(bytes((await session.get(path, { maxBytes: 0 })).valueBase64).equals(value)).toBe(true);
    });
  });
}
