import type { IKeyValue, Watcher } from 'etcd3';
import { resolvePath } from './etcd.paths.js';
import type { WatchOperation } from '../kit/session.operation.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { isAppError } from '../../../../shared/errors.js';

/** Bursts (a recursive delete, a bulk import) become one 'children' event per this interval. */
const CHILDREN_DEBOUNCE_MS = 50;
/** A cancel waits for etcd to confirm; never longer than this. */
const CANCEL_WAIT_MS = 2000;

/**
 * Watches `path` (`emit` is the guarded emit of the session's watch registry): the exact key (put → 'created' when it is the key's first version, else 'data';
 * delete → 'deleted') and, with `children`, the keys below it ('children', debounced; etcd reports
 * every level, so a change deeper down also counts). The etcd3 client re-opens the watch stream after
 * a disconnect and resumes from the last revision seen, so no change is lost across reconnects.
 * Returns the stop, which waits (briefly) for etcd to confirm the cancel.
 */
export const startWatch: WatchOperation<EtcdRpc> = (rpc, path, options, emit) => {
  const { client, state } = rpc;
  const node = resolvePath(path);
  const watchers: Watcher[] = [];
  let childrenTimer: NodeJS.Timeout | null = null;
  const track = (watcher: Watcher): Watcher => {
    watcher.on('disconnected', () => state.unreachable('The etcd watch stream was interrupted; resuming.'));
    watcher.on('connected', () => state.reachable());
    watcher.on('error', () => undefined); // e.g. cancelled after a compaction; the stream itself carries on
    watchers.push(watcher);
    return watcher;
  };
  let stopped = false;
  const open = (): void => {
    if (node.key !== null) {
      track(client.watch().key(node.key).watcher())
        .on('put', (kv: IKeyValue) => emit({ path, type: kv.version === '1' ? 'created' : 'data' }))
        .on('delete', () => emit({ path, type: 'deleted' }));
    }
    if (options.children) {
      const childrenChanged = (kv: IKeyValue): void => {
        if (kv.key.length <= node.level.prefix.length || childrenTimer !== null) return;
        childrenTimer = setTimeout(() => {
          childrenTimer = null;
          emit({ path, type: 'children' });
        }, CHILDREN_DEBOUNCE_MS);
      };
      for (const range of node.level.ranges) {
        track(client.watch().inRange({ start: range.start, end: range.end }).watcher())
          .on('put', (kv: IKeyValue) => {
            if (kv.version === '1') childrenChanged(kv);
          })
          .on('delete', childrenChanged);
      }
    }
  };
  // A watch etcd refuses (no read permission there) would stall every later watch of the etcd3 client: its
  // attach queue waits for a confirmation that never comes. One cheap read finds out first; where the user
  // may not read, there is nothing the tree could show either, so no watch is set.
  const probe = node.key !== null ? { key: node.key } : node.level.ranges[0];
  const readable =
    probe === undefined
      ? Promise.resolve(true)
      : rpc
          .range(`Watching ${path}`, {
            key: 'key' in probe ? probe.key : probe.start,
            ...('end' in probe ? { range_end: probe.end } : {}),
            limit: 1,
            keys_only: true,
          })
          .then(
            () => true,
            (error: unknown) => !(isAppError(error) && error.code === 'PERMISSION_DENIED'),
          );
  void readable.then((allowed) => {
    if (allowed && !stopped) open();
  });
  return async () => {
    stopped = true;
    if (childrenTimer !== null) clearTimeout(childrenTimer);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CANCEL_WAIT_MS).unref());
    await Promise.race([Promise.allSettled(watchers.map((w) => w.cancel())), timeout]);
  };
};
