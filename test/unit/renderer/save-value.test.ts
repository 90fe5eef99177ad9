import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryKeys } from '../../../renderer/src/api/query-keys.js';
import { nodeValueQuery } from '../../../renderer/src/api/node.queries.js';
import { nextSaveStep, saveValue } from '../../../renderer/src/features/value/save-value.js';
import { testProfile } from '../../servers/test-profile.js';
import { startMemoryCore, type MemoryCore } from './support/memory-core.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'value');

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const text = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8');

describe("the renderer's save flow, over a real core on the in-memory driver", () => {
  let mem: MemoryCore;
  let queryClient: QueryClient;
  let dev: string;

  beforeEach(async () => {
    mem = await startMemoryCore();
    queryClient = new QueryClient();
    dev = await mem.connect({ name: 'dev' });
    await mem.client.call('node.create', { connectionId: dev, path: '/app', valueBase64: b64('{"a":1}') });
  });
  afterEach(async () => {
    queryClient.clear();
    await mem.close();
  });

  const read = (connectionId: string) =>
    queryClient.fetchQuery(nodeValueQuery(mem.client, connectionId, '/app', false));

  it('asks to confirm a valid value, and shows why an invalid one is refused (the user may force it)', () => {
    expect(nextSaveStep('{"a":2}', 'json', en)).toEqual({ dialog: 'confirm' });
    const invalid = nextSaveStep('{"a":', 'json', en);
    expect(invalid).toMatchObject({ dialog: 'validation', invalid: { ok: false, line: 1 } });
    expect(nextSaveStep('{"a":', 'text', en)).toEqual({ dialog: 'confirm' });
  });

  it('writes with the token it read, puts the node as written into the cache and writes nothing else', async () => {
    const base = await read(dev);
    const outcome = await saveValue(mem.client, queryClient, {
      connectionId: dev,
      path: '/app',
      text: '{"a":2}',
      token: base.token,
    });
    expect(outcome.kind).toBe('saved');
    if (outcome.kind !== 'saved') return;
    expect(text(outcome.written.valueBase64)).toBe('{"a":2}');
    expect(outcome.written.token).not.toBe(base.token);
    // The value queries hold the answer: nothing needs to be fetched again.
    expect(queryClient.getQueryData(queryKeys.nodeValue(dev, '/app', false))).toEqual(outcome.written);
    expect(queryClient.getQueryState(queryKeys.nodeValue(dev, '/app', false))?.isInvalidated).toBe(false);
    const audit = (await mem.client.call('audit.list', { connectionName: 'dev' })).entries;
    expect(audit[0]).toMatchObject({ operation: 'set', path: '/app', outcome: 'ok' });
    expect(audit[0]!.before).toEqual({ encoding: 'utf8', data: '{"a":1}', size: 7 });
  });

  it('on a conflict shows the value someone else wrote since, and writes nothing', async () => {
    const base = await read(dev);
    const other = await mem.driver.connect({ ...testProfile('etcd', ['mem']), password: null });
    await other.set('/app', Buffer.from('{"theirs":true}'), null);
    await other.close();
    const outcome = await saveValue(mem.client, queryClient, {
      connectionId: dev,
      path: '/app',
      text: '{"mine":true}',
      token: base.token,
    });
    expect(outcome.kind).toBe('conflict');
    if (outcome.kind !== 'conflict') return;
    expect(text(outcome.compare.valueBase64!)).toBe('{"theirs":true}');
    expect(outcome.compare.token).not.toBe(base.token);
    const now = await mem.client.call('node.get', { connectionId: dev, path: '/app' });
    expect(text(now.valueBase64)).toBe('{"theirs":true}');
    // Saving again on the server's token (what "Keep editing" does) goes through.
    const again = await saveValue(mem.client, queryClient, {
      connectionId: dev,
      path: '/app',
      text: '{"mine":true}',
      token: outcome.compare.token,
    });
    expect(again.kind).toBe('saved');
  });

  it('on prod saves only with the path typed, and reports a refusal without writing', async () => {
    const prod = await mem.connect({ name: 'prod', environment: 'prod' });
    const base = await read(prod);
    const request = { connectionId: prod, path: '/app', text: '{"a":3}', token: base.token };
    const refused = await saveValue(mem.client, queryClient, request);
    expect(refused).toMatchObject({ kind: 'failed', error: { code: 'CONFIRMATION_REQUIRED' } });
    expect(text((await mem.client.call('node.get', { connectionId: prod, path: '/app' })).valueBase64)).toBe(
      '{"a":1}',
    );
    const saved = await saveValue(mem.client, queryClient, { ...request, confirmation: '/app' });
    expect(saved.kind).toBe('saved');
  });

  it('on a read-only connection reports READ_ONLY and writes nothing', async () => {
    const ro = await mem.connect({ name: 'ro', readOnly: true });
    const base = await read(ro);
    const refused = await saveValue(mem.client, queryClient, {
      connectionId: ro,
      path: '/app',
      text: 'x',
      token: base.token,
    });
    expect(refused).toMatchObject({ kind: 'failed', error: { code: 'READ_ONLY' } });
    expect(text((await mem.client.call('node.get', { connectionId: dev, path: '/app' })).valueBase64)).toBe(
      '{"a":1}',
    );
    expect((await mem.client.call('audit.list', { connectionName: 'ro' })).entries[0]).toMatchObject({
      outcome: 'refused',
    });
  });
});
