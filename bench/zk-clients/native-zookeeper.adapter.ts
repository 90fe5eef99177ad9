// The native `zookeeper` package (ZooKeeper's C client behind a Node binding), loaded from the floors cache. It
// has no multi: the client bench times its creates one by one, pipelined, and says so.
import { loadNativeZookeeper, NATIVE_ZOOKEEPER_VERSION } from '../floors/zookeeper.floors.js';
import type { NativeZkCallback, NativeZkClient } from '../floors/native-zookeeper.types.js';
import type { ZkBenchClient } from './zk-bench-client.js';

/** The binding's log goes to stdout (printf), at warn level once per partial read of a large reply: errors only. */
const LOG_LEVEL_ERROR = 1;
const PERSISTENT = 0;
/** Far above the default 10: a large reply read in pieces is not a dead server (see NativeZkConfig). */
const RESPONSE_COUNTER_LIMIT = 100_000;

function call<T extends unknown[]>(
  what: string,
  start: (callback: NativeZkCallback<T>) => number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const rc = start((code, message, ...result) =>
      code === 0 ? resolve(result) : reject(new Error(`${what}: ${code} ${message}`)),
    );
    // A non-zero return means the C client refused the request before sending it and will not call back.
    if (rc !== 0) reject(new Error(`${what}: refused with ${rc}`));
  });
}

export class NativeZookeeperAdapter implements ZkBenchClient {
  readonly label = `zookeeper ${NATIVE_ZOOKEEPER_VERSION} (native)`;
  #client: NativeZkClient | null = null;

  get #session(): NativeZkClient {
    if (this.#client === null) throw new Error('native zookeeper: not connected');
    return this.#client;
  }

  async connect(connectString: string): Promise<void> {
    const ZooKeeper = loadNativeZookeeper();
    const client = new ZooKeeper({
      connect: connectString,
      timeout: 30000,
      debug_level: LOG_LEVEL_ERROR,
      host_order_deterministic: false,
      response_counter_limit: RESPONSE_COUNTER_LIMIT,
    });
    await new Promise<void>((resolve, reject) =>
      client.connect({}, (error) => (error ? reject(error) : resolve())),
    );
    this.#client = client;
  }

  async children(path: string): Promise<string[]> {
    const [children] = await call<[string[]]>(`getChildren ${path}`, (done) =>
      this.#session.a_get_children(path, false, done),
    );
    return children;
  }

  async exists(path: string): Promise<void> {
    await call<[object]>(`exists ${path}`, (done) => this.#session.a_exists(path, false, done));
  }

  async getData(path: string): Promise<Buffer> {
    const [, data] = await call<[object, Buffer | null]>(`getData ${path}`, (done) =>
      this.#session.a_get(path, false, done),
    );
    return data ?? Buffer.alloc(0);
  }

  async create(path: string, data: Buffer): Promise<void> {
    await call<[string]>(`create ${path}`, (done) => this.#session.a_create(path, data, PERSISTENT, done));
  }

  async close(): Promise<void> {
    this.#client?.close();
    this.#client = null;
  }
}
