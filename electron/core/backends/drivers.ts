import type { BackendKind } from '../../../shared/model/connection.js';
import type { BackendDriver } from './backend.js';

/** Loads one driver's code on first use (a store's client library is only loaded when it is connected to). */
export type DriverLoader = () => Promise<BackendDriver>;

/** Every backend ConfigDeck ships, by kind; adding a store means adding its loader here. */
export function defaultDriverLoaders(): Readonly<Record<BackendKind, DriverLoader>> {
  return {
    zookeeper: async () => (await import('./zookeeper/zookeeper.driver.js')).createZooKeeperDriver(),
    etcd: async () => (await import('./etcd/etcd.driver.js')).createEtcdDriver(),
    consul: async () => (await import('./consul/consul.driver.js')).createConsulDriver(),
    nacos: async () => (await import('./nacos/nacos.driver.js')).createNacosDriver(),
    snapshot: async () => (await import('./snapshot/snapshot.driver.js')).createSnapshotDriver(),
  };
}
