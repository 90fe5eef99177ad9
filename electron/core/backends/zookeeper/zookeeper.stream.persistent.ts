import { say } from '../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';
import type { ZkWatcher } from './client/index.js';
import { callZk } from './zookeeper.call.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { streamReader } from './zookeeper.stream.reads.js';
import { notificationOf, type StreamNotification, type WatchStrategy } from './zookeeper.stream.strategy.js';

/**
 * One persistent watch (ZooKeeper 3.6+, addWatch): recursive on a subtree (created, changed and deleted
 * for every node below, never children changed), or on the node alone (also children changed). It stays
 * until removed, so no change is merged or missed while connected; the client sets it again after a
 * reconnect and on a renewed session.
 */
export function persistentWatchStrategy(
  ops: ZooKeeperOps,
  path: string,
  recursive: boolean,
  onNotification: (event: StreamNotification) => void,
): WatchStrategy {
  const mode = recursive ? 'persistentRecursive' : 'persistent';
  const watcher: ZkWatcher = (event) => {
    const notification = notificationOf(event);
    if (notification !== null) onNotification(notification);
  };
  let added = false;
  return {
    method: say(ZOOKEEPER_SENTENCES, recursive ? 'streamMethodPersistentTree' : 'streamMethodPersistentNode'),
    note: null,
    rearms: false,
    reader: streamReader(ops, null),
    start: async () => {
      await callZk(ops.ctx, 'read', 'watch', path, () => ops.client.addWatch(path, mode, watcher));
      added = true;
    },
    forget: () => undefined,
    stop: () => {
      if (!added) return;
      added = false;
      ops.client.removeWatches(path, mode, watcher).catch(() => undefined);
    },
  };
}
