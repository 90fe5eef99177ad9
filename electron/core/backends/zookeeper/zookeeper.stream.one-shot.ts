import type { ZkWatcher } from './client/index.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';
import { callZk } from './zookeeper.call.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { streamReader, type StreamReader } from './zookeeper.stream.reads.js';
import { notificationOf, type StreamNotification, type WatchStrategy } from './zookeeper.stream.strategy.js';

/** Shown with every one-shot stream: what it cannot see. */
export const ONE_SHOT_NOTE = say(ZOOKEEPER_SENTENCES, 'oneShotNote');

/**
 * One-shot watches (every ZooKeeper), re-armed by the read that follows each event: a data watch on every
 * node read (changed, deleted) and a child watch on every node listed (new children, found by listing).
 * A missing stream path gets an existence watch, which reports its creation. Which paths hold watches is
 * remembered so a stop can take them all off the server.
 */
export function oneShotWatchStrategy(
  ops: ZooKeeperOps,
  path: string,
  recursive: boolean,
  onNotification: (event: StreamNotification) => void,
): WatchStrategy {
  const armed = new Set<string>();
  let stopped = false;
  const data: ZkWatcher = (event) => {
    const notification = notificationOf(event);
    // The child watch's copy of a deletion is dropped below; the data watch reports it.
    if (!stopped && notification !== null && notification.type !== 'childrenChanged')
      onNotification(notification);
  };
  const child: ZkWatcher = (event) => {
    if (!stopped && event.type === 'childrenChanged') onNotification({ ...event, type: 'childrenChanged' });
  };
  const watching = streamReader(ops, { data, child, armed: (at) => armed.add(at) });
  const reader: StreamReader = {
    list: watching.list,
    read: async (at) => {
      const node = await watching.read(at);
      if (node !== null || at !== path) return node;
      // The stream's own path is missing: an existence watch reports its creation.
      const stat = await callZk(ops.ctx, 'read', 'read', at, () => ops.client.exists(at, { watch: data }));
      armed.add(at);
      return stat === null ? null : watching.read(at);
    },
  };
  return {
    method: say(ZOOKEEPER_SENTENCES, recursive ? 'streamMethodOneShotTree' : 'streamMethodOneShotNode'),
    note: ONE_SHOT_NOTE,
    rearms: true,
    reader,
    start: () => Promise.resolve(),
    forget: (at) => {
      if (at !== path) armed.delete(at);
    },
    stop: () => {
      stopped = true;
      for (const at of armed) {
        ops.client.removeWatches(at, 'data', data).catch(() => undefined);
        ops.client.removeWatches(at, 'children', child).catch(() => undefined);
      }
      armed.clear();
    },
  };
}
