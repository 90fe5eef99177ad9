import type { BackendStreamEvent } from '../../../../shared/model/event-stream.js';
import { streamValue } from '../kit/stream.value.js';
import { NodeCache, type KnownNode, type NodeCacheLimits, type SeenBy } from './zookeeper.stream.cache.js';
import {
  beforeOf,
  changeEvent,
  childrenDetail,
  clockTime,
  connectionEvent,
  FOUND_AFTER_GAP,
  unreadEvent,
} from './zookeeper.stream.events.js';
import { compareAfterGap } from './zookeeper.stream.gap.js';
import type { ReadChildren, ReadNode, SubtreeRead } from './zookeeper.stream.reads.js';
import { longToHex } from './zookeeper.stat.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';

/** A lost connection, from the loss until the comparison after it. */
export interface Gap {
  since: number;
  /** The last zxid the client saw before the loss: nodes created later are new. */
  zxid: bigint;
  expired: boolean;
}

/** The child names a node stream last reported, and how it learnt them. */
interface KnownChildren {
  names: Set<string>;
  pzxid: bigint;
  seenBy: SeenBy;
}

export interface LedgerOptions {
  path: string;
  recursive: boolean;
  /** One-shot watches: nodes beyond the limit are not watched at all (rather than watched without a before). */
  rearms: boolean;
  limits: NodeCacheLimits;
  emit(event: BackendStreamEvent): void;
  /** A node is gone (its one-shot watches went with it). */
  forget(path: string): void;
}

const NO_BEFORE = { before: null, beforeKnown: true } as const;
const UNKNOWN_BEFORE = { before: null, beforeKnown: false } as const;

function knownOf(node: ReadNode, seenBy: SeenBy): KnownNode {
  return {
    value: streamValue(node.data) ?? undefined,
    version: node.stat.version,
    czxid: node.stat.czxid,
    mzxid: node.stat.mzxid,
    seenBy,
  };
}

/**
 * What a stream knows of its nodes and how each step, applied in the server's order, turns into events:
 * the last-seen values (the `before` of the next change), a node stream's child names, and what the
 * comparison after a gap reported already (so a one-shot watch set again does not report it twice).
 * Everything here is synchronous; the reads happened before.
 */
export class StreamLedger {
  private readonly cache: NodeCache;
  private children: KnownChildren | null = null;
  /** Nodes the comparison after a gap reported deleted (a one-shot watch may still report it). */
  private readonly goneInGap = new Set<string>();
  private noted = false;

  constructor(private readonly options: LedgerOptions) {
    this.cache = new NodeCache(options.limits);
  }

  get limits(): NodeCacheLimits {
    return this.cache.limits;
  }

  /** Room left for nodes not tracked yet. */
  get room(): number {
    return Math.max(0, this.cache.limits.maxNodes - this.cache.size);
  }

  knows(path: string): boolean {
    return this.cache.has(path);
  }

  note(detail: string): void {
    this.options.emit(connectionEvent('note', this.options.path, detail));
  }

  /** The first read of the stream: remembered, not reported (but what it could not see is said). */
  seed(read: SubtreeRead): void {
    const { path } = this.options;
    for (const [at, node] of read.nodes) this.remember(at, node, 'seed');
    if (read.truncated) this.leftOut();
    this.children = this.childrenFrom(read, 'seed');
    if (!read.nodes.has(path)) this.note(say(ZOOKEEPER_SENTENCES, 'streamNodeMissing', { path }));
    if (read.unreadable.size > 0) {
      const [first] = read.unreadable;
      const which =
        read.unreadable.size === 1
          ? first!
          : say(ZOOKEEPER_SENTENCES, 'streamUnreadableMore', {
              node: first!,
              more: read.unreadable.size - 1,
            });
      // The server checks the READ permission before it sends a watch event or sets a one-shot watch.
      this.note(say(ZOOKEEPER_SENTENCES, 'streamUnreadable', { node: which }));
    }
  }

  /** A node created or changed, as read after the event (null: gone before the read). */
  change(type: 'created' | 'changed', path: string, read: ReadNode | null, zxid: bigint | null): void {
    const known = this.cache.get(path);
    if (read === null) {
      const before = type === 'created' ? NO_BEFORE : beforeOf(known);
      this.options.emit(unreadEvent(type, path, before, zxid, say(ZOOKEEPER_SENTENCES, 'deletedBeforeRead')));
      return;
    }
    // Reported already by the comparison after a gap (a one-shot watch set again fires for it too).
    if (known?.seenBy === 'gap' && known.mzxid === read.stat.mzxid) return;
    // The read that seeded the stream already showed this change: what it replaced is not known.
    const seededAfter = known?.seenBy === 'seed' && known.mzxid === read.stat.mzxid;
    const before = type === 'created' ? NO_BEFORE : seededAfter ? UNKNOWN_BEFORE : beforeOf(known);
    this.goneInGap.delete(path);
    this.options.emit(changeEvent(type, path, before, read, zxid, overtakenDetail(type, known, read)));
    this.remember(path, read, 'event');
  }

  /** A change whose node could not be read for another reason than its deletion. */
  unread(type: 'created' | 'changed', path: string, zxid: bigint | null, why: string): void {
    const before = type === 'created' ? NO_BEFORE : beforeOf(this.cache.get(path));
    this.options.emit(
      unreadEvent(type, path, before, zxid, say(ZOOKEEPER_SENTENCES, 'valueUnread', { reason: why })),
    );
  }

  deleted(path: string, zxid: bigint | null): void {
    const known = this.cache.delete(path);
    this.options.forget(path);
    if (path === this.options.path) this.children = null;
    // Reported already by the comparison after a gap.
    if (known === undefined && this.goneInGap.delete(path)) return;
    this.options.emit(unreadEvent('deleted', path, beforeOf(known), zxid, null));
  }

  /** Nodes found new by a one-shot stream (with everything below them): created, parents first. */
  discovered(read: SubtreeRead): void {
    for (const [path, node] of read.nodes)
      if (!this.cache.has(path)) this.change('created', path, node, null);
    if (read.truncated) this.leftOut();
    const children = this.childrenFrom(read, 'event');
    if (children !== null) this.children = children;
  }

  /** A node stream's child list as read after a children event (null: the node is gone, reported apart). */
  childList(listed: ReadChildren | null, zxid: bigint | null): void {
    if (listed === null) return;
    const known = this.children;
    if (known?.seenBy === 'gap' && known.pzxid === listed.stat.pzxid) return;
    this.reportChildren(listed, zxid, childrenDetail(known?.names ?? null, listed.names), 'event');
  }

  /** The connection came back: report the gap, then what differs between what was known and `read`. */
  gapEnded(gap: Gap, until: number, read: SubtreeRead): void {
    const { path, recursive } = this.options;
    const differences = compareAfterGap(this.cache, read, path, gap.zxid);
    const children = this.childrenFrom(read, 'gap');
    const before = this.children;
    const childrenDiffer = children !== null && before !== null && children.pzxid !== before.pzxid;
    const found = differences.length + (childrenDiffer ? 1 : 0);
    this.goneInGap.clear();
    this.options.emit(
      connectionEvent(
        'reconnected',
        path,
        say(ZOOKEEPER_SENTENCES, gap.expired ? 'gapClosedExpired' : 'gapClosed', {
          from: clockTime(gap.since),
          until: clockTime(until),
          count: found,
        }),
      ),
    );
    for (const difference of differences) {
      const at = difference.path;
      if (difference.type === 'deleted') {
        const known = this.cache.delete(at);
        this.options.forget(at);
        this.goneInGap.add(at);
        this.options.emit(unreadEvent('deleted', at, beforeOf(known), null, FOUND_AFTER_GAP));
        continue;
      }
      const was = difference.type === 'created' ? NO_BEFORE : beforeOf(this.cache.get(at));
      this.options.emit(changeEvent(difference.type, at, was, difference.node, null, FOUND_AFTER_GAP));
      this.remember(at, difference.node, 'gap');
    }
    const node = read.nodes.get(path);
    if (recursive || node === undefined) this.children = null;
    else if (childrenDiffer) {
      const detail = say(ZOOKEEPER_SENTENCES, 'childrenFoundAfterGap', {
        children: childrenDetail(before.names, [...children.names]),
      });
      this.reportChildren({ names: [...children.names], stat: node.stat }, null, detail, 'gap');
    } else this.children = children;
  }

  private reportChildren(listed: ReadChildren, zxid: bigint | null, detail: string, seenBy: SeenBy): void {
    this.options.emit({
      type: 'children',
      path: this.options.path,
      mark: longToHex(zxid ?? listed.stat.pzxid),
      version: String(listed.stat.version),
      ...NO_BEFORE,
      after: null,
      detail,
    });
    this.children = { names: new Set(listed.names), pzxid: listed.stat.pzxid, seenBy };
  }

  private childrenFrom(read: SubtreeRead, seenBy: SeenBy): KnownChildren | null {
    const names = read.children.get(this.options.path);
    const node = read.nodes.get(this.options.path);
    if (this.options.recursive || names === undefined || node === undefined) return null;
    return { names, pzxid: node.stat.pzxid, seenBy };
  }

  /** Records a node; a stream that has to leave nodes untracked says so once. */
  private remember(path: string, node: ReadNode, seenBy: SeenBy): void {
    if (!this.cache.set(path, knownOf(node, seenBy))) this.leftOut();
  }

  /** Nodes exist beyond what the stream can track: said once, and the comparison after a gap knows it. */
  private leftOut(): void {
    this.cache.markOverflowed();
    if (this.noted) return;
    this.noted = true;
    const limit = this.cache.limits.maxNodes.toLocaleString('en-US');
    this.note(
      this.options.rearms
        ? say(ZOOKEEPER_SENTENCES, 'streamWatchLimit', { limit })
        : say(ZOOKEEPER_SENTENCES, 'streamValueLimit', { limit }),
    );
  }
}

/**
 * ZooKeeper sends no value with an event: the stream reads the node after it, and a node changed again
 * before that read shows a later version. Said on the event, so that a diff is never taken for one change
 * when it spans several, or for a change when an earlier event already showed its value.
 */
export function overtakenDetail(
  type: 'created' | 'changed',
  known: KnownNode | undefined,
  read: ReadNode,
): string | null {
  if (type !== 'changed' || known === undefined || known.czxid !== read.stat.czxid) return null;
  const version = read.stat.version;
  if (known.seenBy === 'event' && known.mzxid === read.stat.mzxid) {
    return say(ZOOKEEPER_SENTENCES, 'changedAgain', { version });
  }
  const between = version - known.version - 1;
  if (between <= 0) return null;
  return say(ZOOKEEPER_SENTENCES, 'diffSpans', { changes: between + 1, version });
}
