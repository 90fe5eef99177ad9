import type {
  BackendStreamEvent,
  StreamChangeType,
  StreamValue,
} from '../../../../shared/model/event-stream.js';
import { streamValue } from '../kit/stream.value.js';
import type { KnownNode } from './zookeeper.stream.cache.js';
import type { ReadNode } from './zookeeper.stream.reads.js';
import { longToHex } from './zookeeper.stat.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';

/** The detail of every change found by the comparison after a lost connection. */
export const FOUND_AFTER_GAP = say(ZOOKEEPER_SENTENCES, 'foundAfterGap');

/** `12:03:04`, local time: how the stream names the ends of a gap. */
export function clockTime(ms: number): string {
  const date = new Date(ms);
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}

/** The before of a change from what the stream last saw of the node (unknown when it saw nothing). */
export function beforeOf(known: KnownNode | undefined): Pick<BackendStreamEvent, 'before' | 'beforeKnown'> {
  const value: StreamValue | undefined = known?.value;
  return value === undefined ? { before: null, beforeKnown: false } : { before: value, beforeKnown: true };
}

/** A created or changed node as read after the event; `zxid` is the notification's own when the server sent it. */
export function changeEvent(
  type: StreamChangeType,
  path: string,
  before: Pick<BackendStreamEvent, 'before' | 'beforeKnown'>,
  read: ReadNode,
  zxid: bigint | null,
  detail: string | null = null,
): BackendStreamEvent {
  return {
    type,
    path,
    mark: longToHex(zxid ?? read.stat.mzxid),
    version: String(read.stat.version),
    ...before,
    after: streamValue(read.data),
    detail,
  };
}

/** A change whose node could not be read after it (gone meanwhile, or the read failed). */
export function unreadEvent(
  type: StreamChangeType,
  path: string,
  before: Pick<BackendStreamEvent, 'before' | 'beforeKnown'>,
  zxid: bigint | null,
  detail: string | null,
): BackendStreamEvent {
  return {
    type,
    path,
    mark: zxid === null ? null : longToHex(zxid),
    version: null,
    ...before,
    after: null,
    detail,
  };
}

/** A lost or restored connection, or a note: about the stream's path, without values. */
export function connectionEvent(
  type: 'disconnected' | 'reconnected' | 'note',
  path: string,
  detail: string,
): BackendStreamEvent {
  return {
    type,
    path,
    mark: null,
    version: null,
    before: null,
    beforeKnown: true,
    after: null,
    detail,
  };
}

/** At most five names, then how many more: `a, b, c, d, e and 3 more`. */
function someNames(list: readonly string[]): string {
  if (list.length <= 5) return list.join(', ');
  return say(ZOOKEEPER_SENTENCES, 'namesAndMore', {
    names: list.slice(0, 5).join(', '),
    more: list.length - 5,
  });
}

/** `added a, b; removed c (2 children now)` for a node stream's children event (at most a few names of each). */
export function childrenDetail(before: ReadonlySet<string> | null, after: readonly string[]): string {
  const now = new Set(after);
  const count = now.size;
  if (before === null) return say(ZOOKEEPER_SENTENCES, 'childrenNow', { count });
  const added = [...now].filter((name) => !before.has(name)).sort();
  const removed = [...before].filter((name) => !now.has(name)).sort();
  const changes = [
    ...(added.length > 0 ? [say(ZOOKEEPER_SENTENCES, 'childrenAdded', { names: someNames(added) })] : []),
    ...(removed.length > 0
      ? [say(ZOOKEEPER_SENTENCES, 'childrenRemoved', { names: someNames(removed) })]
      : []),
  ];
  return changes.length === 0
    ? say(ZOOKEEPER_SENTENCES, 'childrenSameNames', { count })
    : say(ZOOKEEPER_SENTENCES, 'childrenChanged', { changes: changes.join('; '), count });
}
