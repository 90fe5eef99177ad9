import { CONSUL_KIND } from './consul.kind.js';
import { ETCD_KIND } from './etcd.kind.js';
import type { KindDescriptor } from './kind.descriptor.js';
import { NACOS_KIND } from './nacos.kind.js';
import { SNAPSHOT_KIND } from './snapshot.kind.js';
import { ZOOKEEPER_KIND } from './zookeeper.kind.js';

/** Every kind of store ConfigDeck speaks, by name: adding a store adds its descriptor here (and its driver). */
export const KIND_DESCRIPTORS = {
  zookeeper: ZOOKEEPER_KIND,
  etcd: ETCD_KIND,
  consul: CONSUL_KIND,
  nacos: NACOS_KIND,
  snapshot: SNAPSHOT_KIND,
} as const satisfies Record<string, KindDescriptor>;

export type BackendKind = keyof typeof KIND_DESCRIPTORS;

export const BACKEND_KINDS = Object.keys(KIND_DESCRIPTORS) as [BackendKind, ...BackendKind[]];

/** The kind a source URL scheme names (`zk` → zookeeper), or null. */
export function kindOfScheme(scheme: string): BackendKind | null {
  for (const kind of BACKEND_KINDS) {
    if (KIND_DESCRIPTORS[kind].source?.schemes.includes(scheme)) return kind;
  }
  return null;
}
