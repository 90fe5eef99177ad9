import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { WsRequestSchema, type WsServerFrame } from '../../shared/contract/wire.js';
import type { Core } from '../core/core.types.js';
import { tokenMatches } from './session-token.js';
import { hostAllowed, originAllowed } from './origin-policy.js';

/** Largest frame a client may send: a 1 MiB value in base64 plus room for the envelope. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** The contract over a WebSocket: token and Origin checked at the upgrade, then calls and events. */
export class WsGateway {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  constructor(
    private readonly core: Core,
    private readonly token: string,
    private readonly port: () => number,
  ) {}

  /** Handles an HTTP upgrade: refuses with 401/403 unless path, token, Host and Origin are right. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refuse = (status: number, reason: string): void => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/ws') return refuse(404, 'Not Found');
    if (!hostAllowed(req.headers.host, this.port())) return refuse(403, 'Forbidden');
    if (!originAllowed(req.headers.origin, this.port())) return refuse(403, 'Forbidden');
    if (!tokenMatches(this.token, url.searchParams.get('token'))) return refuse(401, 'Unauthorized');
    this.server.handleUpgrade(req, socket, head, (ws) => this.attach(ws));
  }

  private attach(ws: WebSocket): void {
    const clientId = `socket:${randomUUID()}`;
    const send = (frame: WsServerFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const stopEvents = this.core.onEvent((event, payload) => send({ type: 'event', event, payload }));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return; // not JSON: nothing we could answer to
      }
      const request = WsRequestSchema.safeParse(frame);
      if (!request.success) return;
      const { id, method, input } = request.data;
      void this.core
        .dispatch(method, input, clientId)
        .then((outcome) => send({ type: 'result', id, outcome }));
    });
    ws.on('close', () => {
      stopEvents();
      this.core.releaseClient(clientId);
    });
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }
}
