import { AppError, isAppError } from '../../../../shared/errors.js';
import { childPath, parentPath } from '../../../../shared/paths.js';
import type { PinnedNode, PinnedSubtree, PinOutcome, SubtreeMoveApi } from '../subtree.move.js';
import type { MultiOp, ZkAcl } from './client/index.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../../shared/sentences/copy.js';

/** 1000 ops in one multi at most: a create and a delete per node. */
const MAX_NODES = 500;
/** Under jute.maxbuffer (1 MiB by default), with room for the request's own framing. */
const MAX_REQUEST_BYTES = 900 * 1024;
/** Framing of one op (header, version, mode, lengths) and of one ACL entry, rounded up. */
const OP_OVERHEAD_BYTES = 64;
const ACL_ENTRY_BYTES = 48;
/** What a failed op of the multi says when something moved since the pin. */
const MOVED = new Set(['NODE_EXISTS', 'CONFLICT', 'NOT_FOUND', 'NOT_EMPTY']);

function notFits(reason: string): PinOutcome {
  return { fits: false, reason };
}

function mapped(subtree: PinnedSubtree, path: string): string {
  return path === subtree.from ? subtree.to : `${subtree.to}${path.slice(subtree.from.length)}`;
}

/**
 * A rename (move) within one ZooKeeper ensemble as one multi: every node created at its new path with its
 * data and ACL (parents first), every old node deleted with the version read when pinned (children first).
 * Any change in between (a value set, a child added, the target created) fails the whole multi.
 */
export class ZooKeeperSubtreeMove implements SubtreeMoveApi {
  /** The ACLs read with each pinned subtree, node by node (kept with the pin, not in the common model). */
  private readonly acls = new WeakMap<PinnedSubtree, ZkAcl[][]>();

  constructor(private readonly ops: ZooKeeperOps) {}

  async pin(from: string, to: string): Promise<PinOutcome> {
    if ((await this.ops.exists(to)) !== null)
      return notFits(say(COPY_SENTENCES, 'pinTargetExists', { path: to }));
    const parent = parentPath(to);
    if (parent !== null && (await this.ops.exists(parent)) === null) {
      return notFits(say(COPY_SENTENCES, 'pinParentMissing', { parent, path: to }));
    }
    const nodes: PinnedNode[] = [];
    const acls: ZkAcl[][] = [];
    let bytes = 0;
    // Breadth first: parents come before their children, as the creates need.
    for (let index = 0, queue = [from]; index < queue.length; index++) {
      const path = queue[index]!;
      if (queue.length > MAX_NODES)
        return notFits(say(COPY_SENTENCES, 'pinTooManyNodes', { max: MAX_NODES }));
      const [{ data, stat }, acl, children] = await Promise.all([
        this.ops.getData(path),
        this.ops.getAcl(path).catch((error: unknown) => {
          if (isAppError(error) && error.code === 'PERMISSION_DENIED') return null;
          throw error;
        }),
        this.ops.getChildren(path),
      ]);
      if (stat.ephemeralOwner !== 0n) return notFits(say(COPY_SENTENCES, 'pinEphemeral', { path }));
      if (acl === null) return notFits(say(COPY_SENTENCES, 'pinAclUnreadable', { path }));
      nodes.push({ path, value: data, token: String(stat.version) });
      acls.push(acl);
      const created = mapped({ from, to, nodes, aclsCarried: true }, path);
      bytes +=
        data.length + 2 * (Buffer.byteLength(created) + OP_OVERHEAD_BYTES) + acl.length * ACL_ENTRY_BYTES;
      if (bytes > MAX_REQUEST_BYTES) return notFits(say(COPY_SENTENCES, 'pinTooLarge'));
      for (const name of children.sort()) queue.push(childPath(path, name));
    }
    const subtree: PinnedSubtree = { from, to, nodes, aclsCarried: true };
    this.acls.set(subtree, acls);
    return { fits: true, subtree };
  }

  async move(subtree: PinnedSubtree): Promise<void> {
    const acls = this.acls.get(subtree);
    if (acls === undefined) throw new AppError('INTERNAL', 'This subtree was not pinned by this session.');
    const creates: MultiOp[] = subtree.nodes.map((node, index) => ({
      op: 'create',
      path: mapped(subtree, node.path),
      data: node.value,
      acl: acls[index]!,
    }));
    const deletes: MultiOp[] = subtree.nodes
      .map((node): MultiOp => ({ op: 'delete', path: node.path, version: Number(node.token) }))
      .reverse();
    try {
      await this.ops.multi(
        [...creates, ...deletes],
        `move ${subtree.from} to ${subtree.to} in one transaction`,
      );
    } catch (error) {
      if (isAppError(error) && MOVED.has(error.code)) {
        throw new AppError(
          'CONFLICT',
          `${subtree.from} or its subtree changed since the plan (or ${subtree.to} appeared): nothing was moved.`,
        );
      }
      throw error;
    }
  }
}
