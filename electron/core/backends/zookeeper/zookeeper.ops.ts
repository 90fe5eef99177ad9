import type {
  ZkAcl,
  ZkClient,
  ZkClientInfo,
  ZkStat,
  ZkWatcher,
  CreateMode,
  MultiOp,
} from './client/index.js';
import { callZk, type CallContext } from './zookeeper.call.js';

/** The client's znode operations as the driver uses them: bounded by the session timeout, AppErrors only. */
export class ZooKeeperOps {
  constructor(
    readonly client: ZkClient,
    readonly ctx: CallContext,
  ) {}

  /**
   * Value and stat. `forWrite`: the read that starts a write, refused at once while disconnected like
   * the write itself (not left waiting for a reconnect).
   */
  getData(path: string, forWrite = false): Promise<{ data: Buffer; stat: ZkStat }> {
    return callZk(this.ctx, forWrite ? 'write' : 'read', 'read', path, () => this.client.getData(path));
  }

  /** Stat or null when absent; with a watcher, arms a data watch (exists) or an existence watch (absent). */
  exists(path: string, watch?: ZkWatcher): Promise<ZkStat | null> {
    return callZk(this.ctx, 'read', 'read', path, () => this.client.exists(path, { watch }));
  }

  async getChildren(path: string, watch?: ZkWatcher): Promise<string[]> {
    return (await this.getChildrenAndStat(path, watch)).children;
  }

  /** Child names (unsorted) and the parent's stat; with a watcher, arms a child watch. */
  getChildrenAndStat(path: string, watch?: ZkWatcher): Promise<{ children: string[]; stat: ZkStat }> {
    return callZk(this.ctx, 'read', 'list the children of', path, () =>
      this.client.getChildren(path, { watch }),
    );
  }

  getAcl(path: string): Promise<ZkAcl[]> {
    return callZk(
      this.ctx,
      'read',
      'read the ACL of',
      path,
      async () => (await this.client.getACL(path)).acl,
    );
  }

  /** The ACL with the stat (its `aversion` guards a save); `forWrite` as for getData. */
  getAclAndStat(path: string, forWrite = false): Promise<{ acl: ZkAcl[]; stat: ZkStat }> {
    return callZk(this.ctx, forWrite ? 'write' : 'read', 'read the ACL of', path, () =>
      this.client.getACL(path),
    );
  }

  /** Replaces the ACL when it is at `aclVersion` (-1: any). */
  setAcl(path: string, acl: readonly ZkAcl[], aclVersion: number): Promise<ZkStat> {
    return callZk(this.ctx, 'write', 'change the ACL of', path, () =>
      this.client.setACL(path, acl, aclVersion),
    );
  }

  /** The identities the server gave this session (ZooKeeper 3.7+; UNSUPPORTED before). */
  whoAmI(): Promise<ZkClientInfo[]> {
    return callZk(this.ctx, 'read', 'ask who is', 'this session', () => this.client.whoAmI());
  }

  setData(path: string, data: Buffer, version: number): Promise<ZkStat> {
    return callZk(this.ctx, 'write', 'write', path, () => this.client.setData(path, data, version));
  }

  /** Creates with the open ACL; resolves with the created path (sequential nodes get their suffix). */
  async create(path: string, data: Buffer, mode: CreateMode, ttlMs?: number): Promise<string> {
    const created = await callZk(this.ctx, 'write', 'create', path, () =>
      this.client.create(path, data, { mode, ...(ttlMs === undefined ? {} : { ttlMs }) }),
    );
    return created.path;
  }

  remove(path: string, version: number): Promise<void> {
    return callZk(this.ctx, 'write', 'delete', path, () => this.client.delete(path, version));
  }

  /** All ops or none, versions as given (-1: any, 0: version 0). */
  async multi(ops: readonly MultiOp[], description: string): Promise<void> {
    await callZk(this.ctx, 'write', 'write', description, () => this.client.multi(ops));
  }
}
