import { Etcd3 } from 'etcd3';
import { NodeZookeeperClientAdapter } from './zk-clients/node-zookeeper-client.adapter.js';

/** Runs `task(i)` for i in [0, count) with at most `window` in flight. */
export async function pipelined(
  count: number,
  window: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, worker));
}

export function childName(i: number): string {
  return `node-${String(i).padStart(6, '0')}`;
}

/**
 * Creates `count` children under `parent` on ZooKeeper (pipelined creates), through node-zookeeper-client from
 * the bench floors cache, so that no bench needs it in package.json (it is also the bench's ZooKeeper floor).
 */
export async function seedZooKeeper(
  connectString: string,
  parent: string,
  count: number,
  value: (i: number) => Buffer = (i) => Buffer.from(`{"i":${i}}`),
): Promise<void> {
  const client = new NodeZookeeperClientAdapter();
  await client.connect(connectString);
  await client.createIfAbsent(parent, Buffer.alloc(0));
  await pipelined(count, 512, (i) => client.createIfAbsent(`${parent}/${childName(i)}`, value(i)));
  await client.close();
}

/** Puts `count` keys under `prefix/` on etcd, batched into transactions. */
export async function seedEtcd(endpoint: string, prefix: string, count: number): Promise<void> {
  const client = new Etcd3({ hosts: `http://${endpoint}` });
  const batch = 100; // etcd's default limit is 128 operations per txn
  await pipelined(Math.ceil(count / batch), 8, async (b) => {
    const success = [];
    for (let i = b * batch; i < Math.min(count, (b + 1) * batch); i += 1) {
      success.push({
        request_put: { key: Buffer.from(`${prefix}/${childName(i)}`), value: Buffer.from(`{"i":${i}}`) },
      });
    }
    await client.kv.txn({ success });
  });
  client.close();
}

/** Puts `count` keys under `prefix/` on Consul through its transaction API (at most 64 operations each). */
export async function seedConsul(endpoint: string, prefix: string, count: number): Promise<void> {
  const batch = 64;
  const key = prefix.replace(/^\//, '');
  await pipelined(Math.ceil(count / batch), 8, async (b) => {
    const ops = [];
    for (let i = b * batch; i < Math.min(count, (b + 1) * batch); i += 1) {
      ops.push({
        KV: {
          Verb: 'set',
          Key: `${key}/${childName(i)}`,
          Value: Buffer.from(`{"i":${i}}`).toString('base64'),
        },
      });
    }
    const res = await fetch(`http://${endpoint}/v1/txn`, { method: 'PUT', body: JSON.stringify(ops) });
    if (!res.ok) throw new Error(`Consul txn failed: ${res.status} ${await res.text()}`);
  });
}

/** Publishes `count` configs into one group of the public Nacos namespace (pipelined publishes). */
export async function seedNacos(endpoint: string, group: string, count: number): Promise<void> {
  await pipelined(count, 32, async (i) => {
    const body = new URLSearchParams({
      dataId: `${childName(i)}.json`,
      group,
      content: `{"i":${i}}`,
      type: 'json',
    });
    const res = await fetch(`http://${endpoint}/nacos/v1/cs/configs`, { method: 'POST', body });
    if (!res.ok || (await res.text()).trim() !== 'true')
      throw new Error(`Nacos publish ${i} failed: ${res.status}`);
  });
}
