import { AppError } from '../../../../shared/errors.js';
import { KIND_DESCRIPTORS, type BackendKind } from '../../../../shared/kinds/kinds.js';
import { WatchRegistry, type StopWatch } from './watch.registry.js';

/**
 * What every session of a remote store shares: its watches, whether it is closed, and the close
 * sequence (every watch first, so none re-opens a stream on a closing client, then the driver's own
 * resources), run once.
 */
export class SessionLifecycle {
  private readonly watches = new WatchRegistry();
  private closing: Promise<void> | null = null;

  constructor(private readonly kind: BackendKind) {}

  /** Runs a call of the session; NOT_CONNECTED, without running it, once the session is closed. */
  async whileOpen<T>(call: () => Promise<T>): Promise<T> {
    this.assertOpen();
    return call();
  }

  /** Starts a watch on the open session (see WatchRegistry.start); NOT_CONNECTED once it is closed. */
  watch<C>(listener: (change: C) => void, begin: (emit: (change: C) => void) => StopWatch): () => void {
    this.assertOpen();
    return this.watches.start(listener, begin);
  }

  /** Closes once: every watch stopped (and awaited), then `release`; later calls wait for the first. */
  close(release: () => void | Promise<void>): Promise<void> {
    this.closing ??= (async () => {
      await this.watches.stopAll();
      await release();
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing !== null)
      throw new AppError('NOT_CONNECTED', `This ${KIND_DESCRIPTORS[this.kind].label} connection is closed.`);
  }
}
