import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/core.types.js';
import { hostAllowed } from './origin-policy.js';
import { createSessionToken } from './session-token.js';
import { serveStatic } from './static.files.js';
import { WsGateway } from './ws.gateway.js';

export interface WebHost {
  port: number;
  token: string;
  /** The URL to open, token included. */
  url: string;
  close(): Promise<void>;
}

/** Serves the built renderer and the contract over a WebSocket on 127.0.0.1 only. */
export async function startWebHost(core: Core, rendererDir: string, port: number): Promise<WebHost> {
  const token = createSessionToken();
  let boundPort = port;
  const gateway = new WsGateway(core, token, () => boundPort);
  const server: Server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host, boundPort)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden host');
      return;
    }
    serveStatic(rendererDir, boundPort, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    port: boundPort,
    token,
    url: `http://127.0.0.1:${boundPort}/?token=${token}`,
    close: async () => {
      gateway.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
