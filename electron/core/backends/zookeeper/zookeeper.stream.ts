import { say } from '../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';
import { AppError } from '../../../../shared/errors.js';
import type { BackendStreamEvent } from '../../../../shared/model/event-stream.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import { childPath } from '../../../../shared/paths.js';
import type { StreamSink } from '../backend.js';
import { deliver } from '../kit/listener.set.js';
import type { ZooKeeperConnection } from './zookeeper.connection.js';
import type { NodeCacheLimits } from './zookeeper.stream.cache.js';
import { clockTime, connectionEvent } from './zookeeper.stream.events.js';
import { StreamLedger, type Gap } from './zookeeper.stream.ledger.js';
import { OrderedSteps, type ApplyStep } from './zookeeper.stream.order.js';
import { readSubtree, type SubtreeRead } from './zookeeper.stream.reads.js';
import type { StreamNotification, WatchStrategy } from './zookeeper.stream.strategy.js';

/** How long a failed comparison after a reconnect waits before it is tried again (still connected). */
const RESYNC_RETRY_MS = 1000;

const NOTHING: ApplyStep = () => undefined;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}

/** Makes a stream's watch strategy, given where its notifications go. */
export type StrategyFor = (onNotification: (event: StreamNotification) => void) => WatchStrategy;

/**
 * One live event stream of a ZooKeeper node or subtree. Each notification becomes a step that reads the
 * node after it (pipelined with the other steps' reads) and is applied to the ledger in the server's
 * order, which gives every change its `before`. The ledger is seeded by reading the subtree when the
 * stream opens; after a lost connection (or an expired session) the subtree is read again and compared
 * with it, to report what changed while no notification could arrive.
 */
export class ZooKeeperStream {
  readonly strategy: WatchStrategy;
  private readonly ledger: StreamLedger;
  private readonly steps = new OrderedSteps(
    (error) => () =>
      this.ledger.note(say(ZOOKEEPER_SENTENCES, 'streamReadFailed', { reason: messageOf(error) })),
  );
  private gap: Gap | null = null;
  private resyncing = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly connection: ZooKeeperConnection,
    readonly path: string,
    readonly recursive: boolean,
    private readonly sink: StreamSink,
    limits: NodeCacheLimits,
    strategyFor: StrategyFor,
  ) {
    this.strategy = strategyFor((event) => this.onNotification(event));
    this.ledger = new StreamLedger({
      path,
      recursive,
      rearms: this.strategy.rearms,
      limits,
      emit: (event) => this.emit(event),
      forget: (at) => this.strategy.forget(at),
    });
  }

  /** Sets the watch and seeds the ledger; rejects (and holds nothing) when the server refuses either. */
  async start(): Promise<void> {
    // The seed goes first: notifications that arrive while it reads are applied after it.
    let seeded: (apply: ApplyStep) => void = () => undefined;
    this.steps.push(new Promise<ApplyStep>((resolve) => (seeded = resolve)));
    this.unsubscribe = this.connection.onState((state, message) => this.onState(state, message));
    try {
      await this.strategy.start();
      const read = await this.readTree([this.path], this.ledger.limits.maxNodes);
      seeded(() => this.ledger.seed(read));
    } catch (error) {
      seeded(NOTHING);
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
    this.strategy.stop();
  }

  private emit(event: BackendStreamEvent): void {
    if (!this.stopped) deliver((reported: BackendStreamEvent) => this.sink.emit(reported), event);
  }

  private readTree(roots: string[], maxNodes: number): Promise<SubtreeRead> {
    return readSubtree(this.strategy.reader, roots, {
      recursive: this.recursive,
      maxNodes,
      listEveryNode: this.strategy.rearms,
    });
  }

  // ---- notifications -----------------------------------------------------------------------------

  private onNotification(event: StreamNotification): void {
    if (this.stopped) return;
    const { path, zxid } = event;
    const rearms = this.strategy.rearms;
    switch (event.type) {
      case 'created':
        // A one-shot stream's own path, created: read it with whatever was created below it meanwhile.
        this.steps.push(
          rearms && path === this.path ? this.discover([path]) : this.change('created', path, zxid),
        );
        break;
      case 'dataChanged':
        this.steps.push(this.change('changed', path, zxid));
        break;
      case 'deleted':
        this.steps.push(this.deletion(path, zxid));
        break;
      case 'childrenChanged':
        if (!this.recursive) this.steps.push(this.childList(zxid));
        else if (rearms) this.steps.push(this.newChildren(path));
        break;
    }
  }

  private async change(type: 'created' | 'changed', path: string, zxid: bigint | null): Promise<ApplyStep> {
    try {
      const read = await this.strategy.reader.read(path);
      return () => this.ledger.change(type, path, read, zxid);
    } catch (error) {
      return () => this.ledger.unread(type, path, zxid, messageOf(error));
    }
  }

  private async deletion(path: string, zxid: bigint | null): Promise<ApplyStep> {
    // A one-shot stream's own path gets an existence watch, to see it created again.
    const again =
      this.strategy.rearms && path === this.path
        ? await this.strategy.reader.read(path).catch(() => null)
        : null;
    return () => {
      this.ledger.deleted(path, zxid);
      if (again !== null) this.ledger.change('created', path, again, null);
    };
  }

  /** A node stream's children changed: list them (re-arming a one-shot child watch). */
  private async childList(zxid: bigint | null): Promise<ApplyStep> {
    const listed = await this.strategy.reader.list(this.path).catch(() => null);
    return () => this.ledger.childList(listed, zxid);
  }

  /** One-shot subtree: a node's child list changed; its new children are read and watched. */
  private async newChildren(parent: string): Promise<ApplyStep> {
    const listed = await this.strategy.reader.list(parent).catch(() => null);
    if (listed === null) return NOTHING;
    const fresh = listed.names.map((name) => childPath(parent, name)).filter((at) => !this.ledger.knows(at));
    return this.discover(fresh);
  }

  /** Reads (and watches) nodes found new with everything below them, within the node limit. */
  private async discover(roots: string[]): Promise<ApplyStep> {
    if (roots.length === 0) return NOTHING;
    const read = await this.readTree(roots, this.ledger.room);
    return () => this.ledger.discovered(read);
  }

  // ---- the connection ----------------------------------------------------------------------------

  private onState(state: ConnectionState, message: string | null): void {
    if (this.stopped) return;
    if (state === 'reconnecting' || state === 'expired') this.lost(state === 'expired', message);
    else if (state === 'connected') this.regained();
    else if (state === 'disconnected') {
      // Terminal (the credentials were refused): the stream cannot go on.
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
    const reason = expired
      ? say(ZOOKEEPER_SENTENCES, 'sessionExpired')
      : message === null
        ? say(ZOOKEEPER_SENTENCES, 'connectionLost')
        : messageOf(message);
    const event = connectionEvent(
      'disconnected',
      this.path,
      say(ZOOKEEPER_SENTENCES, 'disconnectedAt', { time: clockTime(since), reason }),
    );
    // In its turn: changes notified before the loss come first.
    this.steps.push(Promise.resolve(() => this.emit(event)));
  }

  /** Back after a gap: read the subtree again and report what differs from what the stream knew. */
  private regained(): void {
    const gap = this.gap;
    if (gap === null || this.resyncing || this.stopped) return;
    this.resyncing = true;
    const until = Date.now();
    this.steps.push(
      this.readTree([this.path], this.ledger.limits.maxNodes).then(
        (read) => () => {
          this.resyncing = false;
          // Lost again while reading: the gap goes on, the next reconnect compares.
          if (!this.connection.isConnected()) return;
          this.gap = null;
          this.ledger.gapEnded(gap, until, read);
        },
        () => () => {
          this.resyncing = false;
          if (this.connection.isConnected() && !this.stopped)
            this.retryTimer = setTimeout(() => this.regained(), RESYNC_RETRY_MS);
        },
      ),
    );
  }
}
