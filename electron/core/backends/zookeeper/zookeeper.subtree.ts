import { isAppError } from '../../../../shared/errors.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { childPath } from '../../../../shared/paths.js';
import { mapPipelined } from './zookeeper.pipeline.js';
import { isEphemeral } from './zookeeper.stat.js';
import { throwIfCancelled } from '../subtree.scan.js';
import type { ScannedNode } from '../subtree.scan.js';
import type { SessionOperation } from '../kit/session.operation.js';

function notFoundAs<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return fallback;
    throw error;
  };
}

/**
 * Every znode below `path` with its data, level by level: one pipelined getData per node (its stat gives
 * the version, the ephemeral owner and the child count) and one getChildren per node that has children,
 * nothing else (no ACL reads, no separate exists). Proposed as ZooKeeperSession.scanSubtree (see
 * subtree.scan.ts). Nodes deleted while scanning are skipped; a missing path scans as empty.
 */
export const scanZooKeeperSubtree: SessionOperation<ZooKeeperOps, 'scanSubtree'> = async function* (
  ops,
  path,
  options,
) {
  const names = await ops.getChildren(path).catch(notFoundAs<string[]>([]));
  let pending = names.map((name) => childPath(path, name)).filter((child) => !options.skip(child));
  while (pending.length > 0) {
    const chunk = pending.slice(0, options.pageSize);
    pending = pending.slice(chunk.length);
    throwIfCancelled(options.signal);
    const read = await mapPipelined(chunk, (child) => ops.getData(child).catch(notFoundAs(null)));
    const page: ScannedNode[] = [];
    const parents: string[] = [];
    read.forEach((result, index) => {
      if (result === null) return;
      const child = chunk[index]!;
      const { data, stat } = result;
      page.push({
        path: child,
        value: data,
        token: String(stat.version),
        childCount: stat.numChildren,
        ephemeral: isEphemeral(stat),
      });
      if (stat.numChildren > 0) parents.push(child);
    });
    const listed = await mapPipelined(parents, (parent) =>
      ops
        .getChildren(parent)
        .then((children) => children.map((name) => childPath(parent, name)), notFoundAs<string[]>([])),
    );
    // Depth first through the pending list keeps it short on wide trees.
    pending = [...listed.flat().filter((child) => !options.skip(child)), ...pending];
    yield page;
  }
};
