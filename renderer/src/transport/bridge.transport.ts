import type { ConfigDeckBridge } from '../../../shared/contract/wire.js';
import { untilAborted } from './call-abort.js';
import type { Transport, TransportStatus } from './transport.types.js';

const CONNECTED: TransportStatus = { state: 'connected', epoch: 1 };

/** The Electron transport: a thin wrapper over the preload's `window.configdeck`, always connected. */
export function createBridgeTransport(bridge: Pick<ConfigDeckBridge, 'invoke' | 'subscribe'>): Transport {
  return {
    kind: 'electron',
    // IPC has no way to take a call back: a cancelled one stops being waited for, its answer is dropped.
    invoke: (method, input, signal) => untilAborted(bridge.invoke(method, input), signal),
    subscribe: (listener) => bridge.subscribe(listener),
    getStatus: () => CONNECTED,
    onStatus: () => () => undefined,
    retryNow: () => undefined,
    close: () => undefined,
  };
}
