import { describe, expect, it } from 'vitest';
import type { BatchWrite, BatchWriter } from '../../electron/core/backends/batch.js';
import { rejection } from '../integration/support/async-expect.js';
import { under, type SuiteContext } from './context.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Guarded batches where the session offers them: all applied, or none when a guard fails. */
export function batchCases(ctx: SuiteContext): void {
  if (!ctx.harness.batch) {
    describe('batches', () => {
      it('offers no batch writer (writes go one by one)', () => {
        expect(ctx.session.batch).toBeUndefined();
      });
    });
    return;
  }

  describe('batches', () => {
    const writer = (): BatchWriter => ctx.session.batch!;

    it('applies creates, guarded sets and guarded deletes all together', async () => {
      const { session, root } = await ctx.seed([
        ['/kept', utf8('old')],
        ['/gone', utf8('doomed')],
      ]);
      const [kept, gone] = await Promise.all(
        ['/kept', '/gone'].map((relative) => session.get(under(root, relative), { maxBytes: 0 })),
      );
      await writer().apply([
        { op: 'create', path: under(root, '/new'), value: utf8('fresh') },
        { op: 'set', path: under(root, '/kept'), value: utf8('new'), token: kept!.token! },
        { op: 'delete', path: under(root, '/gone'), token: gone!.token! },
      ]);
      const listing = await session.listChildren(root, { cursor: null, limit: 10, filter: null });
      expect(listing.entries.map((entry) => entry.name)).toEqual(['kept', 'new']);
      expect((await session.get(under(root, '/kept'), { maxBytes: 0 })).valueBase64).toBe(
        utf8('new').toString('base64'),
      );
    });

    it('writes nothing and fails with CONFLICT when one guard no longer holds', async () => {
      const { session, root } = await ctx.seed([
        ['/moved', utf8('mine')],
        ['/exists', utf8('here')],
      ]);
      const moved = under(root, '/moved');
      const read = await session.get(moved, { maxBytes: 0 });
      await ctx.other.set(moved, utf8('theirs'), null);
      const stale: BatchWrite[] = [
        { op: 'create', path: under(root, '/never'), value: utf8('x') },
        { op: 'set', path: moved, value: utf8('late'), token: read.token! },
      ];
      expect((await rejection(writer().apply(stale))).code).toBe('CONFLICT');
      const taken: BatchWrite[] = [
        { op: 'create', path: under(root, '/never'), value: utf8('x') },
        { op: 'create', path: under(root, '/exists'), value: utf8('again') },
      ];
      expect((await rejection(writer().apply(taken))).code).toBe('CONFLICT');
      const listing = await session.listChildren(root, { cursor: null, limit: 10, filter: null });
      expect(listing.entries.map((entry) => entry.name)).toEqual(['exists', 'moved']);
      expect((await session.get(moved, { maxBytes: 0 })).valueBase64).toBe(utf8('theirs').toString('base64'));
    });

    it('refuses more writes than one batch may hold with INVALID_INPUT', async () => {
      const root = await ctx.freshRoot();
      const writes = Array.from({ length: writer().maxWrites + 1 }, (_, i): BatchWrite => ({
        op: 'create',
        path: under(root, `/k${i}`),
        value: utf8('v'),
      }));
      expect((await rejection(writer().apply(writes))).code).toBe('INVALID_INPUT');
    });
  });
}
