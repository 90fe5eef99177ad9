import type { Client } from 'node-zookeeper-client';
import { managerOf } from './zookeeper.internals.js';

/** A KeeperException code the library has no name for (it throws instead of reporting it). */
export class UnknownZkCodeError extends Error {
  constructor(readonly code: number) {
    super(`ZooKeeper error code ${code}`);
  }
}

function unknownCodeIn(error: unknown): number | null {
  const match = error instanceof Error ? /Unknown code: (-?\d+)/.exec(error.message) : null;
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * node-zookeeper-client throws from its socket 'data' handler when a reply carries an error code newer than
 * the library (QUOTA_EXCEEDED, THROTTLED, …): an uncaught exception that would take the whole main process
 * down and leave the call unanswered. This wraps the decoder of one client (an instance property, nothing
 * global): the call that got the reply is failed with that code; any other decoding failure drops the
 * socket, which fails the in-flight calls with CONNECTION_LOSS and reconnects.
 */
export function guardReplies(client: Client): void {
  const manager = managerOf(client);
  const decode = manager.onSocketData.bind(manager);
  const guarded = (buffer: Buffer): void => {
    const head = manager.pendingQueue[0];
    try {
      decode(buffer);
    } catch (error) {
      const code = unknownCodeIn(error);
      if (code !== null && head !== undefined && manager.pendingQueue[0] !== head) {
        head.callback?.(new UnknownZkCodeError(code));
        // Frames that followed in the same chunk are still waiting in the pending buffer.
        if (manager.pendingBuffer) guarded(Buffer.alloc(0));
        return;
      }
      manager.socket?.destroy();
    }
  };
  // The library binds this at connect() time and calls it recursively through `this`: set it before.
  manager.onSocketData = guarded;
}
