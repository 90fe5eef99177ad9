import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core, CoreEventListener } from '../../../electron/core/core.types.js';
import { startWebHost, type WebHost } from '../../../electron/host/web.host.js';

/** A stand-in engine: what is under test here is the host's transport and its guards. */
function echoCore(): Core & { emit: CoreEventListener; released: string[] } {
  const listeners = new Set<CoreEventListener>();
  const released: string[] = [];
  return {
    released,
    dispatch: async (method, input) => ({ ok: true, result: { method, input } }),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event, payload) => listeners.forEach((listener) => listener(event, payload)),
    releaseClient: (clientId) => released.push(clientId),
    close: async () => undefined,
  };
}

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('web host', () => {
  let dir: string;
  let host: WebHost;
  const core = echoCore();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-host-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>ConfigDeck</title>');
    host = await startWebHost(core, dir, 0);
  });

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=`));
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('ConfigDeck');
  });

  it('refuses sockets without the token, with a wrong token, or from a foreign origin', async () => {
    const base = `ws://127.0.0.1:${host.port}/ws`;
    await expect(connect(base)).rejects.toThrow('HTTP 401');
    await expect(connect(`${base}?token=wrong`)).rejects.toThrow('HTTP 401');
    await expect(connect(`${base}?token=${host.token}`, { Origin: 'https://evil.example' })).rejects.toThrow(
      'HTTP 403',
    );
    await expect(
      connect(`${base}?token=${host.token}`, { Host: `evil.example:${host.port}` }),
    ).rejects.toThrow('HTTP 403');
  });

  it('answers calls and pushes events once the token and origin are right; releases the client on close', async () => {
    const ws = await connect(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
      Origin: `http://127.0.0.1:${host.port}`,
    });
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ type: 'call', id: 7, method: 'connections.list', input: {} }));
    await expect.poll(() => frames.length).toBe(1);
    expect(frames[0]).toEqual({
      type: 'result',
      id: 7,
      outcome: { ok: true, result: { method: 'connections.list', input: {} } },
    });
    core.emit('audit.appended', { seq: 1, connectionName: 'x', path: '/a' });
    await expect.poll(() => frames.length).toBe(2);
    expect(frames[1]).toEqual({
      type: 'event',
      event: 'audit.appended',
      payload: { seq: 1, connectionName: 'x', path: '/a' },
    });
    ws.close();
    await expect.poll(() => core.released.length).toBe(1);
    expect(core.released[0]).toMatch(/^socket:/);
  });
});
