// The ZooKeeper floors, pinned: node-zookeeper-client (the library the app is leaving, still the bench's seeder)
// and the native `zookeeper` package (ZooKeeper's own C client behind a Node binding, compiled on install).
import { ensureBuildTools } from './build-tools.js';
import { requireFromFloorSet, type FloorSet } from './floor-cache.js';
import type { NativeZkModule } from './native-zookeeper.types.js';
import type { NzcModule } from './node-zookeeper-client.types.js';

export const NODE_ZOOKEEPER_CLIENT_VERSION = '1.1.3';
/** The latest release when the bench was written; bump here (the cache installs afresh on a new pin). */
export const NATIVE_ZOOKEEPER_VERSION = '7.3.0';

const ZOOKEEPER_FLOORS: FloorSet = {
  name: 'zookeeper',
  packages: { 'node-zookeeper-client': NODE_ZOOKEEPER_CLIENT_VERSION, zookeeper: NATIVE_ZOOKEEPER_VERSION },
  prepare: ensureBuildTools,
};

export function loadNodeZookeeperClient(): NzcModule {
  const loaded = requireFromFloorSet(ZOOKEEPER_FLOORS, 'node-zookeeper-client') as Partial<NzcModule>;
  if (typeof loaded.createClient !== 'function') throw new Error('node-zookeeper-client has no createClient');
  return loaded as NzcModule;
}

export function loadNativeZookeeper(): NativeZkModule {
  const loaded = requireFromFloorSet(ZOOKEEPER_FLOORS, 'zookeeper');
  if (typeof loaded !== 'function') throw new Error('the zookeeper package does not export its client class');
  return loaded as NativeZkModule;
}
