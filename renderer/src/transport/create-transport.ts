import type { ConfigDeckBridge } from '../../../shared/contract/wire.js';
import { takeAccessToken } from './access-token.js';
import { createBridgeTransport } from './bridge.transport.js';
import type { Transport } from './transport.types.js';
import { WebSocketTransport } from './websocket.transport.js';

declare global {
  interface Window {
    configdeck?: ConfigDeckBridge;
  }
}

/** Picks the Electron bridge when the preload exposed one, else the loopback WebSocket of browser mode. */
export function createTransport(): Transport {
  if (window.configdeck) return createBridgeTransport(window.configdeck);
  const token = takeAccessToken() ?? '';
  const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${protocol}://${window.location.host}/ws?token=${encodeURIComponent(token)}`;
  return new WebSocketTransport(url);
}
