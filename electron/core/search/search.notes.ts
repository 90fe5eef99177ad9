import { canScanSubtree } from '../backends/subtree.scan.js';
import { PIPELINE_WINDOW } from '../backends/zookeeper/zookeeper.pipeline.js';
import { TXN_MAX_OPS } from '../backends/consul/consul.limits.js';
import type { Source } from '../sources/source.js';

/** Nodes per page of the bulk scan (scan.walker.ts). */
const SCAN_PAGE = 1000;

/** One sentence: how the source is read for a search (the walk picks the bulk scan where a store has it). */
export function scanNote(source: Source): string {
  if (source.store === null) return 'Snapshot file: searched in memory after reading the file.';
  const bulk = canScanSubtree(source.store.session);
  switch (source.kind) {
    case 'etcd':
      return bulk
        ? `etcd: scanned by prefix pages of ${SCAN_PAGE} keys, all at the revision of the first page.`
        : 'etcd: walked level by level, values read one by one.';
    case 'consul':
      return bulk
        ? `Consul: the key names listed under the prefix in one read, values read in transactions of ${TXN_MAX_OPS} keys, ${SCAN_PAGE} keys a page.`
        : 'Consul: walked level by level, values read one by one.';
    case 'zookeeper':
      return bulk
        ? `ZooKeeper: walked with pipelined getData and getChildren, up to ${PIPELINE_WINDOW} requests in flight, ${SCAN_PAGE} nodes a batch.`
        : 'ZooKeeper: walked level by level, values read with a bounded window.';
    case 'nacos':
      return bulk
        ? "Nacos: each namespace's configs read from its listing pages, which carry the content."
        : 'Nacos: namespaces and groups listed, each config read on its own.';
    default:
      return `${source.kind}: walked node by node.`;
  }
}

/** One sentence for binary values left out of a value search, or null when there were none. */
export function binaryNote(skipped: number): string | null {
  if (skipped === 0) return null;
  const what =
    skipped === 1 ? '1 binary value (not UTF-8 text) was' : `${skipped} binary values (not UTF-8 text) were`;
  return `${what} left out of the value search.`;
}

/** One sentence for a search stopped at its limit. */
export function truncatedNote(maxMatches: number): string {
  return `The search stopped at ${maxMatches} matches; narrow the patterns or the path to see the rest.`;
}
