import { ZkClient, type ZkClientOptions } from '../../../electron/core/backends/zookeeper/client/index.js';

/** `127.0.0.1:2181,127.0.0.1:2182` as the client's host list (tests never use a chroot here). */
export function hostsOf(connectString: string): ZkClientOptions['hosts'] {
  return connectString.split(',').map((entry) => {
    const [host, port] = entry.split(':');
    return { host: host!, port: Number(port) };
  });
}

/** A connected ConfigDeck ZooKeeper client for seeding and checking a test server; close it when done. */
export async function connectedZkClient(
  connectString: string,
  options: Partial<ZkClientOptions> = {},
): Promise<ZkClient> {
  const client = new ZkClient({ hosts: hostsOf(connectString), sessionTimeoutMs: 10_000, ...options });
  try {
    await client.connected({ timeoutMs: 10_000 });
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}

/** Multis of this many creates: the fastest way in, well under the server's request limit. */
const SEED_BATCH = 1000;
/** A few multis in flight keep the server busy; more only queue. */
const SEED_IN_FLIGHT = 8;

/** Creates `parent` with `count` empty children named by `nameOf`, in multis of 1,000 creates. */
export async function seedChildren(
  client: ZkClient,
  parent: string,
  count: number,
  nameOf: (index: number) => string,
): Promise<void> {
  await client.create(parent, Buffer.alloc(0));
  const commits: Array<Promise<unknown>> = [];
  for (let start = 0; start < count; start += SEED_BATCH) {
    const ops = [];
    for (let i = start; i < Math.min(start + SEED_BATCH, count); i++) {
      ops.push({ op: 'create' as const, path: `${parent}/${nameOf(i)}`, data: Buffer.alloc(0) });
    }
    commits.push(client.multi(ops));
    if (commits.length >= SEED_IN_FLIGHT) await commits.shift();
  }
  await Promise.all(commits);
}
