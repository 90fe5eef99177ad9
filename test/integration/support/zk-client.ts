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
