import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, OpenedStream, StreamSink } from '../../electron/core/backends/backend.js';
import { createEtcdDriver } from '../../electron/core/backends/etcd/etcd.driver.js';
import type { AppError } from '../../shared/errors.js';
import type { BackendStreamEvent, StreamValue } from '../../shared/model/event-stream.js';
import { startEtcdCluster, type EtcdCluster, type EtcdClusterMember } from '../servers/etcd.cluster.js';
import { etcdProfile } from '../servers/etcd.server.js';
import { rejection, until } from './support/async-expect.js';
import { startTcpProxy } from './support/tcp-proxy.js';

let cluster: EtcdCluster;
/** The console's session, over every member. */
let session: BackendSession;
/** Someone else writing to the cluster, through every member. */
let writer: Etcd3;

/** A sink that keeps what a stream reports. */
function collector(): StreamSink & { events: BackendStreamEvent[]; failures: AppError[] } {
  const events: BackendStreamEvent[] = [];
  const failures: AppError[] = [];
  return { events, failures, emit: (event) => events.push(event), fail: (error) => failures.push(error) };
}

const text = (value: StreamValue | null): string | null =>
  value?.base64 == null ? null : Buffer.from(value.base64, 'base64').toString('utf8');

/** The changes of a stream in a compact form: type, path, mark, version, before, after. */
const changes = (
  events: BackendStreamEvent[],
): Array<[string, string, string | null, string | null, string | null, string | null]> =>
  events
    .filter((e) => e.type !== 'disconnected' && e.type !== 'reconnected' && e.type !== 'note')
    .map((e) => [e.type, e.path, e.mark, e.version, text(e.before), text(e.after)]);

async function put(client: Etcd3, key: string, value: string): Promise<string> {
  return (await client.put(key).value(value)).header.revision;
}

async function del(client: Etcd3, key: string): Promise<string> {
  return (await client.delete().key(key)).header.revision;
}

async function open(
  on: BackendSession,
  path: string,
  recursive: boolean,
  sinceRevision: string | null = null,
): Promise<{ stream: OpenedStream; sink: ReturnType<typeof collector> }> {
  const sink = collector();
  const stream = await on.streams!.open(path, { recursive, sinceRevision }, sink);
  return { stream, sink };
}

beforeAll(async () => {
  cluster = await startEtcdCluster();
  writer = new Etcd3({ hosts: cluster.members.map((m) => m.clientUrl) });
  session = await createEtcdDriver().connect(etcdProfile(cluster.endpoints));
});

afterAll(async () => {
  await session?.close();
  writer?.close();
  await cluster?.stop();
});

describe('etcd event streams against a real three-member cluster', () => {
  it('delivers creates, sets and deletes three levels down in order, with values before and after', async () => {
    const { stream, sink } = await open(session, '/app', true);
    try {
      expect(stream).toMatchObject({
        markKind: 'revision',
        method: 'etcd watch of the prefix with previous values',
      });
      const r1 = await put(writer, '/app/a/b/c', 'one');
      await put(writer, '/app-other', 'beside the subtree, not in it');
      const r2 = await put(writer, '/app/a/b/c', 'two');
      const r3 = await put(writer, '/app', 'the node itself');
      const r4 = await del(writer, '/app/a/b/c');
      await until(() => sink.events.length >= 4, 5000);
      expect(changes(sink.events)).toEqual([
        ['created', '/app/a/b/c', r1, '1', null, 'one'],
        ['changed', '/app/a/b/c', r2, '2', 'one', 'two'],
        ['created', '/app', r3, '1', null, 'the node itself'],
        ['deleted', '/app/a/b/c', r4, null, 'two', null],
      ]);
      expect(sink.events.every((e) => e.beforeKnown)).toBe(true);
      expect(sink.failures).toEqual([]);
    } finally {
      stream.stop();
    }
  });

  it('watches one key alone without its children, and emits nothing once stopped', async () => {
    const { stream, sink } = await open(session, '/solo', false);
    expect(stream.method).toBe('etcd watch of the key with previous values');
    await put(writer, '/solo/child', 'not watched');
    const r1 = await put(writer, '/solo', 'x');
    await until(() => sink.events.length >= 1, 5000);
    stream.stop();
    await put(writer, '/solo', 'after the stop');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(changes(sink.events)).toEqual([['created', '/solo', r1, '1', null, 'x']]);
  });

  it('replays from a past revision', async () => {
    const r1 = await put(writer, '/replay/k', 'v1');
    const r2 = await put(writer, '/replay/k', 'v2');
    const r3 = await del(writer, '/replay/k');
    const { stream, sink } = await open(session, '/replay', true, r1);
    try {
      expect(stream.method).toBe(
        `etcd watch of the prefix with previous values, replayed from revision ${r1}`,
      );
      await until(() => sink.events.length >= 3, 5000);
      expect(changes(sink.events)).toEqual([
        ['created', '/replay/k', r1, '1', null, 'v1'],
        ['changed', '/replay/k', r2, '2', 'v1', 'v2'],
        ['deleted', '/replay/k', r3, null, 'v2', null],
      ]);
    } finally {
      stream.stop();
    }
  });

  it('names a compacted revision and the oldest one kept', async () => {
    const old = await put(writer, '/compacted/k', 'old');
    await put(writer, '/compacted/k', 'newer');
    const kept = await put(writer, '/compacted/k', 'newest');
    await writer.kv.compact({ revision: kept, physical: true });
    const error = await rejection(open(session, '/compacted', true, old));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Revision ${old} was compacted; the oldest revision kept is ${kept}.`);
    // The oldest kept revision itself replays.
    const { stream, sink } = await open(session, '/compacted', true, kept);
    try {
      await until(() => sink.events.length >= 1, 5000);
      // The value before the oldest kept revision went with the compaction: not known, not "none".
      expect(changes(sink.events)[0]).toEqual(['changed', '/compacted/k', kept, '3', null, 'newest']);
      expect(sink.events[0]!.beforeKnown).toBe(false);
    } finally {
      stream.stop();
    }
  });

  it('misses nothing across a restart of the member it watches through: the gap is replayed', async () => {
    const [target, ...others] = cluster.members as [EtcdClusterMember, ...EtcdClusterMember[]];
    const lone = await createEtcdDriver().connect(etcdProfile([target.endpoint], { sessionTimeoutMs: 3000 }));
    const through = new Etcd3({ hosts: others.map((m) => m.clientUrl) });
    try {
      const { stream, sink } = await open(lone, '/outage', true);
      const r0 = await put(through, '/outage/a/b/c', 'before');
      await until(() => sink.events.length >= 1, 5000);
      await target.stop();
      await until(() => sink.events.some((e) => e.type === 'disconnected'), 5000);
      const r1 = await put(through, '/outage/a/b/c', 'during 1');
      const r2 = await put(through, '/outage/a/b/d', 'during 2');
      const r3 = await del(through, '/outage/a/b/c');
      await target.start();
      await until(() => sink.events.length >= 6, 10_000);
      const r4 = await put(through, '/outage/a/b/d', 'after');
      await until(() => sink.events.length >= 7, 5000);
      stream.stop();
      expect(sink.events.map((e) => e.type)).toEqual([
        'created',
        'disconnected',
        'reconnected',
        'changed',
        'created',
        'deleted',
        'changed',
      ]);
      expect(changes(sink.events)).toEqual([
        ['created', '/outage/a/b/c', r0, '1', null, 'before'],
        ['changed', '/outage/a/b/c', r1, '2', 'before', 'during 1'],
        ['created', '/outage/a/b/d', r2, '1', null, 'during 2'],
        ['deleted', '/outage/a/b/c', r3, null, 'during 1', null],
        ['changed', '/outage/a/b/d', r4, '2', 'during 2', 'after'],
      ]);
      const [lost, back] = sink.events.filter((e) => e.type === 'disconnected' || e.type === 'reconnected');
      expect(lost!.detail).toContain(`resumes from revision ${BigInt(r0) + 1n}`);
      expect(back!.detail).toContain(`from revision ${BigInt(r0) + 1n}`);
      expect(sink.failures).toEqual([]);
    } finally {
      await target.start();
      through.close();
      await lone.close();
    }
  });

  it('misses nothing when the connection drops again while the gap is being replayed', async () => {
    // etcd confirms a re-attached watch (naming its current revision) before it replays the gap; a watch that
    // trusted that revision would skip the gap when the connection drops in between.
    const proxy = await startTcpProxy(cluster.members[0]!.clientPort);
    const lone = await createEtcdDriver().connect(etcdProfile([proxy.endpoint], { sessionTimeoutMs: 3000 }));
    try {
      const sink = collector();
      let cutAtReattach = true;
      const stream = await lone.streams!.open(
        '/regap',
        { recursive: true, sinceRevision: null },
        {
          fail: sink.fail,
          emit: (event) => {
            sink.emit(event);
            if (event.type !== 'reconnected' || !cutAtReattach) return;
            cutAtReattach = false;
            proxy.cut();
            setTimeout(() => proxy.restore(), 300);
          },
        },
      );
      const r0 = await put(writer, '/regap/k', 'seen');
      await until(() => sink.events.length >= 1, 5000);
      proxy.cut();
      await until(() => sink.events.some((e) => e.type === 'disconnected'), 5000);
      const r1 = await put(writer, '/regap/k', 'gap 1');
      const r2 = await put(writer, '/regap/k', 'gap 2');
      proxy.restore();
      await until(() => sink.events.filter((e) => e.type === 'reconnected').length >= 2, 10_000);
      const r3 = await put(writer, '/regap/k', 'after');
      await until(() => sink.events.some((e) => e.mark === r3), 5000);
      stream.stop();
      expect(sink.events.filter((e) => e.mark !== null).map((e) => e.mark)).toEqual([r0, r1, r2, r3]);
      expect(
        sink.events.map((e) => e.type).filter((t) => t === 'disconnected' || t === 'reconnected'),
      ).toEqual(['disconnected', 'reconnected', 'disconnected', 'reconnected']);
    } finally {
      await lone.close();
      await proxy.close();
    }
  });

  it('fails, naming the revisions, when the gap was compacted before the watch could resume', async () => {
    const [target, ...others] = cluster.members as [EtcdClusterMember, ...EtcdClusterMember[]];
    const lone = await createEtcdDriver().connect(etcdProfile([target.endpoint], { sessionTimeoutMs: 3000 }));
    const through = new Etcd3({ hosts: others.map((m) => m.clientUrl) });
    try {
      const { stream, sink } = await open(lone, '/gap', true);
      const r0 = await put(through, '/gap/k', 'seen');
      await until(() => sink.events.length >= 1, 5000);
      await target.stop();
      await put(through, '/gap/k', 'missed');
      const kept = await put(through, '/gap/k', 'kept');
      await through.kv.compact({ revision: kept, physical: true });
      // The member serves clients only once it applied what the cluster committed meanwhile, the compaction too.
      await target.start();
      await until(() => sink.failures.length > 0, 10_000);
      expect(sink.failures[0]).toMatchObject({
        code: 'NOT_FOUND',
        message: `Revision ${BigInt(r0) + 1n} was compacted; the oldest revision kept is ${kept}.`,
      });
      expect(changes(sink.events)).toEqual([['created', '/gap/k', r0, '1', null, 'seen']]);
      stream.stop();
    } finally {
      await target.start();
      through.close();
      await lone.close();
    }
  });

  it('fails over to another member under a steady write load: every change exactly once, in revision order', async () => {
    const watching = await createEtcdDriver().connect(
      etcdProfile(cluster.endpoints, { sessionTimeoutMs: 3000 }),
    );
    try {
      const { stream, sink } = await open(watching, '/load', true);
      const holder = await memberHoldingTheWatch();
      const others = cluster.members.filter((m) => m !== holder);
      // A write cut by the loss of the leader may apply or not: only acknowledged ones are listed here,
      // and the keys' versions tell how many applied in all.
      const through = new Etcd3({
        hosts: others.map((m) => m.clientUrl),
        defaultCallOptions: () => ({ deadline: Date.now() + 1000 }),
      });
      const written: string[] = [];
      let writing = true;
      const load = (async () => {
        for (let i = 0; writing; i++) {
          await put(through, `/load/n${i % 20}/x`, `value ${i}`).then(
            (revision) => written.push(revision),
            () => undefined,
          );
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      try {
        await until(() => written.length >= 20, 5000);
        await holder.kill();
        await until(() => sink.events.some((e) => e.type === 'reconnected'), 10_000);
        const atRestart = written.length;
        await holder.start();
        await until(() => written.length >= atRestart + 20, 10_000);
      } finally {
        writing = false;
        await load;
      }
      const keys = await through.getAll().prefix('/load/').exec();
      through.close();
      const applied = keys.kvs.reduce((sum, kv) => sum + Number(kv.version), 0);
      await until(() => sink.events.filter((e) => e.mark !== null).length >= applied, 5000);
      stream.stop();
      const marks = sink.events.filter((e) => e.mark !== null).map((e) => BigInt(e.mark!));
      expect(marks).toHaveLength(applied);
      expect(marks.every((mark, i) => i === 0 || mark > marks[i - 1]!)).toBe(true);
      expect(written.every((revision) => marks.includes(BigInt(revision)))).toBe(true);
      expect(sink.events.filter((e) => e.type === 'disconnected')).toHaveLength(1);
      expect(sink.failures).toEqual([]);
    } finally {
      await Promise.all(cluster.members.map((m) => m.start()));
      await watching.close();
    }
  });
});

/** The member whose /metrics counts a watch stream: the one the watching session is attached to. */
async function memberHoldingTheWatch(): Promise<EtcdClusterMember> {
  let holder: EtcdClusterMember | undefined;
  await until(async () => {
    for (const member of cluster.members) {
      const metrics = await (await fetch(`${member.clientUrl}/metrics`)).text();
      const streams = /^etcd_debugging_mvcc_watch_stream_total (\S+)$/m.exec(metrics)?.[1];
      if (Number(streams) > 0) holder = member;
    }
    return holder !== undefined;
  }, 5000);
  return holder!;
}
