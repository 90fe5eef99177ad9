import { describe, expect, it } from 'vitest';
import type { BackendStreamEvent } from '../../shared/model/event-stream.js';
import type { StreamSink } from '../../electron/core/backends/backend.js';
import { until } from '../integration/support/async-expect.js';
import { PLAIN, under, type SuiteContext } from './context.js';
import type { TreeAccess } from './harness.js';
import { pause } from './wait.js';

const WAIT_MS = 15_000;

const CHANGES = new Set(['created', 'changed', 'deleted']);

function text(value: BackendStreamEvent['after']): string | null {
  return value === null || value.base64 === null
    ? null
    : Buffer.from(value.base64, 'base64').toString('utf8');
}

/** A sink that keeps what the stream reports, and the failure if one comes. */
function collectingSink(): StreamSink & { events: BackendStreamEvent[]; failure: Error | null } {
  const sink = {
    events: [] as BackendStreamEvent[],
    failure: null as Error | null,
    emit: (event: BackendStreamEvent) => sink.events.push(event),
    fail: (error: Error) => (sink.failure = error),
  };
  return sink;
}

/**
 * Live event streams (capability `eventStreams`): changes made by another client three levels down (a
 * group's flat configs where levels do not nest) reach a subtree stream in order, with the values before
 * and after and the store's own order mark; nothing arrives once stopped. Bursts (changes faster than a
 * store's answers) are each store's own tests: only etcd and persistent ZooKeeper watches see every one.
 */
export function streamCases(ctx: SuiteContext, tree: Extract<TreeAccess, { writable: true }>): void {
  describe('event streams', () => {
    it('reports creates, sets and deletes below the root in order, with values and marks', async () => {
      const root = await ctx.freshRoot();
      const paths = ctx.harness.nestedLevels
        ? [under(root, '/a'), under(root, '/a/b'), under(root, '/a/b/c')]
        : [under(root, '/a'), under(root, '/b'), under(root, '/c')];
      const deepest = paths[2]!;
      const sink = collectingSink();
      const stream = await ctx.session.streams!.open(root, { recursive: true, sinceRevision: null }, sink);
      try {
        expect(stream.method).not.toBe('');
        await pause(tree.watchArmMs);
        const changes = () => sink.events.filter((event) => CHANGES.has(event.type));
        // Each change is awaited before the next: stores that compare snapshots (Consul blocking queries,
        // Nacos md5s) merge changes made between two answers, as their stream's note says.
        const seen = async (count: number) => {
          await until(() => changes().length >= count, WAIT_MS).catch((error: unknown) => {
            const got = JSON.stringify(sink.events.map((event) => [event.type, event.path]));
            throw new Error(`${String(error)}: the stream reported ${got}`);
          });
        };
        for (const [i, path] of paths.entries()) {
          await ctx.other.create(path, Buffer.from(`v${i}`), PLAIN);
          await seen(i + 1);
        }
        await ctx.other.set(deepest, Buffer.from('v2 changed'), null);
        await seen(4);
        await ctx.other.delete(deepest, { recursive: false, token: null });
        await seen(5);
        expect(sink.failure).toBeNull();
        expect(changes().map((event) => [event.type, event.path])).toEqual([
          ['created', paths[0]],
          ['created', paths[1]],
          ['created', paths[2]],
          ['changed', deepest],
          ['deleted', deepest],
        ]);
        const [, , created, changed, deleted] = changes();
        expect(text(created!.after)).toBe('v2');
        expect([text(changed!.before), text(changed!.after)]).toEqual(['v2', 'v2 changed']);
        expect(text(deleted!.before)).toBe('v2 changed');
        expect(deleted!.after).toBeNull();
        for (const event of [created!, changed!]) expect(event.mark, event.type).not.toBeNull();
      } finally {
        stream.stop();
      }
      const seen = sink.events.length;
      await ctx.other.create(under(root, '/after'), Buffer.from('late'), PLAIN);
      await pause(Math.max(500, tree.watchArmMs));
      expect(sink.events).toHaveLength(seen);
    });
  });
}
