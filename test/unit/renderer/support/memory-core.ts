import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../../electron/core/core.js';
import type { BackendDriver } from '../../../../electron/core/backends/backend.js';
import { createMemoryDriver } from '../../../../electron/core/backends/memory/memory.driver.js';
import type { ConnectionInput } from '../../../../shared/model/connection.js';
import { ApiClient } from '../../../../renderer/src/transport/api-client.js';
import { createBridgeTransport } from '../../../../renderer/src/transport/bridge.transport.js';

export interface MemoryCore {
  /** The renderer's client over the Electron bridge transport over a real core. */
  client: ApiClient;
  /** The driver behind it: another session of it writes "first", as another client of the store would. */
  driver: BackendDriver;
  /** Saves and opens a profile on the in-memory store; resolves with its id. */
  connect(profile: Omit<ConnectionInput, 'kind' | 'endpoints'>): Promise<string>;
  close(): Promise<void>;
}

/** A real core whose one driver is the in-memory one (etcd-like), reached as the desktop app reaches it. */
export async function startMemoryCore(): Promise<MemoryCore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-renderer-mem-'));
  const driver = createMemoryDriver({ kind: 'etcd' });
  const core = await createCore({ dataDir, transport: 'electron', version: 'test', drivers: [driver] });
  const client = new ApiClient(
    createBridgeTransport({
      invoke: (method, input) => core.dispatch(method, input, 'renderer'),
      subscribe: (listener) => core.onEvent(listener),
    }),
  );
  return {
    client,
    driver,
    connect: async (profile) => {
      const saved = await client.call('connections.save', { ...profile, kind: 'etcd', endpoints: ['mem'] });
      await client.call('connections.open', { id: saved.id });
      return saved.id;
    },
    close: async () => {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
