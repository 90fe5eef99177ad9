import { describe, expect, it } from 'vitest';
import type { NodeChange } from '../../electron/core/backends/backend.js';
import { until } from '../integration/support/async-expect.js';
import { PLAIN, under, type SuiteContext } from './context.js';
import type { TreeAccess } from './harness.js';
import { pause } from './wait.js';

const WAIT_MS = 10_000;

/** Changes made by another session reach a watch of this one, until it is stopped. */
export function watchCases(ctx: SuiteContext, tree: Extract<TreeAccess, { writable: true }>): void {
  describe('watches', () => {
    it('reports a node created, changed and deleted by another session, and nothing once stopped', async () => {
      const root = await ctx.freshRoot();
      const path = under(root, '/watched');
      const changes: NodeChange[] = [];
      const stop = ctx.session.watch(path, { children: false }, (change) => changes.push(change));
      try {
        await pause(tree.watchArmMs);
        await ctx.other.create(path, Buffer.from('1'), PLAIN);
        await until(() => changes.length >= 1, WAIT_MS);
        await ctx.other.set(path, Buffer.from('2'), null);
        await until(() => changes.length >= 2, WAIT_MS);
        await ctx.other.delete(path, { recursive: false, token: null });
        await until(() => changes.length >= 3, WAIT_MS);
        expect(changes).toEqual([
          { path, type: 'created' },
          { path, type: 'data' },
          { path, type: 'deleted' },
        ]);
      } finally {
        stop();
      }
      await ctx.other.create(path, Buffer.from('after'), PLAIN);
      await pause(Math.max(300, tree.watchArmMs));
      expect(changes).toHaveLength(3);
    });

    it('reports the children of a watched level changing when another session adds one', async () => {
      const { root } = await ctx.seed([['/first', Buffer.from('1')]]);
      const changes: NodeChange[] = [];
      const stop = ctx.session.watch(root, { children: true }, (change) => changes.push(change));
      try {
        await pause(tree.watchArmMs);
        await ctx.other.create(under(root, '/second'), Buffer.from('2'), PLAIN);
        await until(() => changes.some((change) => change.type === 'children'), WAIT_MS);
        expect(changes).toContainEqual({ path: root, type: 'children' });
      } finally {
        stop();
      }
    });
  });
}
