import { describe, expect, it } from 'vitest';
import { rejection } from '../integration/support/async-expect.js';
import { PLAIN, under, type SuiteContext } from './context.js';
import { coreOver } from './core.js';
import type { TreeAccess } from './harness.js';

const VALUE = Buffer.from('as exported');

/** A read-only store refuses every write with READ_ONLY, in the driver and in the core's write gate. */
export function readOnlyCases(ctx: SuiteContext, tree: Extract<TreeAccess, { writable: false }>): void {
  describe('read-only', () => {
    it('refuses set, create and delete with READ_ONLY and keeps every value', async () => {
      const { session, root } = await ctx.seed([['/key', VALUE]]);
      const path = under(root, '/key');
      const read = await session.get(path, { maxBytes: 0 });
      const writes = [
        session.set(path, Buffer.from('changed'), read.token),
        session.set(path, Buffer.from('changed'), null),
        session.create(under(root, '/new'), Buffer.from('x'), PLAIN),
        session.delete(path, { recursive: false, token: null }),
        session.delete(root, { recursive: true, token: null }),
      ];
      for (const write of writes) expect((await rejection(write)).code).toBe('READ_ONLY');
      expect(
        Buffer.from((await session.get(path, { maxBytes: 0 })).valueBase64, 'base64').equals(VALUE),
      ).toBe(true);
      expect(await session.countSubtree(root)).toBe(1);
    });

    it('is saved read-only by the core, whose write gate refuses and audits a write', async () => {
      const { profile, root } = await tree.open([['/key', VALUE]]);
      const { client, connectionId, name } = await coreOver(ctx.harness, profile);
      ctx.defer(() => client.close());
      const [saved] = await client.call('connections.list', {});
      expect(saved?.readOnly).toBe(true);
      const path = under(root, '/key');
      const error = await client.failure('node.set', {
        connectionId,
        path,
        valueBase64: 'eA==',
        token: null,
      });
      expect(error.code).toBe('READ_ONLY');
      const [entry] = (await client.call('audit.list', { connectionName: name })).entries;
      expect(entry).toMatchObject({
        operation: 'set',
        path,
        outcome: 'refused',
        error: { code: 'READ_ONLY' },
      });
    });
  });
}
