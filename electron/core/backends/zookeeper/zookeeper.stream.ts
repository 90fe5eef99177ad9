import { AppError } from '../../../../shared/errors.js';
import type { BackendStreamEvent } from '../../../../shared/model/event-stream.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import { childPath } from '../../../../shared/paths.js';
import type { StreamSink } from '../backend.js';
import { deliver } from '../kit/listener.set.js';
import { streamValue } from '../kit/stream.value.js';
import type { ZooKeeperConnection } from './zookeeper.connection.js';
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
import { OrderedSteps, type ApplyStep } from './zookeeper.stream.order.js';
import { readSubtree, type ReadChildren, type ReadNode, type SubtreeRead } from './zookeeper.stream.reads.js';
import type { StreamNotification, WatchStrategy } from './zookeeper.stream.strategy.js';
import { longToHex } from './zookeeper.stat.js';

/** A lost connection until the comparison after it was applied. */
interface Gap {
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

/** How long a failed comparison after a reconnect waits before it is tried again (still connected). */
const RESYNC_RETRY_MS = 1000;

const NO_BEFORE = { before: null, beforeKnown: true } as const;

function knownOf(node: ReadNode, seenBy: SeenBy): KnownNode {
  return {
    value: streamValue(node.data) ?? undefined,
    version: node.stat.version,
    czxid: node.stat.czxid,
    mzxid: node.stat.mzxid,
    seenBy,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * One live event stream of a ZooKeeper node or subtree. Each notification becomes a step that reads the
 * node after it (pipelined) and is applied in the server's order against a bounded cache of last-seen
 * values, which gives every change its `before`. The cache is seeded by reading the subtree when the
 * stream opens, and compared with a new read after a lost connection (or an expired session) to report
 * what changed while no notification could arrive.
 */
export class ZooKeeperStream {
  private readonly cache: NodeCache;
  private readonly steps = new OrderedSteps(
    (error) => () => this.note(`Could not read what changed: ${messageOf(error)}.`),
  );
  private strategy: WatchStrategy | null = null;
  private gap: Gap | null = null;
  private resyncing = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private children: KnownChildren | null = null;
  /** Nodes the comparison after a gap reported deleted (a one-shot watch may still report it). */
  private readonly goneInGap = new Set<string>();
  private noted = false;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly connection: ZooKeeperConnection,
    readonly path: string,
    readonly recursive: boolean,
    private readonly sink: StreamSink,
    limits: NodeCacheLimits,
  ) {
    this.cache = new NodeCache(limits);
  }

  /** Sets the watch and seeds the cache; rejects (and holds nothing) when the server refuses either. */
  async start(
    strategyFor: (onNotification: (event: StreamNotification) => void) => WatchStrategy,
  ): Promise<WatchStrategy> {
    const strategy = strategyFor((event) => this.onNotification(event));
    this.strategy = strategy;
    // The seed goes first: notifications that arrive while it reads are applied after it.
    let seeded: (apply: ApplyStep) => void = () => undefined;
    this.steps.push(new Promise<ApplyStep>((resolve) => (seeded = resolve)));
    this.unsubscribe = this.connection.onState((state, message) => this.onState(state, message));
    try {
      await strategy.start();
      const read = await this.readTree([this.path], this.cache.limits.maxNodes);
      seeded(() => this.seed(read));
      return strategy;
    } catch (error) {
      seeded(() => undefined);
      this.stop();
      throw error;
    }
  }

  /** Ends the stream: its watches leave the server, nothing is emitted after this returns. Idempotent. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.steps.close();
    this.unsubscribe();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.strategy?.stop();
  }

  private get reader(): WatchStrategy['reader'] {
    return this.strategy!.reader;
  }

  private emit(event: BackendStreamEvent): void {
    if (!this.stopped) deliver((e: BackendStreamEvent) => this.sink.emit(e), event);
  }

  private note(detail: string): void {
    this.emit(connectionEvent('note', this.path, detail));
  }

  /** Emits an event in its turn behind every step queued before it. */
  private queueEvent(event: BackendStreamEvent): void {
    this.steps.push(Promise.resolve(() => this.emit(event)));
  }

  private readTree(roots: string[], maxNodes: number): Promise<SubtreeRead> {
    return readSubtree(this.reader, roots, {
      recursive: this.recursive,
      maxNodes,
      listEveryNode: this.strategy!.rearms,
    });
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
      this.strategy!.rearms
        ? `The subtree has more than ${limit} nodes; only ${limit} of them are watched.`
        : `The subtree has more than ${limit} nodes; changes beyond ${limit} of them come without the value before.`,
    );
  }

  private seed(read: SubtreeRead): void {
    for (const [path, node] of read.nodes) this.remember(path, node, 'seed');
    if (read.truncated) this.leftOut();
    this.children = this.childrenFrom(read, 'seed');
    if (!read.nodes.has(this.path))
      this.note(`${this.path} does not exist (yet); the stream reports its creation.`);
    if (read.unreadable.size > 0) {
      const [first] = read.unreadable;
      const which =
        read.unreadable.size === 1 ? first : `${first} and ${read.unreadable.size - 1} more nodes`;
      // The server checks the READ permission before it sends a watch event or sets a one-shot watch.
      this.note(`The ACL of ${which} does not let this session read it, so its changes are not reported.`);
    }
  }

  private childrenFrom(read: SubtreeRead, seenBy: SeenBy): KnownChildren | null {
    const names = read.children.get(this.path);
    const node = read.nodes.get(this.path);
    if (this.recursive || names === undefined || node === undefined) return null;
    return { names, pzxid: node.stat.pzxid, seenBy };
  }

  // ---- notifications -----------------------------------------------------------------------------

  private onNotification(event: StreamNotification): void {
    if (this.stopped) return;
    const { path, zxid } = event;
    switch (event.type) {
      case 'created':
        if (this.strategy!.rearms && path === this.path) this.steps.push(this.discover([path]));
        else this.steps.push(this.change('created', path, zxid));
        break;
      case 'dataChanged':
        this.steps.push(this.change('changed', path, zxid));
        break;
      case 'deleted':
        this.steps.push(this.deletion(path, zxid));
        break;
      case 'childrenChanged':
        if (!this.recursive) this.steps.push(this.childList(zxid));
        else if (this.strategy!.rearms) this.steps.push(this.newChildren(path));
        break;
    }
  }

  private async change(type: 'created' | 'changed', path: string, zxid: bigint | null): Promise<ApplyStep> {
    try {
      const read = await this.reader.read(path);
      return () => this.applyChange(type, path, read, zxid);
    } catch (error) {
      return () =>
        this.emit(
          unreadEvent(
            type,
            path,
            beforeOf(this.cache.get(path)),
            zxid,
            `Its value could not be read: ${messageOf(error)}.`,
          ),
        );
    }
  }

  private applyChange(
    type: 'created' | 'changed',
    path: string,
    read: ReadNode | null,
    zxid: bigint | null,
  ): void {
    const known = this.cache.get(path);
    if (read === null) {
      const before = type === 'created' ? NO_BEFORE : beforeOf(known);
      this.emit(
        unreadEvent(type, path, before, zxid, 'The node was deleted before its value could be read.'),
      );
      return;
    }
    // Reported already by the comparison after a gap (a one-shot watch set again fires for it too).
    if (known?.seenBy === 'gap' && known.mzxid === read.stat.mzxid) return;
    // The read that seeded the stream already showed this change: what it replaced is not known.
    const seededAfter = known?.seenBy === 'seed' && known.mzxid === read.stat.mzxid;
    const before =
      type === 'created' ? NO_BEFORE : seededAfter ? { before: null, beforeKnown: false } : beforeOf(known);
    this.goneInGap.delete(path);
    this.emit(changeEvent(type, path, before, read, zxid));
    this.remember(path, read, 'event');
  }

  private async deletion(path: string, zxid: bigint | null): Promise<ApplyStep> {
    // A one-shot stream's own path gets an existence watch, to see it created again.
    const again =
      this.strategy!.rearms && path === this.path ? await this.reader.read(path).catch(() => null) : null;
    return () => {
      const known = this.cache.delete(path);
      this.strategy?.forget(path);
      if (path === this.path) this.children = null;
      if (known !== undefined || !this.goneInGap.delete(path))
        this.emit(
          unreadEvent(
            'deleted',
            path,
            known === undefined ? { before: null, beforeKnown: false } : beforeOf(known),
            zxid,
            null,
          ),
        );
      if (again !== null) this.applyChange('created', path, again, null);
    };
  }

  /** A node stream's children changed: list them (re-arming a one-shot child watch) and name the difference. */
  private async childList(zxid: bigint | null): Promise<ApplyStep> {
    const listed = await this.reader.list(this.path).catch(() => null);
    return () => this.applyChildren(listed, zxid, null, 'event');
  }

  private applyChildren(
    listed: ReadChildren | null,
    zxid: bigint | null,
    detail: string | null,
    seenBy: SeenBy,
  ): void {
    if (listed === null) return; // The node is gone: its deletion is reported by the data watch.
    const known = this.children;
    if (known?.seenBy === 'gap' && known.pzxid === listed.stat.pzxid) return;
    this.emit({
      type: 'children',
      path: this.path,
      mark: longToHex(zxid ?? listed.stat.pzxid),
      version: String(listed.stat.version),
      ...NO_BEFORE,
      after: null,
      detail: detail ?? childrenDetail(known?.names ?? null, listed.names),
    });
    this.children = { names: new Set(listed.names), pzxid: listed.stat.pzxid, seenBy };
  }

  /** One-shot subtree: a node's child list changed; new children (and anything below them) are read and watched. */
  private async newChildren(parent: string): Promise<ApplyStep> {
    const listed = await this.reader.list(parent).catch(() => null);
    if (listed === null) return () => undefined;
    const fresh = listed.names.map((name) => childPath(parent, name)).filter((path) => !this.cache.has(path));
    return this.discover(fresh);
  }

  /** Reads (and watches) nodes found new with everything below them, reported as created parents first. */
  private async discover(roots: string[]): Promise<ApplyStep> {
    const room = this.cache.limits.maxNodes - this.cache.size;
    if (roots.length === 0) return () => undefined;
    const read = await this.readTree(roots, Math.max(room, 0));
    return () => {
      for (const [path, node] of read.nodes)
        if (!this.cache.has(path)) this.applyChange('created', path, node, null);
      if (read.truncated) this.leftOut();
      const children = this.childrenFrom(read, 'event');
      if (children !== null) this.children = children;
    };
  }

  // ---- the connection ----------------------------------------------------------------------------

  private onState(state: ConnectionState, message: string | null): void {
    if (this.stopped) return;
    if (state === 'reconnecting' || state === 'expired') this.lost(state === 'expired', message);
    else if (state === 'connected') this.regained();
    else if (state === 'disconnected') {
      this.sink.fail(
        this.connection.deadReason() ??
          new AppError('UNREACHABLE', message ?? 'The ZooKeeper connection ended.'),
      );
    }
  }

  private lost(expired: boolean, message: string | null): void {
    if (this.gap !== null) {
      this.gap.expired ||= expired;
      return;
    }
    const since = Date.now();
    this.gap = { since, zxid: this.connection.client.lastZxid, expired };
    this.goneInGap.clear();
    const reason = expired
      ? 'the session expired'
      : message === null
        ? 'the connection was lost'
        : messageOf(message);
    this.queueEvent(
      connectionEvent('disconnected', this.path, `disconnected at ${clockTime(since)}: ${reason}`),
    );
  }

  /** Back after a gap: read the subtree again and report what differs from what the stream knew. */
  private regained(): void {
    const gap = this.gap;
    if (gap === null || this.resyncing || this.stopped) return;
    this.resyncing = true;
    const until = Date.now();
    this.steps.push(
      this.readTree([this.path], this.cache.limits.maxNodes).then(
        (read) => () => {
          this.resyncing = false;
          // Lost again while reading: the gap goes on, the next reconnect compares.
          if (!this.connection.isConnected()) return;
          this.gap = null;
          this.applyGap(gap, until, read);
        },
        () => () => {
          this.resyncing = false;
          if (this.connection.isConnected() && !this.stopped)
            this.retryTimer = setTimeout(() => this.regained(), RESYNC_RETRY_MS);
        },
      ),
    );
  }

  private applyGap(gap: Gap, until: number, read: SubtreeRead): void {
    const differences = compareAfterGap(this.cache, read, this.path, gap.zxid);
    const children = this.childrenFrom(read, 'gap');
    const childrenDiffer =
      children !== null && this.children !== null && children.pzxid !== this.children.pzxid;
    const found = differences.length + (childrenDiffer ? 1 : 0);
    const expiry = gap.expired ? ' (the session expired; a new one was opened)' : '';
    this.emit(
      connectionEvent(
        'reconnected',
        this.path,
        `disconnected ${clockTime(gap.since)} – ${clockTime(until)}${expiry}; events in the gap may be missing; comparing after the gap found ${plural(found, 'change', 'changes')}`,
      ),
    );
    for (const difference of differences) {
      const { path } = difference;
      if (difference.type === 'deleted') {
        const known = this.cache.delete(path);
        this.strategy?.forget(path);
        this.goneInGap.add(path);
        this.emit(unreadEvent('deleted', path, beforeOf(known), null, FOUND_AFTER_GAP));
        continue;
      }
      const before = difference.type === 'created' ? NO_BEFORE : beforeOf(this.cache.get(path));
      this.emit(changeEvent(difference.type, path, before, difference.node, null, FOUND_AFTER_GAP));
      this.remember(path, difference.node, 'gap');
    }
    if (childrenDiffer) {
      const node = read.nodes.get(this.path)!;
      const detail = `${childrenDetail(this.children!.names, [...children.names])}; ${FOUND_AFTER_GAP}`;
      this.applyChildren({ names: [...children.names], stat: node.stat }, null, detail, 'gap');
    } else if (children !== null) this.children = children;
    if (!read.nodes.has(this.path)) this.children = null;
  }
}
