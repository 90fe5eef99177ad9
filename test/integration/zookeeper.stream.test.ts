import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, OpenedStream, StreamSink } from '../../electron/core/backends/backend.js';
import { Perm, type ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { StreamRegistry } from '../../electron/core/watch/stream.registry.js';
import { longToHex } from '../../electron/core/backends/zookeeper/zookeeper.stat.js';
import { ONE_SHOT_NOTE } from '../../electron/core/backends/zookeeper/zookeeper.stream.one-shot.js';
import { FOUND_AFTER_GAP } from '../../electron/core/backends/zookeeper/zookeeper.stream.events.js';
import type { AppError } from '../../shared/errors.js';
import type { BackendStreamEvent, StreamValue } from '../../shared/model/event-stream.js';
import {
  fourLetterWord,
  startZooKeeper,
  zooKeeperProfile,
  type ZooKeeperServer,
} from '../servers/zookeeper.server.js';
import { rejection, until } from './support/async-expect.js';
import { connectedZkClient } from './support/zk-client.js';
import { startFrameProxy, type FrameProxy } from './support/zk-frame-proxy.js';

const persistentDriver = createZooKeeperDriver();
const oneShotDriver = createZooKeeperDriver({ watches: 'oneShot' });
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** The events a stream emitted, and a wait for more. */
class EventLog {
  readonly events: BackendStreamEvent[] = [];
  readonly failures: AppError[] = [];
  readonly sink: StreamSink = {
    emit: (event) => this.events.push(event),
    fail: (error) => this.failures.push(error),
  };

  /** The change events (created, changed, deleted, children), without notes and connection events. */
  changes(): BackendStreamEvent[] {
    return this.events.filter((event) => ['created', 'changed', 'deleted', 'children'].includes(event.type));
  }

  async waitForChanges(count: number, timeoutMs = 5000): Promise<BackendStreamEvent[]> {
    await until(() => this.changes().length >= count, timeoutMs).catch(() => {
      throw new Error(`expected ${count} changes, saw ${JSON.stringify(this.events, null, 1)}`);
    });
    return this.changes().slice(0, count);
  }

  async waitFor(type: BackendStreamEvent['type'], timeoutMs = 5000): Promise<BackendStreamEvent> {
    await until(() => this.events.some((event) => event.type === type), timeoutMs).catch(() => {
      throw new Error(`expected a ${type} event, saw ${JSON.stringify(this.events, null, 1)}`);
    });
    return this.events.find((event) => event.type === type)!;
  }
}

function textOf(value: StreamValue | null): string | null {
  return value === null || value.base64 === null
    ? null
    : Buffer.from(value.base64, 'base64').toString('utf8');
}

/** An event as the assertions compare it: values as text. */
function summary(event: BackendStreamEvent): Record<string, unknown> {
  return {
    type: event.type,
    path: event.path,
    before: textOf(event.before),
    beforeKnown: event.beforeKnown,
    after: textOf(event.after),
    version: event.version,
    mark: event.mark,
  };
}

/** The `Total watches:` figure of `wchs`: the data watches the server holds (persistent ones too), all sessions. */
async function totalWatches(port: number): Promise<number> {
  const answer = await fourLetterWord(port, 'wchs');
  const total = /Total watches:\s*(\d+)/.exec(answer)?.[1];
  if (total === undefined) throw new Error(`unexpected wchs answer: ${answer}`);
  return Number(total);
}

const subtree = { recursive: true, sinceRevision: null };
const nodeOnly = { recursive: false, sinceRevision: null };

let server: ZooKeeperServer;
let writer: ZkClient;
let persistent: BackendSession;
let oneShot: BackendSession;
const opened: OpenedStream[] = [];

async function open(
  session: BackendSession,
  path: string,
  options: { recursive: boolean; sinceRevision: string | null },
): Promise<{ log: EventLog; stream: OpenedStream }> {
  const log = new EventLog();
  const stream = await session.streams!.open(path, options, log.sink);
  opened.push(stream);
  return { log, stream };
}

beforeAll(async () => {
  server = await startZooKeeper();
  writer = await connectedZkClient(server.connectString);
  [persistent, oneShot] = await Promise.all([
    persistentDriver.connect(zooKeeperProfile(server.connectString)),
    oneShotDriver.connect(zooKeeperProfile(server.connectString)),
  ]);
});

afterAll(async () => {
  for (const stream of opened) stream.stop();
  await Promise.all([persistent?.close(), oneShot?.close(), writer?.close()]);
  await server?.stop();
});

describe('ZooKeeper event streams: persistent watches', () => {
  it('reports creates, sets and deletes three levels down in order, with values before and after and zxids', async () => {
    await writer.create('/app', utf8('root'));
    const { log, stream } = await open(persistent, '/app', subtree);
    expect(stream.method).toBe('persistent recursive watch');
    expect(stream.markKind).toBe('zxid');
    expect(stream.note).toBeNull();

    const expected: Array<Record<string, unknown>> = [];
    const step = async (change: () => Promise<Record<string, unknown>>): Promise<void> => {
      expected.push(await change());
      await log.waitForChanges(expected.length);
    };
    await step(async () => {
      const stat = await writer.setData('/app', utf8('root 2'));
      return {
        type: 'changed',
        path: '/app',
        before: 'root',
        after: 'root 2',
        version: '1',
        mark: longToHex(stat.mzxid),
      };
    });
    for (const [path, value] of [
      ['/app/l1', 'one'],
      ['/app/l1/l2', 'two'],
      ['/app/l1/l2/l3', 'v0'],
    ] as const) {
      await step(async () => {
        const { stat } = await writer.create(path, utf8(value));
        return {
          type: 'created',
          path,
          before: null,
          after: value,
          version: '0',
          mark: longToHex(stat.mzxid),
        };
      });
    }
    for (const [before, after, version] of [
      ['v0', 'v1', '1'],
      ['v1', 'v2', '2'],
    ] as const) {
      await step(async () => {
        const stat = await writer.setData('/app/l1/l2/l3', utf8(after));
        return {
          type: 'changed',
          path: '/app/l1/l2/l3',
          before,
          after,
          version,
          mark: longToHex(stat.mzxid),
        };
      });
    }
    await step(async () => {
      await writer.delete('/app/l1/l2/l3');
      return { type: 'deleted', path: '/app/l1/l2/l3', before: 'v2', after: null, version: null, mark: null };
    });

    const seen = log.changes().map(summary);
    // ZooKeeper 3.9+ names the zxid of a deletion in its notification; 3.8 does not (then: null).
    const parent = await writer.exists('/app/l1/l2');
    if (seen[6]!.mark !== null) expected[6]!.mark = longToHex(parent!.pzxid);
    expect(seen).toEqual(expected.map((event) => ({ beforeKnown: true, ...event })));
    expect(log.failures).toEqual([]);
  });

  it('keeps the server’s order when changes come faster than the values are read', async () => {
    await writer.create('/burst', Buffer.alloc(0));
    const { log } = await open(persistent, '/burst', subtree);
    const writes: Array<Promise<unknown>> = [];
    const expected: Array<[string, string]> = [];
    const write = (type: string, path: string, call: () => Promise<unknown>): void => {
      writes.push(call());
      expected.push([type, path]);
    };
    // One session's requests are applied in the order sent: no need to await each one.
    write('created', '/burst/a', () => writer.create('/burst/a', utf8('a0')));
    write('created', '/burst/a/b', () => writer.create('/burst/a/b', utf8('b0')));
    write('created', '/burst/a/b/c', () => writer.create('/burst/a/b/c', utf8('c0')));
    for (let i = 1; i <= 20; i++) {
      const path = i % 2 === 0 ? '/burst/a/b/c' : '/burst/a';
      write('changed', path, () => writer.setData(path, utf8(`${path} ${i}`)));
    }
    write('deleted', '/burst/a/b/c', () => writer.delete('/burst/a/b/c'));
    write('created', '/burst/a/b/c', () => writer.create('/burst/a/b/c', utf8('again')));
    write('deleted', '/burst/a/b/c', () => writer.delete('/burst/a/b/c'));
    write('deleted', '/burst/a/b', () => writer.delete('/burst/a/b'));
    await Promise.all(writes);

    const changes = await log.waitForChanges(expected.length);
    expect(changes.map((event) => [event.type, event.path])).toEqual(expected);
    // A change whose node was deleted before its value was read has no mark (3.8 names no zxid); it says so.
    for (const event of changes) {
      if (event.type !== 'deleted' && event.mark === null)
        expect(event.detail).toBe('The node was deleted before its value could be read.');
    }
    // A mark is the zxid of the state read after the event, so it may be newer, but per node it never goes back.
    const marks = changes.filter((event) => event.mark !== null);
    expect(marks.length).toBeGreaterThan(10);
    for (const path of ['/burst/a', '/burst/a/b', '/burst/a/b/c']) {
      const ofPath = marks.filter((event) => event.path === path).map((event) => BigInt(event.mark!));
      for (let i = 1; i < ofPath.length; i++) expect(ofPath[i]! >= ofPath[i - 1]!).toBe(true);
    }
    // The last change of /burst/a shows its last value.
    const lastOfA = changes.filter((event) => event.path === '/burst/a').at(-1)!;
    expect(textOf(lastOfA.after)).toBe('/burst/a 19');
  });

  it('carries values over 64 KiB as size and hash only', async () => {
    const { log } = await open(persistent, '/big', subtree);
    const large = Buffer.alloc(100 * 1024, 7);
    const sha256 = createHash('sha256').update(large).digest('hex');
    await writer.create('/big', large);
    const [created] = await log.waitForChanges(1);
    expect(created!.after).toEqual({ size: large.length, sha256, base64: null });
    await writer.setData('/big', utf8('small'));
    const [, changed] = await log.waitForChanges(2);
    expect(changed!.before).toEqual({ size: large.length, sha256, base64: null });
    expect(changed!.beforeKnown).toBe(true);
    expect(textOf(changed!.after)).toBe('small');
    // The stream's path did not exist at first: it said so, and reported the creation.
    expect(log.events[0]).toMatchObject({ type: 'note', path: '/big' });
    expect(log.events[0]!.detail).toMatch(/does not exist/);
  });

  it('watches a node alone: its value and its children, nothing below', async () => {
    await writer.create('/node', utf8('n0'));
    await writer.create('/node/old', Buffer.alloc(0));
    const { log, stream } = await open(persistent, '/node', nodeOnly);
    expect(stream.method).toBe('persistent watch');

    const { stat } = await writer.create('/node/kid', Buffer.alloc(0));
    const [children] = await log.waitForChanges(1);
    expect(children).toMatchObject({ type: 'children', path: '/node', mark: longToHex(stat.czxid) });
    expect(children!.detail).toBe('added kid (2 children now)');
    await writer.setData('/node/kid', utf8('not reported'));
    await writer.create('/node/kid/grandchild', Buffer.alloc(0));
    await writer.delete('/node/old');
    await writer.setData('/node', utf8('n1'));
    const changes = await log.waitForChanges(3);
    expect(changes.slice(1).map(summary)).toEqual([
      expect.objectContaining({ type: 'children', path: '/node' }),
      expect.objectContaining({ type: 'changed', path: '/node', before: 'n0', after: 'n1', version: '1' }),
    ]);
    expect(changes[1]!.detail).toBe('removed old (1 child now)');
  });

  it('opens over a node this session may not read, says so, and reports the others', async () => {
    await writer.create('/guarded', Buffer.alloc(0));
    // Anyone may write the node but not read it.
    await writer.create('/guarded/secret', utf8('hidden'), {
      acl: [{ perms: Perm.admin | Perm.write, id: { scheme: 'world', id: 'anyone' } }],
    });
    await writer.create('/guarded/open', utf8('o0'));
    const { log } = await open(persistent, '/guarded', subtree);
    expect(log.events.map((event) => [event.type, event.detail])).toEqual([
      [
        'note',
        'The ACL of /guarded/secret does not let this session read it, so its changes are not reported.',
      ],
    ]);
    await writer.setData('/guarded/secret', utf8('still hidden'));
    await writer.setData('/guarded/open', utf8('o1'));
    const [change] = await log.waitForChanges(1);
    expect(summary(change!)).toMatchObject({
      type: 'changed',
      path: '/guarded/open',
      before: 'o0',
      after: 'o1',
    });
  });

  it('refuses a start revision in one sentence', async () => {
    const error = await rejection(
      persistent.streams!.open('/app', { recursive: true, sinceRevision: '5' }, new EventLog().sink),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^ZooKeeper keeps no history[^.]*\.$/);
  });
});

describe('ZooKeeper event streams: one-shot watches (servers before 3.6)', () => {
  it('reports creates, sets and deletes three levels down, re-arming per node, and says what it may merge', async () => {
    await writer.create('/legacy', utf8('root'));
    const { log, stream } = await open(oneShot, '/legacy', subtree);
    expect(stream.method).toBe('one-shot watches re-armed per node');
    expect(stream.note).toBe(ONE_SHOT_NOTE);
    expect(stream.note).toMatch(/between an event and the re-arm can be merged/);

    const expected: Array<Record<string, unknown>> = [];
    const step = async (change: () => Promise<Record<string, unknown>>): Promise<void> => {
      expected.push(await change());
      await log.waitForChanges(expected.length);
    };
    for (const [path, value] of [
      ['/legacy/l1', 'one'],
      ['/legacy/l1/l2', 'two'],
      ['/legacy/l1/l2/l3', 'v0'],
    ] as const) {
      await step(async () => {
        const { stat } = await writer.create(path, utf8(value));
        return {
          type: 'created',
          path,
          before: null,
          after: value,
          version: '0',
          mark: longToHex(stat.mzxid),
        };
      });
    }
    for (const [before, after, version] of [
      ['v0', 'v1', '1'],
      ['v1', 'v2', '2'],
    ] as const) {
      await step(async () => {
        const stat = await writer.setData('/legacy/l1/l2/l3', utf8(after));
        return {
          type: 'changed',
          path: '/legacy/l1/l2/l3',
          before,
          after,
          version,
          mark: longToHex(stat.mzxid),
        };
      });
    }
    let deletedAt = '';
    await step(async () => {
      await writer.delete('/legacy/l1/l2/l3');
      deletedAt = longToHex((await writer.exists('/legacy/l1/l2'))!.pzxid);
      return {
        type: 'deleted',
        path: '/legacy/l1/l2/l3',
        before: 'v2',
        after: null,
        version: null,
        mark: null,
      };
    });
    await step(async () => {
      const stat = await writer.setData('/legacy', utf8('root 2'));
      return {
        type: 'changed',
        path: '/legacy',
        before: 'root',
        after: 'root 2',
        version: '1',
        mark: longToHex(stat.mzxid),
      };
    });
    // A node created again under a parent seen before is found by the parent's re-armed child watch.
    await step(async () => {
      const { stat } = await writer.create('/legacy/l1/l2/l3', utf8('back'));
      return {
        type: 'created',
        path: '/legacy/l1/l2/l3',
        before: null,
        after: 'back',
        version: '0',
        mark: longToHex(stat.mzxid),
      };
    });
    const seen = log.changes().map(summary);
    // ZooKeeper 3.9+ names the zxid of a deletion in its notification; 3.8 does not (then: null).
    if (seen[5]!.mark !== null) expected[5]!.mark = deletedAt;
    expect(seen).toEqual(expected.map((event) => ({ beforeKnown: true, ...event })));
  });

  it('watches a missing node alone: its creation, children, deletion and creation again', async () => {
    const { log, stream } = await open(oneShot, '/legacy-node', nodeOnly);
    expect(stream.method).toBe('one-shot watches re-armed on the node');
    await writer.create('/legacy-node', utf8('a'));
    await log.waitForChanges(1);
    await writer.create('/legacy-node/kid', Buffer.alloc(0));
    await log.waitForChanges(2);
    await writer.delete('/legacy-node/kid');
    await log.waitForChanges(3);
    await writer.delete('/legacy-node');
    await log.waitForChanges(4);
    await writer.create('/legacy-node', utf8('b'));
    const changes = await log.waitForChanges(5);
    expect(
      changes.map((event) => [event.type, textOf(event.before), textOf(event.after), event.detail]),
    ).toEqual([
      ['created', null, 'a', null],
      ['children', null, null, 'added kid (1 child now)'],
      ['children', null, null, 'removed kid (0 children now)'],
      ['deleted', 'a', null, null],
      ['created', null, 'b', null],
    ]);
  });
});

describe('ZooKeeper event streams: bounds', () => {
  const limits = { maxNodes: 3, maxValueBytes: 1024 * 1024 };

  it('a one-shot stream watches at most its node limit, and says so', async () => {
    await writer.create('/wide', utf8('w'));
    for (const name of ['a', 'b', 'c', 'd', 'e']) await writer.create(`/wide/${name}`, utf8(name));
    const session = await createZooKeeperDriver({ watches: 'oneShot', streamLimits: limits }).connect(
      zooKeeperProfile(server.connectString),
    );
    try {
      const baseline = await totalWatches(server.port);
      const log = new EventLog();
      const stream = await session.streams!.open('/wide', subtree, log.sink);
      // Three nodes read, each with a data watch (and a child watch, which `wchs` does not count).
      expect((await totalWatches(server.port)) - baseline).toBe(3);
      expect(log.events.map((event) => [event.type, event.detail])).toEqual([
        ['note', 'The subtree has more than 3 nodes; only 3 of them are watched.'],
      ]);
      stream.stop();
      await until(async () => (await totalWatches(server.port)) === baseline, 5000);
    } finally {
      await session.close();
    }
  });

  it('a persistent stream reports changes beyond its node limit without the value before', async () => {
    await writer.create('/wide2', utf8('w'));
    for (const name of ['a', 'b', 'c', 'd']) await writer.create(`/wide2/${name}`, utf8(name));
    const session = await createZooKeeperDriver({ streamLimits: limits }).connect(
      zooKeeperProfile(server.connectString),
    );
    try {
      const log = new EventLog();
      opened.push(await session.streams!.open('/wide2', subtree, log.sink));
      expect(log.events.map((event) => event.detail)).toEqual([
        'The subtree has more than 3 nodes; changes beyond 3 of them come without the value before.',
      ]);
      // The tracked ones are the first three read: /wide2 and two of its children, in the server's order.
      const untracked = (await writer.getChildren('/wide2')).children.slice(2);
      for (const name of ['a', 'b', 'c', 'd']) await writer.setData(`/wide2/${name}`, utf8(`${name}1`));
      const changes = await log.waitForChanges(4);
      expect(
        changes.map((event) => [event.path, textOf(event.before), event.beforeKnown, textOf(event.after)]),
      ).toEqual(
        ['a', 'b', 'c', 'd'].map((name) =>
          untracked.includes(name)
            ? [`/wide2/${name}`, null, false, `${name}1`]
            : [`/wide2/${name}`, name, true, `${name}1`],
        ),
      );
    } finally {
      await session.close();
    }
  });
});

describe('ZooKeeper event streams: lost connections', () => {
  let proxy: FrameProxy;

  beforeAll(async () => {
    proxy = await startFrameProxy(server.port);
  });

  afterAll(async () => {
    await proxy?.close();
  });

  /** A session of `driver` that reaches the server through the proxy only. */
  function viaProxy(driver: typeof persistentDriver, sessionTimeoutMs: number): Promise<BackendSession> {
    return driver.connect(zooKeeperProfile(`127.0.0.1:${proxy.port}`, { sessionTimeoutMs }));
  }

  it('reports a server restart as a gap and what changed in it, found by comparing', async () => {
    // A server of its own: a restart may keep the other sessions of this file away for a while.
    const restarted = await startZooKeeper();
    const cut = await startFrameProxy(restarted.port);
    const before = await connectedZkClient(restarted.connectString);
    const session = await persistentDriver.connect(
      zooKeeperProfile(`127.0.0.1:${cut.port}`, { sessionTimeoutMs: 30_000 }),
    );
    let after: ZkClient | null = null;
    try {
      await before.create('/gap', Buffer.alloc(0));
      await before.create('/gap/keep', utf8('k0'));
      await before.create('/gap/old', utf8('o'));
      await before.create('/gap/old/leaf', utf8('leaf'));
      const log = new EventLog();
      const stream = await session.streams!.open('/gap', subtree, log.sink);
      opened.push(stream);

      // The stream's client is cut off; meanwhile another client changes the subtree; the server restarts.
      await cut.pause();
      const disconnected = await log.waitFor('disconnected');
      expect(disconnected.detail).toMatch(/^disconnected at \d\d:\d\d:\d\d: /);
      const changed = await before.setData('/gap/keep', utf8('k1'));
      await before.delete('/gap/old/leaf');
      await before.delete('/gap/old');
      const { stat: created } = await before.create('/gap/new', utf8('n'));
      await restarted.restart();
      await cut.resume();

      const reconnected = await log.waitFor('reconnected', 30_000);
      expect(reconnected.detail).toMatch(
        /^disconnected \d\d:\d\d:\d\d – \d\d:\d\d:\d\d; events in the gap may be missing; comparing after the gap found 4 changes$/,
      );
      const inGap = log.events.slice(log.events.indexOf(reconnected) + 1);
      expect(inGap.map((event) => ({ ...summary(event), detail: event.detail }))).toEqual([
        {
          type: 'deleted',
          path: '/gap/old/leaf',
          before: 'leaf',
          beforeKnown: true,
          after: null,
          version: null,
          mark: null,
          detail: FOUND_AFTER_GAP,
        },
        {
          type: 'deleted',
          path: '/gap/old',
          before: 'o',
          beforeKnown: true,
          after: null,
          version: null,
          mark: null,
          detail: FOUND_AFTER_GAP,
        },
        {
          type: 'changed',
          path: '/gap/keep',
          before: 'k0',
          beforeKnown: true,
          after: 'k1',
          version: '1',
          mark: longToHex(changed.mzxid),
          detail: FOUND_AFTER_GAP,
        },
        {
          type: 'created',
          path: '/gap/new',
          before: null,
          beforeKnown: true,
          after: 'n',
          version: '0',
          mark: longToHex(created.mzxid),
          detail: FOUND_AFTER_GAP,
        },
      ]);
      expect(log.events.indexOf(disconnected)).toBeLessThan(log.events.indexOf(reconnected));

      // The watch is back: a change after the gap is an ordinary event with the value the gap left.
      const count = log.changes().length;
      after = await connectedZkClient(restarted.connectString);
      await after.setData('/gap/keep', utf8('k2'));
      const latest = (await log.waitForChanges(count + 1)).at(-1)!;
      expect({ ...summary(latest), detail: latest.detail }).toMatchObject({
        type: 'changed',
        path: '/gap/keep',
        before: 'k1',
        after: 'k2',
        detail: null,
      });
      expect(log.failures).toEqual([]);
    } finally {
      await session.close();
      await Promise.all([before.close(), after?.close()]);
      await cut.close();
      await restarted.stop();
    }
  });

  it('one-shot watches set again after a gap do not report a change the comparison already reported', async () => {
    await writer.create('/gap2', Buffer.alloc(0));
    await writer.create('/gap2/keep', utf8('k0'));
    const session = await viaProxy(oneShotDriver, 10_000);
    try {
      const log = new EventLog();
      opened.push(await session.streams!.open('/gap2', subtree, log.sink));
      await proxy.pause();
      await log.waitFor('disconnected');
      await writer.setData('/gap2/keep', utf8('k1'));
      await writer.create('/gap2/new', utf8('n'));
      await proxy.resume();
      await log.waitFor('reconnected', 20_000);
      // The server fires the re-set watches of changed nodes; a later change shows whether they doubled.
      await writer.setData('/gap2/keep', utf8('k2'));
      await until(() => log.changes().some((event) => textOf(event.after) === 'k2'), 5000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(
        log
          .changes()
          .map((event) => [event.type, event.path, textOf(event.before), textOf(event.after), event.detail]),
      ).toEqual([
        ['changed', '/gap2/keep', 'k0', 'k1', FOUND_AFTER_GAP],
        ['created', '/gap2/new', null, 'n', FOUND_AFTER_GAP],
        ['changed', '/gap2/keep', 'k1', 'k2', null],
      ]);
    } finally {
      await session.close();
    }
  });

  it('a node stream finds children added in the gap by comparing', async () => {
    await writer.create('/gap3', utf8('g'));
    const session = await viaProxy(persistentDriver, 10_000);
    try {
      const log = new EventLog();
      opened.push(await session.streams!.open('/gap3', nodeOnly, log.sink));
      await proxy.pause();
      await log.waitFor('disconnected');
      const { stat } = await writer.create('/gap3/kid', Buffer.alloc(0));
      await proxy.resume();
      const reconnected = await log.waitFor('reconnected', 20_000);
      expect(reconnected.detail).toMatch(/comparing after the gap found 1 change$/);
      const [children] = await log.waitForChanges(1);
      expect(children).toMatchObject({
        type: 'children',
        path: '/gap3',
        mark: longToHex(stat.czxid),
        detail: `added kid (1 child now); ${FOUND_AFTER_GAP}`,
      });
    } finally {
      await session.close();
    }
  });

  it('reports an expired session in the gap, and the watch on the new session', async () => {
    await writer.create('/expiry', utf8('e0'));
    const session = await viaProxy(persistentDriver, 2000);
    try {
      const log = new EventLog();
      opened.push(await session.streams!.open('/expiry', subtree, log.sink));
      await proxy.pause();
      await log.waitFor('disconnected');
      await writer.setData('/expiry', utf8('e1'));
      // Away for longer than the session timeout: the server expires the session.
      await new Promise((resolve) => setTimeout(resolve, 4500));
      await proxy.resume();
      const reconnected = await log.waitFor('reconnected', 20_000);
      expect(reconnected.detail).toMatch(
        /\(the session expired; a new one was opened\); events in the gap may be missing/,
      );
      await until(() => log.changes().length >= 1, 5000);
      expect(summary(log.changes()[0]!)).toMatchObject({ type: 'changed', before: 'e0', after: 'e1' });
      await writer.setData('/expiry', utf8('e2'));
      await until(() => log.changes().length >= 2, 5000);
      expect(summary(log.changes()[1]!)).toMatchObject({ type: 'changed', before: 'e1', after: 'e2' });
    } finally {
      await session.close();
    }
  });
});

describe('ZooKeeper event streams: stop', () => {
  for (const [kind, driver] of [
    ['persistent', persistentDriver],
    ['one-shot', oneShotDriver],
  ] as const) {
    it(`leaves no ${kind} watch on the server and emits nothing afterwards`, async () => {
      const root = `/stop-${kind}`;
      await writer.create(root, Buffer.alloc(0));
      await writer.create(`${root}/a`, Buffer.alloc(0));
      await writer.create(`${root}/a/b`, Buffer.alloc(0));
      const session = await driver.connect(zooKeeperProfile(server.connectString));
      try {
        const baseline = await totalWatches(server.port);
        const log = new EventLog();
        const stream = await session.streams!.open(root, subtree, log.sink);
        expect(await totalWatches(server.port)).toBeGreaterThan(baseline);
        await writer.setData(`${root}/a/b`, utf8('seen'));
        await log.waitForChanges(1);

        stream.stop();
        stream.stop();
        await until(async () => (await totalWatches(server.port)) === baseline, 5000);
        await writer.setData(`${root}/a/b`, utf8('unseen'));
        await writer.create(`${root}/c`, Buffer.alloc(0));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(log.events.filter((event) => event.type !== 'note')).toHaveLength(1);
        expect(await totalWatches(server.port)).toBe(baseline);
      } finally {
        await session.close();
      }
    });
  }
});

describe('ZooKeeper event streams in the core', () => {
  it('are started, read and stopped through the stream registry, which stamps them in order', async () => {
    await writer.create('/core', utf8('c0'));
    const registry = new StreamRegistry(null);
    const baseline = await totalWatches(server.port);
    const info = await registry.start(
      { connectionId: 'zk', connectionName: 'test zookeeper', session: persistent },
      '/core',
      subtree,
    );
    expect(info).toMatchObject({
      method: 'persistent recursive watch',
      note: null,
      markKind: 'zxid',
      state: 'running',
    });
    expect(await totalWatches(server.port)).toBe(baseline + 1);
    await writer.create('/core/a', utf8('a'));
    await writer.setData('/core', utf8('c1'));
    await until(() => registry.read(info.streamId, 0, 100, {}).events.length >= 2, 5000);
    const { events } = registry.read(info.streamId, 0, 100, {});
    expect(
      events.map((event) => [event.seq, event.type, event.path, textOf(event.before), textOf(event.after)]),
    ).toEqual([
      [1, 'created', '/core/a', null, 'a'],
      [2, 'changed', '/core', 'c0', 'c1'],
    ]);
    expect(registry.stop(info.streamId).state).toBe('stopped');
    await until(async () => (await totalWatches(server.port)) === baseline, 5000);
  });
});
