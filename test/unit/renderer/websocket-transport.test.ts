import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/errors.js';
import { ApiClient, type CallOptions } from '../../../renderer/src/transport/api-client.js';
import type { TransportStatus } from '../../../renderer/src/transport/transport.types.js';
import { WebSocketTransport } from '../../../renderer/src/transport/websocket.transport.js';
import { createBridgeTransport } from '../../../renderer/src/transport/bridge.transport.js';
import type { CallResult } from '../../../shared/contract/wire.js';

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
  const seenKeys: string[] = [];

  beforeAll(async () => {
    globals.WebSocket = NodeWebSocket;
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws?token=t0k`;
    server.on('connection', (socket, request) => {
      seenTokens.push(new URL(request.url ?? '', 'http://x').searchParams.get('token') ?? '');
      socket.on('message', (raw) => {
        const frame = JSON.parse(String(raw)) as { id: number; method: string; input: unknown };
        seenKeys.push((frame.input as { key?: string } | null)?.key ?? '');
        if (frame.method === 'hang') return;
        if (frame.method === 'slow') {
          const late = { type: 'result', id: frame.id, outcome: { ok: true, result: 'late' } };
          setTimeout(() => socket.send(JSON.stringify(late)), 300);
          return;
        }
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
    await expect(lost).resolves.toMatchObject({ ok: false, error: { code: 'HOST_LOST' } });
    expect(transport.getStatus().state).toBe('disconnected');
    const queued = client.call('prefs.get', { key: 'after' });
    await expect(queued).resolves.toEqual({ key: 'after' });
    expect(transport.getStatus()).toMatchObject({ state: 'connected', epoch: 2 });
    expect(statuses).toContain('disconnected');
    expect(seenTokens).toEqual(['t0k', 't0k']);
    transport.close();
  });

  it('stops waiting for a cancelled call at once and drops its late answer', async () => {
    const transport = new WebSocketTransport(url);
    const client = new ApiClient(transport);
    await client.call('prefs.get', { key: 'warm-up' });

    // A call the host never answers: the abort alone ends it, at once.
    const hanging = new AbortController();
    const callAny = client.call.bind(client) as (m: string, i: unknown, o: CallOptions) => Promise<unknown>;
    const call = callAny('hang', { key: 'hang' }, { signal: hanging.signal }).catch((e: unknown) => e);
    await waitFor(() => seenKeys.includes('hang'));
    const abortedAt = Date.now();
    hanging.abort();
    const error = await call;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CANCELLED');
    expect(Date.now() - abortedAt).toBeLessThan(100);

    // The host answers 300 ms later: the cancelled call stays cancelled, later calls are unaffected.
    const slow = new AbortController();
    const outcome = transport.invoke('slow', { key: 'slow' }, slow.signal);
    await waitFor(() => seenKeys.includes('slow'));
    slow.abort();
    await expect(outcome).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(outcome).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await expect(client.call('prefs.get', { key: 'after-late' })).resolves.toEqual({ key: 'after-late' });
    transport.close();
  });

  it('never sends a call cancelled while the link was still opening', async () => {
    const transport = new WebSocketTransport(url);
    const early = new AbortController();
    const outcome = transport.invoke('prefs.get', { key: 'never-sent' }, early.signal);
    early.abort();
    await expect(outcome).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const aborted = AbortSignal.abort();
    await expect(transport.invoke('prefs.get', { key: 'also-never' }, aborted)).resolves.toMatchObject({
      error: { code: 'CANCELLED' },
    });
    await expect(transport.invoke('prefs.get', { key: 'sent' })).resolves.toMatchObject({ ok: true });
    expect(seenKeys).toContain('sent');
    expect(seenKeys).not.toContain('never-sent');
    expect(seenKeys).not.toContain('also-never');
    transport.close();
  });
});

describe('Electron bridge transport', () => {
  it('stops waiting for a cancelled call at once and drops the answer IPC brings later', async () => {
    let answer: (result: CallResult) => void = () => undefined;
    const transport = createBridgeTransport({
      invoke: () => new Promise<CallResult>((resolve) => (answer = resolve)),
      subscribe: () => () => undefined,
    });
    const client = new ApiClient(transport);
    const controller = new AbortController();
    const call = client
      .call('prefs.get', { key: 'k' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort();
    const error = await call;
    expect((error as AppError).code).toBe('CANCELLED');
    answer({ ok: true, result: { value: 'late' } });

    // Without a signal the bridge's answer is passed through as it is.
    const plain = client.call('prefs.get', { key: 'k' });
    answer({ ok: true, result: { value: 1 } });
    await expect(plain).resolves.toEqual({ value: 1 });
  });
});
