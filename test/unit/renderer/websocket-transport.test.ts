import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/errors.js';
import { ApiClient } from '../../../renderer/src/transport/api-client.js';
import type { TransportStatus } from '../../../renderer/src/transport/transport.types.js';
import { WebSocketTransport } from '../../../renderer/src/transport/websocket.transport.js';

// Node 20 has no global WebSocket; the transport only uses the standard browser API, which `ws` provides.
const globals = globalThis as unknown as { WebSocket: unknown };
const hadWebSocket = 'WebSocket' in globalThis;
const originalWebSocket = globals.WebSocket;

function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

describe('WebSocket transport against a real WebSocket server', () => {
  let server: WebSocketServer;
  let url: string;
  const seenTokens: string[] = [];

  beforeAll(async () => {
    globals.WebSocket = NodeWebSocket;
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws?token=t0k`;
    server.on('connection', (socket, request) => {
      seenTokens.push(new URL(request.url ?? '', 'http://x').searchParams.get('token') ?? '');
      socket.on('message', (raw) => {
        const frame = JSON.parse(String(raw)) as { id: number; method: string; input: unknown };
        if (frame.method === 'hang') return;
        if (frame.method === 'fail') {
          const error = { code: 'READ_ONLY', message: 'refused' };
          socket.send(JSON.stringify({ type: 'result', id: frame.id, outcome: { ok: false, error } }));
          return;
        }
        socket.send(JSON.stringify({ type: 'event', event: 'audit.appended', payload: { seq: frame.id } }));
        socket.send(
          JSON.stringify({ type: 'result', id: frame.id, outcome: { ok: true, result: frame.input } }),
        );
      });
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (hadWebSocket) globals.WebSocket = originalWebSocket;
    else delete globals.WebSocket;
  });

  it('calls, receives events, fails lost calls and reconnects with the same token', async () => {
    const transport = new WebSocketTransport(url);
    const client = new ApiClient(transport);
    const statuses: TransportStatus['state'][] = [];
    transport.onStatus(() => statuses.push(transport.getStatus().state));
    const events: unknown[] = [];
    client.on('audit.appended', (payload) => events.push(payload));

    // A call made before the socket opens waits for it.
    await expect(client.call('prefs.get', { key: 'k' })).resolves.toEqual({ key: 'k' });
    expect(events.length).toBe(1);
    expect(transport.getStatus()).toMatchObject({ state: 'connected', epoch: 1 });

    await expect(transport.invoke('fail', {})).resolves.toMatchObject({ ok: false });
    const refused = await (client.call as (m: string, i: unknown) => Promise<unknown>)('fail', {}).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('READ_ONLY');

    // The link drops while a call is in flight: that call fails at once, the transport comes back.
    const lost = transport.invoke('hang', {});
    await waitFor(() => server.clients.size === 1);
    for (const socket of server.clients) socket.terminate();
    await expect(lost).resolves.toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect(transport.getStatus().state).toBe('disconnected');
    const queued = client.call('prefs.get', { key: 'after' });
    await expect(queued).resolves.toEqual({ key: 'after' });
    expect(transport.getStatus()).toMatchObject({ state: 'connected', epoch: 2 });
    expect(statuses).toContain('disconnected');
    expect(seenTokens).toEqual(['t0k', 't0k']);
    transport.close();
  });
});
