import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendDriver, BackendSession } from '../../../electron/core/backends/backend.js';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import { createCore } from '../../../electron/core/core.js';
import type { Core } from '../../../electron/core/core.types.js';
import type { ConnectionSession } from '../../../shared/contract/methods.js';
import type { ServerFeature } from '../../../shared/model/server-features.js';

const READ_ONLY = 'read-only: the server lost its quorum and serves reads only';
const FEATURES: ServerFeature[] = [{ name: 'TLS', status: 'yes', detail: 'Encrypted.' }];

/** A memory session that came up saying something, as a ZooKeeper session on a read-only server does. */
function saying(session: BackendSession): BackendSession {
  return new Proxy(session, {
    get: (target, key) =>
      key === 'stateMessage' ? READ_ONLY : key === 'features' ? FEATURES : Reflect.get(target, key, target),
  });
}

// connections.open hands the renderer what the session's first state said: the connection.state events
// of the connect itself come before the renderer knows the session, so they cannot carry it.
describe('connections.open', () => {
  let dir: string;
  let core: Core;
  const events: unknown[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-open-'));
    const memory = createMemoryDriver({ kind: 'zookeeper' });
    const driver: BackendDriver = {
      kind: 'zookeeper',
      connect: async (profile) => {
        const session = await memory.connect(profile);
        return profile.name === 'read-only' ? saying(session) : session;
      },
    };
    core = await createCore({ dataDir: dir, transport: 'browser', version: 'test', drivers: [driver] });
    core.onEvent((event, payload) => {
      if (event === 'connection.state') events.push(payload);
    });
  });
  afterEach(async () => {
    events.length = 0;
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = async (name: string): Promise<ConnectionSession> => {
    const saved = await core.dispatch(
      'connections.save',
      { name, kind: 'zookeeper', endpoints: [name] },
      't',
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const opened = await core.dispatch('connections.open', { id: (saved.result as { id: string }).id }, 't');
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.result as ConnectionSession;
  };

  it('gives the state message and the features the session came up with', async () => {
    const session = await open('read-only');
    expect(session).toMatchObject({ state: 'connected', stateMessage: READ_ONLY, features: FEATURES });
    expect(events.at(-1)).toMatchObject({ state: 'connected', message: READ_ONLY });
  });

  it('gives no message and no features where the driver tells none', async () => {
    const session = await open('plain');
    expect(session).toMatchObject({ state: 'connected', stateMessage: null, features: [] });
    expect(events.at(-1)).toMatchObject({ state: 'connected', message: null });
  });
});
