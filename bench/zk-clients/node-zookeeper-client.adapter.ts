// node-zookeeper-client (pure JavaScript), loaded from the floors cache: a floor of the client bench, and the
// client that seeds and cleans up ZooKeeper for every bench (createIfAbsent, remove; never timed).
import { loadNodeZookeeperClient, NODE_ZOOKEEPER_CLIENT_VERSION } from '../floors/zookeeper.floors.js';
import type { NzcCallback, NzcClient } from '../floors/node-zookeeper-client.types.js';
import type { ZkBenchClient } from './zk-bench-client.js';

function call<T>(start: (callback: NzcCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
}

export class NodeZookeeperClientAdapter implements ZkBenchClient {
  readonly label = `node-zookeeper-client ${NODE_ZOOKEEPER_CLIENT_VERSION}`;
  #client: NzcClient | null = null;
  #nodeExists = 0;

  get #session(): NzcClient {
    if (this.#client === null) throw new Error('node-zookeeper-client: not connected');
    return this.#client;
  }

  async connect(connectString: string): Promise<void> {
    const zookeeper = loadNodeZookeeperClient();
    this.#nodeExists = zookeeper.Exception.NODE_EXISTS;
    const client = zookeeper.createClient(connectString, { sessionTimeout: 30000 });
    await new Promise<void>((resolve) => {
      client.once('connected', () => resolve());
      client.connect();
    });
    this.#client = client;
  }

  children(path: string): Promise<string[]> {
    return call((done) => this.#session.getChildren(path, done));
  }

  async exists(path: string): Promise<void> {
    await call<object | null>((done) => this.#session.exists(path, done));
  }

  async getData(path: string): Promise<Buffer> {
    return (await call<Buffer | undefined>((done) => this.#session.getData(path, done))) ?? Buffer.alloc(0);
  }

  async multiCreate(paths: string[], data: Buffer): Promise<void> {
    const transaction = this.#session.transaction();
    for (const path of paths) transaction.create(path, data);
    await call<unknown[]>((done) => transaction.commit(done));
  }

  async create(path: string, data: Buffer): Promise<void> {
    await call<string>((done) => this.#session.create(path, data, done));
  }

  /** Creates the node unless it exists already (seeding a parent that a previous run left). */
  async createIfAbsent(path: string, data: Buffer): Promise<void> {
    try {
      await this.create(path, data);
    } catch (error) {
      if ((error as { getCode?: () => number }).getCode?.() !== this.#nodeExists) throw error;
    }
  }

  remove(path: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#session.remove(path, (error) => (error ? reject(error) : resolve())),
    );
  }

  async close(): Promise<void> {
    this.#client?.close();
    this.#client = null;
  }
}
