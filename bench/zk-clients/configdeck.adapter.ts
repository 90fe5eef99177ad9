// ConfigDeck's own ZooKeeper client (electron/core/backends/zookeeper/client/), the column the floors are there for.
import { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { hostsOf } from '../../test/integration/support/zk-client.js';
import type { ZkBenchClient } from './zk-bench-client.js';

export class ConfigDeckAdapter implements ZkBenchClient {
  readonly label = 'configdeck';
  #client: ZkClient | null = null;

  get #session(): ZkClient {
    if (this.#client === null) throw new Error('configdeck client: not connected');
    return this.#client;
  }

  async connect(connectString: string): Promise<void> {
    const client = new ZkClient({ hosts: hostsOf(connectString), sessionTimeoutMs: 30000 });
    await client.connected({ timeoutMs: 30000 });
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
    const results = await this.#session.multi(paths.map((path) => ({ op: 'create', path, data })));
    if (results.length !== paths.length)
      throw new Error(`multi of ${paths.length} creates: ${results.length} results`);
  }

  async create(path: string, data: Buffer): Promise<void> {
    await this.#session.create(path, data);
  }

  async close(): Promise<void> {
    await this.#client?.close();
    this.#client = null;
  }
}
