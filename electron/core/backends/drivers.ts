import type { BackendDriver } from './backend.js';
import { createSnapshotDriver } from './snapshot/snapshot.driver.js';
import { createConsulDriver } from './consul/consul.driver.js';
import { createEtcdDriver } from './etcd/etcd.driver.js';
import { createNacosDriver } from './nacos/nacos.driver.js';
import { createZooKeeperDriver } from './zookeeper/zookeeper.driver.js';

/** Every backend ConfigDeck ships; adding a store means adding its driver here. */
export function defaultDrivers(): BackendDriver[] {
  return [
    createZooKeeperDriver(),
    createEtcdDriver(),
    createConsulDriver(),
    createNacosDriver(),
    createSnapshotDriver(),
  ];
}
