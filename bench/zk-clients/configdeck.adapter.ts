// ConfigDeck's own ZooKeeper client (electron/core/backends/zookeeper/client/), the column the floors are there for.
//
// TODO(zk-client): the client is being written on another branch. Until it is on main this file cannot import it
// statically without breaking typecheck, so it imports it by a specifier tsc does not resolve and declares the API
// it was promised below. Once the client has landed, replace the local interfaces with
// `import { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js'` and a plain `new ZkClient`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ZkBenchClient } from './zk-bench-client.js';

/** Relative to this file; tsx resolves the `.js` specifier to the `.ts` source. */
const CLIENT_SPECIFIER: string = '../../electron/core/backends/zookeeper/client/index.js';
const CLIENT_SOURCE = fileURLToPath(
  new URL('../../electron/core/backends/zookeeper/client/index.ts', import.meta.url),
);

type CreateOp = { op: 'create'; path: string; data: Buffer; mode: 'persistent' };

/** The promised API, reduced to what the bench calls (results it drops are `unknown`). */
interface ConfigDeckZkClient {
  connected(): Promise<void>;
  getChildren(path: string): Promise<{ children: string[] }>;
  exists(path: string): Promise<unknown>;
  getData(path: string): Promise<{ data: Buffer }>;
  create(path: string, data: Buffer, options: { mode: 'persistent' }): Promise<unknown>;
  multi(ops: CreateOp[]): Promise<unknown[]>;
  close(): Promise<void>;
}

interface ConfigDeckClientModule {
  ZkClient: new (options: {
    hosts: Array<{ host: string; port: number }>;
    sessionTimeoutMs: number;
  }) => ConfigDeckZkClient;
}

/** Whether the client's source is in this tree; when it is, it must load, or the bench fails. */
export function configDeckClientPresent(): boolean {
  return existsSync(CLIENT_SOURCE);
}

export const CONFIGDECK_ABSENT_NOTE =
  'The configdeck column is skipped: electron/core/backends/zookeeper/client/index.ts is not in this tree yet.';

function hostsOf(connectString: string): Array<{ host: string; port: number }> {
  return connectString.split(',').map((endpoint) => {
    const at = endpoint.lastIndexOf(':');
    return { host: endpoint.slice(0, at), port: Number(endpoint.slice(at + 1)) };
  });
}

export class ConfigDeckAdapter implements ZkBenchClient {
  readonly label = 'configdeck';
  #client: ConfigDeckZkClient | null = null;

  get #session(): ConfigDeckZkClient {
    if (this.#client === null) throw new Error('configdeck client: not connected');
    return this.#client;
  }

  async connect(connectString: string): Promise<void> {
    const loaded = (await import(CLIENT_SPECIFIER)) as Partial<ConfigDeckClientModule>;
    if (typeof loaded.ZkClient !== 'function') throw new Error(`${CLIENT_SOURCE} exports no ZkClient class`);
    const client = new loaded.ZkClient({ hosts: hostsOf(connectString), sessionTimeoutMs: 30000 });
    await client.connected();
    this.#client = client;
  }

  async children(path: string): Promise<string[]> {
    return (await this.#session.getChildren(path)).children;
  }

  async exists(path: string): Promise<void> {
    await this.#session.exists(path);
  }

  async getData(path: string): Promise<Buffer> {
    return (await this.#session.getData(path)).data;
  }

  async multiCreate(paths: string[], data: Buffer): Promise<void> {
    const results = await this.#session.multi(
      paths.map((path) => ({ op: 'create', path, data, mode: 'persistent' })),
    );
    if (results.length !== paths.length)
      throw new Error(`multi of ${paths.length} creates: ${results.length} results`);
  }

  async create(path: string, data: Buffer): Promise<void> {
    await this.#session.create(path, data, { mode: 'persistent' });
  }

  async close(): Promise<void> {
    await this.#client?.close();
    this.#client = null;
  }
}
