import { isAppError } from '../../../../shared/errors.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { StreamChangeType } from '../../../../shared/model/event-stream.js';
import type { StreamSink } from '../backend.js';
import type { ConfigListenerHub, ConfigRead } from './nacos.long-poll.js';
import type { ConfigNode } from './nacos.paths.js';
import { clockTime, configEvent, streamNote, type SeenConfig } from './nacos.stream.events.js';
import type { StreamScope } from './nacos.stream.scope.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';

/**
 * Configs one stream listens to through the long-poll request at most: what Nacos clients put in one
 * request. Configs beyond it in a very large group are still compared by the re-list, only later.
 */
export const MAX_LISTENED = 3000;

/** What a running stream reads through: the session's listener hub and its connection state. */
export interface StreamLink {
  hub: ConfigListenerHub;
  onState(listener: (state: ConnectionState, message: string | null) => void): () => void;
}

interface Tracked {
  node: ConfigNode;
  /** null while absent (deleted, or a config stream's config not yet created). */
  value: SeenConfig | null;
  /** performance.now() at the start of the read last applied: an older read never overwrites a newer one. */
  appliedAt: number;
  unlisten: (() => void) | null;
}

interface Gap {
  from: number;
  to: number | null;
  counts: Record<Exclude<StreamChangeType, 'children'>, number>;
}

/**
 * One running Nacos stream. Every config of the scope is in the session's long-poll request with the md5
 * the stream last saw; when the server names one, the hub reads it and the stream reports the change with
 * the content before (what it saw) and after (what was read). A group or namespace is re-listed every few
 * seconds: new configs join the request, and any change the listener missed is found by md5. A lost
 * connection is reported with its times; on its return the scope is compared with its state before.
 */
export class RunningConfigStream {
  private readonly tracked = new Map<string, Tracked>();
  private readonly cleanups: (() => void)[] = [];
  private stopped = false;
  private listing = false;
  private gap: Gap | null = null;
  private overflowNoted = false;
  private listened = 0;

  constructor(
    private readonly link: StreamLink,
    private readonly scope: StreamScope,
    private readonly path: string,
    private readonly sink: StreamSink,
  ) {}

  /** Reads the scope (rejecting when it cannot), listens to each config, then re-lists and follows the connection. */
  async start(): Promise<void> {
    const startedAt = performance.now();
    const configs = await this.scope.list();
    for (const [path, found] of configs) {
      this.tracked.set(path, { node: found.node, value: found.config, appliedAt: startedAt, unlisten: null });
    }
    const fixed = this.scope.fixed;
    if (fixed !== null && !this.tracked.has(fixed.path)) {
      this.tracked.set(fixed.path, { node: fixed, value: null, appliedAt: startedAt, unlisten: null });
    }
    for (const entry of this.tracked.values()) this.listen(entry);
    this.cleanups.push(this.link.onState((state, message) => this.onState(state, message)));
    if (this.scope.relistMs !== null) {
      const timer = setInterval(() => void this.relist(), this.scope.relistMs);
      timer.unref();
      this.cleanups.push(() => clearInterval(timer));
    }
  }

  /** Stops listening; nothing is emitted after it returns. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const entry of this.tracked.values()) entry.unlisten?.();
    this.tracked.clear();
  }

  private listen(entry: Tracked): void {
    if (entry.unlisten !== null) return;
    if (this.listened >= MAX_LISTENED) {
      if (!this.overflowNoted) {
        this.overflowNoted = true;
        this.sink.emit(
          streamNote(
            'note',
            this.path,
            say(NACOS_SENTENCES, 'streamOverflow', {
              scope: this.scope.label,
              max: MAX_LISTENED,
              seconds: Math.round((this.scope.relistMs ?? 0) / 1000),
            }),
          ),
        );
      }
      return;
    }
    const stop = this.link.hub.add(
      entry.node,
      (_type, read) => this.fromListener(entry.node, read),
      entry.value?.md5 ?? '',
    );
    this.listened++;
    entry.unlisten = () => {
      stop();
      this.listened--;
    };
  }

  private fromListener(node: ConfigNode, read: ConfigRead): void {
    const value = read.config === null ? null : { md5: read.config.md5, content: read.config.content };
    this.apply(node, value, read.startedAt);
  }

  /** Applies a read of a config begun at `startedAt`; reports the change unless a newer read was applied. */
  private apply(node: ConfigNode, value: SeenConfig | null, startedAt: number): void {
    if (this.stopped) return;
    let entry = this.tracked.get(node.path);
    if (entry === undefined) {
      if (value === null) return;
      entry = { node, value: null, appliedAt: -Infinity, unlisten: null };
      this.tracked.set(node.path, entry);
    }
    if (startedAt <= entry.appliedAt) return;
    entry.appliedAt = startedAt;
    const gap = this.gap;
    const detail = gap === null ? null : say(NACOS_SENTENCES, 'changedInGap', { time: clockTime(gap.from) });
    const event = configEvent(node.path, entry.value, value, detail);
    entry.value = value;
    if (value !== null) this.listen(entry);
    if (event === null) return;
    if (gap !== null && event.type !== 'children') gap.counts[event.type as keyof Gap['counts']]++;
    this.sink.emit(event);
  }

  /**
   * Lists the scope again: new configs join, configs gone are reported deleted, missed changes are found.
   * Resolves false when the list could not be read (or another re-list was running).
   */
  private async relist(): Promise<boolean> {
    if (this.stopped || this.listing) return false;
    this.listing = true;
    try {
      const startedAt = performance.now();
      let configs;
      try {
        configs = await this.scope.list();
      } catch (error) {
        // Lost connections are followed through the connection state; a refusal ends the stream.
        if (isAppError(error) && (error.code === 'AUTH_FAILED' || error.code === 'PERMISSION_DENIED')) {
          this.sink.fail(error);
          this.stop();
        }
        return false;
      }
      for (const [, found] of configs) this.apply(found.node, found.config, startedAt);
      for (const [path, entry] of [...this.tracked]) {
        if (configs.has(path)) continue;
        this.apply(entry.node, null, startedAt);
        // Deleted and not listed again: stop listening (but to the one config of a config stream); the
        // re-list finds it if it comes back.
        if (path !== this.scope.fixed?.path && entry.value === null && entry.appliedAt === startedAt) {
          entry.unlisten?.();
          this.tracked.delete(path);
        }
      }
      return true;
    } finally {
      this.listing = false;
    }
  }

  private onState(state: ConnectionState, message: string | null): void {
    if (this.stopped) return;
    // A loss while the previous gap is still being compared starts a new gap.
    if (state === 'reconnecting' && (this.gap === null || this.gap.to !== null)) {
      const from = Date.now();
      this.gap = { from, to: null, counts: { created: 0, changed: 0, deleted: 0 } };
      const time = clockTime(from);
      this.sink.emit(
        streamNote(
          'disconnected',
          this.path,
          message === null
            ? say(NACOS_SENTENCES, 'connectionLost', { time })
            : say(NACOS_SENTENCES, 'connectionLostBecause', { time, why: message }),
        ),
      );
      return;
    }
    if (state === 'connected' && this.gap !== null && this.gap.to === null) {
      const gap = this.gap;
      gap.to = Date.now();
      this.sink.emit(
        streamNote(
          'reconnected',
          this.path,
          say(NACOS_SENTENCES, 'gapComparing', {
            from: clockTime(gap.from),
            to: clockTime(gap.to),
            scope: this.scope.label,
          }),
        ),
      );
      void this.compareAfterGap(gap);
    }
  }

  /** Re-lists at once after a gap and says what the comparison found. */
  private async compareAfterGap(gap: Gap): Promise<void> {
    // A re-list already running read before the return: wait for it, then read again.
    while (this.listing && !this.stopped) await new Promise((resolve) => setTimeout(resolve, 50));
    const compared = await this.relist();
    if (this.stopped || this.gap !== gap) return;
    this.gap = null;
    const { created, changed, deleted } = gap.counts;
    const found = !compared
      ? say(NACOS_SENTENCES, 'gapUnread')
      : created + changed + deleted === 0
        ? say(NACOS_SENTENCES, 'gapNothingChanged')
        : say(NACOS_SENTENCES, 'gapCounts', { created, changed, deleted });
    this.sink.emit(
      streamNote(
        'note',
        this.path,
        say(NACOS_SENTENCES, 'gapCompared', {
          scope: this.scope.label,
          from: clockTime(gap.from),
          to: clockTime(gap.to ?? gap.from),
          found,
        }),
      ),
    );
  }
}
