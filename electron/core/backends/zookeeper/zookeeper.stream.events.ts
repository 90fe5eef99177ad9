import type {
  BackendStreamEvent,
  StreamChangeType,
  StreamValue,
} from '../../../../shared/model/event-stream.js';
import { streamValue } from '../kit/stream.value.js';
import type { KnownNode } from './zookeeper.stream.cache.js';
import type { ReadNode } from './zookeeper.stream.reads.js';
import { longToHex } from './zookeeper.stat.js';

/** The detail of every change found by the comparison after a lost connection. */
export const FOUND_AFTER_GAP = 'found by comparing after the gap';

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

/** `added a, b; removed c` for a node stream's children event (at most a few names of each). */
export function childrenDetail(before: ReadonlySet<string> | null, after: readonly string[]): string {
  const now = new Set(after);
  const count = `${now.size} ${now.size === 1 ? 'child' : 'children'}`;
  if (before === null) return `${count} now`;
  const names = (list: string[]): string =>
    list.length <= 5 ? list.join(', ') : `${list.slice(0, 5).join(', ')} and ${list.length - 5} more`;
  const added = [...now].filter((name) => !before.has(name)).sort();
  const removed = [...before].filter((name) => !now.has(name)).sort();
  const parts = [
    ...(added.length > 0 ? [`added ${names(added)}`] : []),
    ...(removed.length > 0 ? [`removed ${names(removed)}`] : []),
  ];
  return parts.length === 0 ? `${count}, the same names` : `${parts.join('; ')} (${count} now)`;
}
