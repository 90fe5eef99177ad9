import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core.js';
import type { Core } from '../../../electron/core/core.types.js';

describe('the dispatcher: the one place a call is validated, for both transports', () => {
  let dataDir: string;
  let core: Core;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'configdeck-dispatch-'));
    core = await createCore({ dataDir, transport: 'browser', version: 'test', drivers: [] });
  });
  afterEach(async () => {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a method that is not in the contract, naming it', async () => {
    for (const method of ['fs.readFile', '__proto__', 'constructor', 'toString']) {
      const result = await core.dispatch(method, {}, 'test');
      expect(result, method).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) expect(result.error.message).toContain(method);
    }
  });

  it('refuses input that does not match the method schema, in one sentence naming the method and field', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['connections.delete', { id: '' }, 'id'],
      ['app.info', { extra: true }, 'extra'],
      ['tree.children', { connectionId: 'c1', path: '/a', limit: 100000 }, 'limit'],
      [
        'node.set',
        { connectionId: 'c1', path: '/a', valueBase64: 'not base64!', token: null },
        'valueBase64',
      ],
      ['node.get', { connectionId: 'c1', path: 'relative' }, 'path'],
    ];
    for (const [method, input, field] of cases) {
      const result = await core.dispatch(method, input, 'test');
      expect(result, method).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) {
        expect(result.error.message).toContain(method);
        expect(result.error.message).toContain(field);
      }
    }
  });

  it('treats a missing input as an empty one', async () => {
    expect(await core.dispatch('connections.list', undefined, 'test')).toEqual({ ok: true, result: [] });
  });
});
