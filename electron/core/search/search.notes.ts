import { canScanSubtree } from '../backends/subtree.scan.js';
import { PIPELINE_WINDOW } from '../backends/zookeeper/zookeeper.pipeline.js';
import { TXN_MAX_OPS } from '../backends/consul/consul.limits.js';
import type { Source } from '../sources/source.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { SEARCH_SENTENCES } from '../../../shared/sentences/search.js';

/** Nodes per page of the bulk scan (scan.walker.ts). */
const SCAN_PAGE = 1000;

/** One sentence: how the source is read for a search (the walk picks the bulk scan where a store has it). */
export function scanNote(source: Source): string {
  if (source.store === null) return say(SEARCH_SENTENCES, 'snapshotScan');
  const bulk = canScanSubtree(source.store.session);
  switch (source.kind) {
    case 'etcd':
      return bulk
        ? say(SEARCH_SENTENCES, 'etcdBulk', { page: SCAN_PAGE })
        : say(SEARCH_SENTENCES, 'etcdWalk');
    case 'consul':
      return bulk
        ? say(SEARCH_SENTENCES, 'consulBulk', { ops: TXN_MAX_OPS, page: SCAN_PAGE })
        : say(SEARCH_SENTENCES, 'consulWalk');
    case 'zookeeper':
      return bulk
        ? say(SEARCH_SENTENCES, 'zookeeperBulk', { window: PIPELINE_WINDOW, page: SCAN_PAGE })
        : say(SEARCH_SENTENCES, 'zookeeperWalk');
    case 'nacos':
      return bulk ? say(SEARCH_SENTENCES, 'nacosBulk') : say(SEARCH_SENTENCES, 'nacosWalk');
    default:
      return say(SEARCH_SENTENCES, 'otherWalk', { kind: source.kind });
  }
}

/** One sentence for binary values left out of a value search, or null when there were none. */
export function binaryNote(skipped: number): string | null {
  return skipped === 0 ? null : say(SEARCH_SENTENCES, 'binarySkipped', { count: skipped });
}

/** One sentence for a search stopped at its limit. */
export function truncatedNote(maxMatches: number): string {
  return say(SEARCH_SENTENCES, 'truncated', { limit: maxMatches });
}
