import { AppError, isAppError } from '../../../../shared/errors.js';
import type { EventStreamApi, OpenedStream, StreamOptions, StreamSink } from '../backend.js';
import type { ZooKeeperConnection } from './zookeeper.connection.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { assertZnodePath } from './zookeeper.paths.js';
import { DEFAULT_CACHE_LIMITS, type NodeCacheLimits } from './zookeeper.stream.cache.js';
import { oneShotWatchStrategy } from './zookeeper.stream.one-shot.js';
import { persistentWatchStrategy } from './zookeeper.stream.persistent.js';
import type { StreamNotification, WatchStrategy } from './zookeeper.stream.strategy.js';
import { ZooKeeperStream } from './zookeeper.stream.js';

/** Which watches a session uses: persistent ones where the server has them, or one-shot ones always. */
export type ZooKeeperWatchMode = 'auto' | 'oneShot';

export interface ZooKeeperStreamSettings {
  /** `oneShot` forces the re-armed one-shot watches of servers before 3.6 (tests run it on any server). */
  watches: ZooKeeperWatchMode;
  limits: NodeCacheLimits;
}

export const DEFAULT_STREAM_SETTINGS: ZooKeeperStreamSettings = {
  watches: 'auto',
  limits: DEFAULT_CACHE_LIMITS,
};

type StrategyFactory = (
  ops: ZooKeeperOps,
  path: string,
  recursive: boolean,
  onNotification: (event: StreamNotification) => void,
) => WatchStrategy;

/**
 * The live event streams of a ZooKeeper session: a persistent (recursive) watch on servers that have them
 * (3.6+), else one-shot watches re-armed per node; a server that refuses addWatch gets the one-shot kind.
 * Every stream still running stops with the session.
 */
export class ZooKeeperStreams implements EventStreamApi {
  private readonly running = new Set<ZooKeeperStream>();

  constructor(
    private readonly ops: ZooKeeperOps,
    private readonly connection: ZooKeeperConnection,
    /** What the connect probe learnt: false on servers before 3.6, null when it could not tell. */
    private readonly persistentWatches: boolean | null,
    private readonly settings: ZooKeeperStreamSettings = DEFAULT_STREAM_SETTINGS,
  ) {}

  async open(path: string, options: StreamOptions, sink: StreamSink): Promise<OpenedStream> {
    assertZnodePath(path);
    if (options.sinceRevision !== null) {
      throw new AppError(
        'INVALID_INPUT',
        'ZooKeeper keeps no history of changes, so a stream starts now and cannot replay from a revision.',
      );
    }
    const oneShot = this.settings.watches === 'oneShot' || this.persistentWatches === false;
    const stream = await this.start(path, options.recursive, sink, oneShot).catch(async (error: unknown) => {
      // A server that does not know addWatch (before 3.6) answers UNIMPLEMENTED.
      if (oneShot || !isAppError(error) || error.code !== 'UNSUPPORTED') throw error;
      return this.start(path, options.recursive, sink, true);
    });
    this.running.add(stream);
    return {
      method: stream.strategy.method,
      note: stream.strategy.note,
      markKind: 'zxid',
      stop: () => {
        this.running.delete(stream);
        stream.stop();
      },
    };
  }

  /** Stops every stream (the session closes). */
  stopAll(): void {
    for (const stream of this.running) stream.stop();
    this.running.clear();
  }

  private async start(
    path: string,
    recursive: boolean,
    sink: StreamSink,
    oneShot: boolean,
  ): Promise<ZooKeeperStream> {
    const factory: StrategyFactory = oneShot ? oneShotWatchStrategy : persistentWatchStrategy;
    const stream = new ZooKeeperStream(
      this.connection,
      path,
      recursive,
      sink,
      this.settings.limits,
      (notify) => factory(this.ops, path, recursive, notify),
    );
    await stream.start();
    return stream;
  }
}
