import type { IRangeResponse } from 'etcd3';
import { nextKey, pathOfKey, resolvePath, type KeyRange } from './etcd.paths.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { scannedKey, throwIfCancelled, type ScannedNode } from '../subtree.scan.js';
import type { SessionOperation } from '../kit/session.operation.js';

/** A key with an empty level (`/a//b`, `/a/`) has no path in the tree and is not listed (etcd.paths.ts). */
function hasValidPath(path: string): boolean {
  return !path.includes('//') && (path === '/' || !path.endsWith('/'));
}

/**
 * Every key below `path` with its value, one range request per page, all pages read at the revision of
 * the first (a consistent picture of the subtree). Proposed as EtcdSession.scanSubtree (see
 * subtree.scan.ts); etcd knows no ephemeral nodes and keys need no child counts.
 */
export const scanEtcdSubtree: SessionOperation<EtcdRpc, 'scanSubtree'> = async function* (
  rpc,
  path,
  options,
) {
  const node = resolvePath(path);
  let revision: string | undefined;
  for (const range of node.below) {
    let from: Buffer | null = range.start;
    while (from !== null) {
      throwIfCancelled(options.signal);
      const response: IRangeResponse = await rpc.range(`Reading ${path}`, {
        key: from,
        range_end: (range as KeyRange).end,
        limit: options.pageSize,
        ...(revision === undefined ? {} : { revision }),
      });
      revision ??= response.header.revision;
      const page: ScannedNode[] = [];
      for (const kv of response.kvs) {
        const keyPath = pathOfKey(kv.key);
        if (!hasValidPath(keyPath) || options.skip(keyPath)) continue;
        page.push(scannedKey(keyPath, kv.value ?? Buffer.alloc(0), kv.mod_revision));
      }
      if (page.length > 0) yield page;
      const last = response.kvs.at(-1);
      from = response.more && last !== undefined ? nextKey(last.key) : null;
    }
  }
};
