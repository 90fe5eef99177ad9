import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/app/csp.js';
import {
  createRendererFileHandler,
  resolveRendererFile,
  serveRendererFiles,
} from '../../../electron/app/renderer-files.protocol.js';

describe('the app:// renderer file handler', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'configdeck-renderer-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>ConfigDeck</title>');
    await writeFile(join(root, 'assets', 'editor.worker-1a2b.js'), 'self.onmessage = () => {};');
    await writeFile(join(base, 'secret.txt'), 'not for the renderer');
    handler = createRendererFileHandler(root);
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves the entry page with the CSP and nosniff', async () => {
    const response = await get('app://configdeck/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>ConfigDeck</title>');
  });

  it('serves the entry page for the bare origin', async () => {
    expect(await (await get('app://configdeck/')).text()).toContain('ConfigDeck');
  });

  it('serves workers as JavaScript so module workers can start', async () => {
    const response = await get('app://configdeck/assets/editor.worker-1a2b.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer directory', async () => {
    for (const url of [
      'app://configdeck/../secret.txt',
      'app://configdeck/%2e%2e/secret.txt',
      'app://configdeck/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://configdeck/..%5csecret.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
    }
    expect(resolveRendererFile(root, 'app://configdeck/%2e%2e%2fsecret.txt')).toBeNull();
  });

  it('answers 404 for a missing file, a directory, another host or a malformed escape', async () => {
    expect((await get('app://configdeck/missing.js')).status).toBe(404);
    expect((await get('app://configdeck/assets')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://configdeck/%E0%A4%A')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://configdeck/index.html', 'POST')).status).toBe(405);
    const head = await get('app://configdeck/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('registers itself for the app scheme', () => {
    const handle = vi.fn();
    serveRendererFiles({ handle }, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
