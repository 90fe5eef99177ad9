// Name → adapter, for the case process (which runs one client) and the runner (which asks which ones can run).
import { ConfigDeckAdapter } from './configdeck.adapter.js';
import { NativeZookeeperAdapter } from './native-zookeeper.adapter.js';
import { NodeZookeeperClientAdapter } from './node-zookeeper-client.adapter.js';
import type { ClientName, ZkBenchClient } from './zk-bench-client.js';

export function createBenchClient(name: ClientName): ZkBenchClient {
  switch (name) {
    case 'node-zookeeper-client':
      return new NodeZookeeperClientAdapter();
    case 'native-zookeeper':
      return new NativeZookeeperAdapter();
    case 'configdeck':
      return new ConfigDeckAdapter();
  }
}
