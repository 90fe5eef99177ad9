import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import type { BackendStreamEvent, StreamEvent } from '../../../shared/model/event-stream.js';
import type { BackendSession, StreamSink } from '../../../electron/core/backends/backend.js';
import { EventBus } from '../../../electron/core/events/event.bus.js';
import { StreamRegistry } from '../../../electron/core/watch/stream.registry.js';
import { StreamRing } from '../../../electron/core/watch/stream.ring.js';
import { streamFilter } from '../../../electron/core/watch/stream.filter.js';

function change(path: string, type: BackendStreamEvent['type'] = 'changed'): BackendStreamEvent {
  return {
    type,
    path,
    mark: null,
    version: null,
    before: null,
    beforeKnown: false,
    after: null,
    detail: null,
  };
}

/** A session whose stream hands its sink to the test, to emit from as a driver would. */
function streamingSession(): { session: BackendSession; sink: () => StreamSink; stopped: () => number } {
  let sink: StreamSink | null = null;
  let stops = 0;
  const session = {
    streams: {
      open: async (_path: string, _options: unknown, given: StreamSink) => {
        sink = given;
        return { method: 'test stream', note: null, markKind: null, stop: () => (stops += 1) };
      },
    },
  } as unknown as BackendSession;
  return { session, sink: () => sink!, stopped: () => stops };
}

describe('the stream ring: bounded, ordered, counting what it drops', () => {
  it('keeps the newest events when full and counts the dropped ones', () => {
    const ring = new StreamRing(3);
    for (let seq = 1; seq <= 5; seq++) ring.push({ ...change(`/n${seq}`), seq, time: seq });
    expect(ring.stats()).toMatchObject({ kept: 3, dropped: 2, total: 5 });
    expect(ring.read(0, 10, () => true).events.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(ring.read(3, 10, () => true).events.map((e) => e.seq)).toEqual([4, 5]);
    expect(ring.read(0, 2, () => true)).toMatchObject({ more: true });
  });

  it('filters by path glob and type; a connection event passes any glob', () => {
    const events: StreamEvent[] = [
      { ...change('/app/a.json'), seq: 1, time: 1 },
      { ...change('/app/b/c.yaml', 'created'), seq: 2, time: 2 },
      { ...change('/app', 'disconnected'), seq: 3, time: 3 },
    ];
    const seqs = (filter: Parameters<typeof streamFilter>[0]) =>
      events.filter(streamFilter(filter)).map((e) => e.seq);
    expect(seqs({ pathGlob: '/app/**' })).toEqual([1, 2, 3]);
    expect(seqs({ pathGlob: '*.json' })).toEqual([1, 3]);
    expect(seqs({ types: ['created'] })).toEqual([2]);
    expect(seqs({})).toEqual([1, 2, 3]);
  });
});

describe('the stream registry', () => {
  it('stamps events in order, pushes them in batches and stops the backend stream once', async () => {
    const bus = new EventBus();
    const pushed: StreamEvent[][] = [];
    bus.on((event, payload) => {
      if (event === 'stream.appended') pushed.push((payload as { events: StreamEvent[] }).events);
    });
    let clock = 1000;
    const registry = new StreamRegistry(bus, { capacity: 4, now: () => clock++ });
    const { session, sink, stopped } = streamingSession();
    const info = await registry.start({ connectionId: 'c', connectionName: 'C', session }, '/app', {
      recursive: true,
      sinceRevision: null,
    });
    expect(info).toMatchObject({ method: 'test stream', state: 'running', lastSeq: 0 });
    for (let i = 0; i < 6; i++) sink().emit(change(`/app/${i}`));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(pushed.flat().map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pushed.length).toBe(1);
    const read = registry.read(info.streamId, 0, 100, {});
    expect(read.events.map((e) => e.path)).toEqual(['/app/2', '/app/3', '/app/4', '/app/5']);
    expect(read.info).toMatchObject({ total: 6, dropped: 2, kept: 4, counts: { changed: 6 } });

    registry.stop(info.streamId);
    registry.stop(info.streamId);
    sink().emit(change('/app/late'));
    expect(stopped()).toBe(1);
    expect(registry.read(info.streamId, 0, 100, {}).info).toMatchObject({ state: 'stopped', lastSeq: 6 });
  });

  it('marks a stream failed with the sentence of its failure and ends it with its connection', async () => {
    const registry = new StreamRegistry(null);
    const first = streamingSession();
    const failing = await registry.start(
      { connectionId: 'c', connectionName: 'C', session: first.session },
      '/',
      {
        recursive: true,
        sinceRevision: null,
      },
    );
    first.sink().fail(new AppError('NOT_FOUND', 'Revision 3 was compacted (the oldest kept is 10).'));
    expect(registry.list()[0]).toMatchObject({
      streamId: failing.streamId,
      state: 'failed',
      error: 'Revision 3 was compacted (the oldest kept is 10).',
    });
    const second = streamingSession();
    await registry.start({ connectionId: 'd', connectionName: 'D', session: second.session }, '/', {
      recursive: false,
      sinceRevision: null,
    });
    registry.forgetConnection('d');
    expect(second.stopped()).toBe(1);
    expect(registry.list()[1]).toMatchObject({ state: 'stopped', error: 'The connection was closed.' });
  });

  it('refuses a session without streams in one sentence and keeps nothing', async () => {
    const registry = new StreamRegistry(null);
    await expect(
      registry.start({ connectionId: 'c', connectionName: 'Snap', session: {} as BackendSession }, '/', {
        recursive: true,
        sinceRevision: null,
      }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: 'The server of "Snap" offers no live event stream.',
    });
    expect(registry.list()).toEqual([]);
  });
});
