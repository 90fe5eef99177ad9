import { AppError, isAppError } from '../../../../shared/errors.js';
import type { AclIdentity, NodeAcl } from '../../../../shared/model/acl.js';
import type { AclEntry } from '../../../../shared/model/node.js';
import { aclJson } from '../../../../shared/acl/acl.rules.js';
import type { AclApi, AclWriteResult } from '../backend.js';
import type { ZkAcl } from './client/index.js';
import { lettersToPermissions, toAclEntries } from './zookeeper.acl.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { assertZnodePath } from './zookeeper.paths.js';

const WORLD: AclIdentity = { scheme: 'world', id: 'anyone' };

function toZkAcl(entries: readonly AclEntry[]): ZkAcl[] {
  return entries.map((entry) => ({
    perms: lettersToPermissions(entry.permissions),
    id: { scheme: entry.scheme, id: entry.id },
  }));
}

function isCode(error: unknown, code: string): boolean {
  return isAppError(error) && error.code === code;
}

/**
 * ACL editing on a ZooKeeper session: getACL for the entries and the aversion, setACL guarded by it. A
 * stale version fails before anything is sent (read first, as value writes do), and a BAD_VERSION from the
 * server (someone changed it between the read and the write) as a CONFLICT carrying the ACL now.
 */
export class ZooKeeperAclEditor implements AclApi {
  constructor(
    private readonly ops: ZooKeeperOps,
    /** Who the profile says this session is, for servers without whoAmI (the digest user). */
    private readonly profileIdentities: readonly AclIdentity[],
  ) {}

  async get(path: string): Promise<NodeAcl> {
    assertZnodePath(path);
    const { acl, stat } = await this.ops.getAclAndStat(path);
    return { path, entries: toAclEntries(acl), aclVersion: stat.aversion };
  }

  async set(path: string, entries: readonly AclEntry[], aclVersion: number | null): Promise<AclWriteResult> {
    assertZnodePath(path);
    const found = await this.ops.getAclAndStat(path, true);
    const before: NodeAcl = { path, entries: toAclEntries(found.acl), aclVersion: found.stat.aversion };
    if (aclVersion !== null && aclVersion !== before.aclVersion) throw this.conflict(before);
    try {
      const stat = await this.ops.setAcl(path, toZkAcl(entries), aclVersion ?? before.aclVersion);
      // The server expands `auth` entries into the session's identities: the ACL written is read back.
      const after = await this.get(path).catch(() => ({
        path,
        entries: [...entries],
        aclVersion: stat.aversion,
      }));
      return { before, after: { ...after, aclVersion: stat.aversion } };
    } catch (error) {
      if (!isCode(error, 'CONFLICT')) throw error;
      throw this.conflict(await this.get(path).catch(() => before));
    }
  }

  async identities(): Promise<AclIdentity[]> {
    try {
      const infos = await this.ops.whoAmI();
      // whoAmI names a digest identity by its user alone; the profile knows the whole id (with the hash).
      const told = infos
        .map((info) => ({ scheme: info.authScheme, id: info.user }))
        .map(
          (one) =>
            this.profileIdentities.find(
              (known) =>
                one.scheme === 'digest' && known.scheme === 'digest' && known.id.startsWith(`${one.id}:`),
            ) ?? one,
        );
      return [WORLD, ...told.filter((one) => !(one.scheme === WORLD.scheme && one.id === WORLD.id))];
    } catch (error) {
      // Before 3.7 the server cannot say; the profile's digest user is what the session authenticated as.
      if (!isCode(error, 'UNSUPPORTED')) throw error;
      return [WORLD, ...this.profileIdentities];
    }
  }

  private conflict(current: NodeAcl): AppError {
    return new AppError(
      'CONFLICT',
      `The ACL of ${current.path} was changed by someone else since it was read (now at ACL version ${current.aclVersion}).`,
      {
        currentValueBase64: Buffer.from(aclJson(current.entries), 'utf8').toString('base64'),
        currentToken: String(current.aclVersion),
      },
    );
  }
}
