import { Etcd3, type Watcher } from 'etcd3';
import { connectedZkClient } from '../test/integration/support/zk-client.js';

/** A bare client watching the same subtree as the page: when each write `i` arrived (epoch ms), by index. */
export interface FloorWatch {
  arrivals: Map<number, number>;
  stop(): Promise<void>;
}

function indexOf(value: Buffer): number | null {
  try {
    const parsed = JSON.parse(value.toString('utf8')) as { i?: unknown };
    return typeof parsed.i === 'number' ? parsed.i : null;
  } catch {
    return null;
  }
}

/** etcd3's own watch of the prefix: the floor of etcd's notification latency. */
export async function etcdFloor(endpoint: string, root: string): Promise<FloorWatch> {
  const client = new Etcd3({ hosts: `http://${endpoint}` });
  const arrivals = new Map<number, number>();
  const watcher: Watcher = await client.watch().prefix(`${root}/`).create();
  watcher.on('put', (kv) => {
    const i = indexOf(kv.value);
    if (i !== null) arrivals.set(i, Date.now());
  });
  return {
    arrivals,
    stop: async () => {
      await watcher.cancel();
      client.close();
    },
  };
}

/**
 * A bare ZooKeeper client with a persistent recursive watch and a getData per event (what a watcher must do
 * to learn the value): the floor of ZooKeeper's notification latency.
 */
export async function zooKeeperFloor(connectString: string, root: string): Promise<FloorWatch> {
  const client = await connectedZkClient(connectString);
  const arrivals = new Map<number, number>();
  await client.addWatch(root, 'persistentRecursive', (event) => {
    if (event.type !== 'dataChanged') return;
    client.getData(event.path).then(
      ({ data }) => {
        const i = indexOf(data);
        if (i !== null && !arrivals.has(i)) arrivals.set(i, Date.now());
      },
      () => undefined,
    );
  });
  return { arrivals, stop: () => client.close() };
}
