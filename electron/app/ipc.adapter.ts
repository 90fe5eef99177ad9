import { AppError, type ErrorCode } from '../../shared/errors.js';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type CallResult } from '../../shared/contract/wire.js';
import type { Core } from '../core/core.types.js';
import type { ContentsLike, FrameLike, TrustedSenderCheck } from './trusted-sender.js';

/** The parts of Electron's WebContents the adapter uses. */
export interface IpcSender extends ContentsLike {
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
  on(event: 'did-navigate', listener: () => void): unknown;
}

/** The parts of Electron's IpcMainInvokeEvent the adapter uses. */
export interface IpcInvokeEvent {
  readonly sender: IpcSender;
  readonly senderFrame: FrameLike | null;
}

/** The parts of Electron's ipcMain the adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<CallResult>): void;
  removeHandler(channel: string): void;
}

export interface IpcAdapterOptions {
  ipcMain: IpcMainLike;
  core: Pick<Core, 'dispatch' | 'onEvent' | 'releaseClient'>;
  isTrustedSender: TrustedSenderCheck;
}

/** The core client id of a window: its watches are released under this id when it goes away. */
export function clientIdOf(sender: Pick<IpcSender, 'id'>): string {
  return `window:${sender.id}`;
}

function failure(code: ErrorCode, message: string): CallResult {
  return { ok: false, error: new AppError(code, message).toShape() };
}

/**
 * Connects the renderer's `window.configdeck` bridge to the core: answers IPC_INVOKE_CHANNEL calls from
 * the trusted window only (the one check made here), hands them to the core as they came, forwards core
 * events to the windows that use the core, and releases a window's watches when its page goes away.
 * Returns the function that undoes all of it.
 */
export function registerIpcAdapter({ ipcMain, core, isTrustedSender }: IpcAdapterOptions): () => void {
  const clients = new Map<number, IpcSender>();
  let active = true;
  const release = (clientId: string): void => {
    if (active) core.releaseClient(clientId);
  };

  const track = (sender: IpcSender): void => {
    if (clients.has(sender.id)) return;
    clients.set(sender.id, sender);
    const clientId = clientIdOf(sender);
    // A reload starts a new page that knows nothing of the old page's watches.
    sender.on('did-navigate', () => release(clientId));
    sender.once('destroyed', () => {
      clients.delete(sender.id);
      release(clientId);
    });
  };

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method, input) => {
    if (!isTrustedSender(event.sender, event.senderFrame)) {
      return failure('PERMISSION_DENIED', 'Only the ConfigDeck window itself may call the core.');
    }
    track(event.sender);
    try {
      // The core's dispatcher validates the method and its input, worded as for the browser transport.
      return await core.dispatch(
        typeof method === 'string' ? method : String(method),
        input,
        clientIdOf(event.sender),
      );
    } catch (error) {
      // The core promises never to throw; if it does anyway the renderer still gets a typed failure.
      return failure(
        'INTERNAL',
        `The core failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });

  const stopEvents = core.onEvent((name, payload) => {
    for (const sender of clients.values()) {
      if (sender.isDestroyed() || !isTrustedSender(sender, sender.mainFrame)) continue;
      sender.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    active = false;
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    stopEvents();
    clients.clear();
  };
}
