import type { Client, Event, Stat } from 'node-zookeeper-client';
import { callZk, type CallContext } from './zookeeper.call.js';

/** An ACL as the library really returns it (its published typings call the bit mask `perms`; it is `permission`). */
export interface ZkAcl {
  permission: number;
  id: { scheme: string; id: string };
}

export type ZkWatcher = (event: Event) => void;

/** The library's znode operations as promises bounded by the session timeout. */
export class ZooKeeperOps {
  constructor(
    readonly client: Client,
    readonly ctx: CallContext,
  ) {}

  /**
   * Value and stat; an unset (null) value reads as an empty buffer. `forWrite`: the read that starts a
   * write, refused at once while disconnected like the write itself (not left waiting for a reconnect).
   */
  getData(path: string, forWrite = false): Promise<{ data: Buffer; stat: Stat }> {
    return callZk(this.ctx, forWrite ? 'write' : 'read', 'read', path, (done) =>
      this.client.getData(path, (error, data, stat) => done(error, { data: data ?? Buffer.alloc(0), stat })),
    );
  }

  /** Stat or null when absent; with a watcher, arms a data watch (exists) or an existence watch (absent). */
  exists(path: string, watcher?: ZkWatcher): Promise<Stat | null> {
    return callZk<Stat | null>(this.ctx, 'read', 'read', path, (done) => {
      if (watcher) this.client.exists(path, watcher, (error, stat) => done(error, stat ?? null));
      else this.client.exists(path, (error, stat) => done(error, stat ?? null));
    });
  }

  getChildren(path: string, watcher?: ZkWatcher): Promise<string[]> {
    return this.getChildrenAndStat(path, watcher).then(({ children }) => children);
  }

  /** Child names (unsorted) and the parent's stat; with a watcher, arms a child watch. */
  getChildrenAndStat(path: string, watcher?: ZkWatcher): Promise<{ children: string[]; stat: Stat }> {
    return callZk(this.ctx, 'read', 'list the children of', path, (done) => {
      const callback = (error: unknown, children: string[] | undefined, stat: Stat): void =>
        done(error, { children: children ?? [], stat });
      if (watcher) this.client.getChildren(path, watcher, callback);
      else this.client.getChildren(path, callback);
    });
  }

  getAcl(path: string): Promise<ZkAcl[]> {
    return callZk<ZkAcl[]>(this.ctx, 'read', 'read the ACL of', path, (done) =>
      this.client.getACL(path, (error, acls) => done(error, (acls ?? []) as unknown as ZkAcl[])),
    );
  }

  setData(path: string, data: Buffer, version: number): Promise<Stat> {
    return callZk<Stat>(this.ctx, 'write', 'write', path, (done) =>
      this.client.setData(path, data, version, (error, stat) => done(error, stat)),
    );
  }

  /** Plain create (persistent/ephemeral/sequential flags 0-3) with an open ACL; resolves with the created path. */
  create(path: string, data: Buffer, flags: number): Promise<string> {
    return callZk<string>(this.ctx, 'write', 'create', path, (done) =>
      this.client.create(path, data, flags, (error, created) => done(error, created)),
    );
  }

  remove(path: string, version: number): Promise<void> {
    return callZk<void>(this.ctx, 'write', 'delete', path, (done) =>
      this.client.remove(path, version, (error) => done(error, undefined)),
    );
  }
}
