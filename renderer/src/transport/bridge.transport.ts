import type { ConfigDeckBridge } from '../../../shared/contract/wire.js';
import type { Transport, TransportStatus } from './transport.types.js';

const CONNECTED: TransportStatus = { state: 'connected', epoch: 1 };

/** The Electron transport: a thin wrapper over the preload's `window.configdeck`, always connected. */
export function createBridgeTransport(bridge: ConfigDeckBridge): Transport {
  return {
    kind: 'electron',
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.subscribe(listener),
    getStatus: () => CONNECTED,
    onStatus: () => () => undefined,
    retryNow: () => undefined,
    close: () => undefined,
  };
}
