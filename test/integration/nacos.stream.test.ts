import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../shared/model/event-stream.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import { nacosOtherClient, type NacosOtherClient } from './support/nacos-client.js';

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');
const utf8 = (base64: string | null | undefined): string | null =>
  base64 === null || base64 === undefined ? null : Buffer.from(base64, 'base64').toString('utf8');

/** What a change event says, in a form a test can compare whole. */
const summary = (e: StreamEvent) => ({
  type: e.type,
  path: e.path,
  mark: e.mark,
  before: utf8(e.before?.base64),
  after: utf8(e.after?.base64),
});

// Streams of Nacos configs through the core's stream registry, against r-nacos; the writes come from a
// second, independent HTTP client.
describe('Nacos event streams', () => {
  let nacos: NacosServer;
  let client: CoreClient;
  let other: NacosOtherClient;
  let id: string;

  const events = async (streamId: string): Promise<StreamEvent[]> =>
    (await client.call('stream.events', { streamId, afterSeq: 0, limit: 5000 })).events;
  /** Waits until the stream holds `count` events matching `keep`, and returns them. */
  const waitFor = async (streamId: string, count: number, keep: (e: StreamEvent) => boolean) => {
    await expect
      .poll(async () => (await events(streamId)).filter(keep).length, { timeout: 12_000, interval: 100 })
      .toBeGreaterThanOrEqual(count);
    return (await events(streamId)).filter(keep);
  };
  const changes = (e: StreamEvent): boolean => ['created', 'changed', 'deleted'].includes(e.type);

  beforeAll(async () => {
    nacos = await startNacos();
    other = nacosOtherClient(nacos.endpoint);
    client = await startCoreClient();
    id = (
      await client.call('connections.save', {
        name: 'nacos-stream',
        kind: 'nacos',
        endpoints: [nacos.endpoint],
      })
    ).id;
    const session = await client.call('connections.open', { id });
    expect(session.capabilities.eventStreams).toBe(true);
  });

  afterAll(async () => {
    await client?.close();
    // r-nacos's graceful stop waits for the long polls still held (up to 30 s): the data goes anyway.
    await nacos?.kill();
    await nacos?.stop();
  });

  it('reports creates, updates and deletes of a group in order, with md5 marks, before and after', async () => {
    const group = 'STREAM_GROUP';
    await other.publish('a.properties', group, 'a=1\n');
    const info = await client.call('stream.start', {
      connectionId: id,
      path: `/public/${group}`,
      recursive: true,
    });
    expect(info).toMatchObject({ markKind: 'md5', state: 'running' });
    expect(info.method).toContain('long-poll');
    expect(info.note).toMatch(/every 3 s/);

    await other.publish('a.properties', group, 'a=2\n');
    await waitFor(info.streamId, 1, changes);
    // Added after the start: not in the long-poll request yet, found by the re-list of the group.
    await other.publish('b.yaml', group, 'b: 1\n');
    await waitFor(info.streamId, 2, changes);
    // Now in the request: reported by the long-poll listener.
    await other.publish('b.yaml', group, 'b: 2\n');
    await waitFor(info.streamId, 3, changes);
    await other.remove('a.properties', group);
    const seen = await waitFor(info.streamId, 4, changes);

    const a = `/public/${group}/a.properties`;
    const b = `/public/${group}/b.yaml`;
    expect(seen.map(summary)).toEqual([
      { type: 'changed', path: a, mark: md5('a=2\n'), before: 'a=1\n', after: 'a=2\n' },
      { type: 'created', path: b, mark: md5('b: 1\n'), before: null, after: 'b: 1\n' },
      { type: 'changed', path: b, mark: md5('b: 2\n'), before: 'b: 1\n', after: 'b: 2\n' },
      { type: 'deleted', path: a, mark: null, before: 'a=2\n', after: null },
    ]);
    expect(seen.every((e) => e.beforeKnown && e.version === e.mark)).toBe(true);
    const seqs = seen.map((e) => e.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    await client.call('stream.stop', { streamId: info.streamId });
  });

  it('streams one config from before it exists, and refuses a revision to replay from', async () => {
    const path = '/public/ONE_GROUP/one.json';
    const info = await client.call('stream.start', { connectionId: id, path, recursive: false });
    await other.publish('one.json', 'ONE_GROUP', '{"v":1}');
    const [created] = await waitFor(info.streamId, 1, changes);
    expect(summary(created!)).toEqual({
      type: 'created',
      path,
      mark: md5('{"v":1}'),
      before: null,
      after: '{"v":1}',
    });
    await client.call('stream.stop', { streamId: info.streamId });

    const refused = await client.failure('stream.start', {
      connectionId: id,
      path,
      recursive: false,
      sinceRevision: '12',
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/no revisions/);
  });

  it('streams a whole namespace: a config in a group that did not exist at the start is seen', async () => {
    const info = await client.call('stream.start', { connectionId: id, path: '/public', recursive: true });
    expect(info.note).toMatch(/the namespace public/);
    await other.publish('fresh.properties', 'NEW_GROUP', 'x=1\n');
    const [created] = await waitFor(info.streamId, 1, (e) => e.path === '/public/NEW_GROUP/fresh.properties');
    expect(summary(created!)).toMatchObject({ type: 'created', after: 'x=1\n' });
    await client.call('stream.stop', { streamId: info.streamId });
    const refused = await client.failure('stream.start', {
      connectionId: id,
      path: '/public',
      recursive: false,
    });
    expect(refused.message).toMatch(/watch its subtree/);
  });

  it('reports a lost connection, its return, and what changed across it', async () => {
    const group = 'GAP_GROUP';
    await other.publish('gap.txt', group, 'before');
    const info = await client.call('stream.start', {
      connectionId: id,
      path: `/public/${group}`,
      recursive: true,
    });
    await nacos.kill();
    await waitFor(info.streamId, 1, (e) => e.type === 'disconnected');
    await nacos.restart();
    await other.publish('gap.txt', group, 'after');
    const [reconnected] = await waitFor(info.streamId, 1, (e) => e.type === 'reconnected');
    expect(reconnected!.detail).toMatch(/^disconnected \d\d:\d\d:\d\d – \d\d:\d\d:\d\d; comparing/);
    const [note] = await waitFor(info.streamId, 1, (e) => e.type === 'note');
    expect(note!.detail).toMatch(/^Compared the group GAP_GROUP of public after the gap/);
    // Whether the comparison or the listener saw it first, the change is reported once, with both values.
    const [changed] = await waitFor(info.streamId, 1, changes);
    expect(summary(changed!)).toMatchObject({ type: 'changed', before: 'before', after: 'after' });
    const types = (await events(info.streamId)).map((e) => e.type);
    expect(types.indexOf('disconnected')).toBeLessThan(types.indexOf('reconnected'));
    await client.call('stream.stop', { streamId: info.streamId });
  });
});
