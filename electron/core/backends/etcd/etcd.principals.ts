import type { Grant, Principal, PrincipalsReport } from '../../../../shared/model/principals.js';
import { isAppError } from '../../../../shared/errors.js';
import type { PrincipalsApi } from '../backend.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { permissionGrant, ROOT_ROLE, rootGrant } from './etcd.principals.scope.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

/** Users and roles asked at once (one userGet or roleGet each). */
const WINDOW = 16;

async function mapWindowed<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WINDOW, items.length) }, worker));
  return results;
}

function isDenied(error: unknown): boolean {
  return isAppError(error) && error.code === 'PERMISSION_DENIED';
}

/** One role's grants; the root role allows everything without listing it. */
interface RoleGrants {
  name: string;
  grants: Grant[];
}

/**
 * etcd users and roles with their key permissions (capability `principals`), read with the session's
 * credentials. Listing needs the root role; a user without it is shown its own user and roles, with a note.
 */
export class EtcdPrincipals implements PrincipalsApi {
  constructor(
    private readonly rpc: EtcdRpc,
    /** The profile's user name, when it has one: its user is marked and is what a non-root user sees. */
    private readonly username: string | null,
  ) {}

  async list(): Promise<PrincipalsReport> {
    const notes: string[] = [];
    const enabled = await this.authEnabled();
    if (!enabled) notes.push(say(ETCD_SENTENCES, 'authDisabled'));
    let users: string[];
    let roles: string[];
    try {
      [users, roles] = await Promise.all([
        this.rpc.call('Listing etcd users', (c) => c.auth.userList()).then((r) => r.users ?? []),
        this.rpc.call('Listing etcd roles', (c) => c.auth.roleList()).then((r) => r.roles ?? []),
      ]);
    } catch (error) {
      if (!isDenied(error)) throw error;
      return this.ownOnly(notes);
    }
    const roleGrants = await mapWindowed(roles, (role) => this.role(role));
    const userRoles = await mapWindowed(users, (user) => this.userRoles(user));
    return {
      kind: 'etcd',
      principals: [
        ...users.map((user, index) => this.user(user, userRoles[index]!, roleGrants)),
        ...roleGrants.map((role) => this.rolePrincipal(role)),
      ],
      notes,
    };
  }

  /** A user without the root role may read its own user and the roles it has, nothing else. */
  private async ownOnly(notes: string[]): Promise<PrincipalsReport> {
    notes.push(
      this.username === null
        ? say(ETCD_SENTENCES, 'principalsNotListedNone')
        : say(ETCD_SENTENCES, 'principalsNotListedOwnOnly', { user: this.username }),
    );
    if (this.username === null) return { kind: 'etcd', principals: [], notes };
    const roles = await this.userRoles(this.username);
    const roleGrants = await mapWindowed(roles, (role) => this.role(role));
    return {
      kind: 'etcd',
      principals: [
        this.user(this.username, roles, roleGrants),
        ...roleGrants.map((role) => this.rolePrincipal(role)),
      ],
      notes,
    };
  }

  private user(name: string, roles: string[], known: readonly RoleGrants[]): Principal {
    const grants = roles.flatMap((role) => {
      const note = say(ETCD_SENTENCES, 'grantOfRole', { role });
      if (role === ROOT_ROLE) return [rootGrant(note)];
      const found = known.find((r) => r.name === role);
      return (found?.grants ?? []).map((grant) => ({ ...grant, note }));
    });
    return {
      name,
      type: 'user',
      description: null,
      roles,
      policies: [],
      grants,
      rules: null,
      self: name === this.username,
    };
  }

  private rolePrincipal(role: RoleGrants): Principal {
    return {
      name: role.name,
      type: 'role',
      description: null,
      roles: [],
      policies: [],
      grants: role.grants,
      rules: null,
      self: false,
    };
  }

  private async userRoles(name: string): Promise<string[]> {
    const user = await this.rpc.call(`Reading the etcd user "${name}"`, (c) => c.auth.userGet({ name }));
    return user.roles ?? [];
  }

  private async role(name: string): Promise<RoleGrants> {
    if (name === ROOT_ROLE) return { name, grants: [rootGrant(null)] };
    const role = await this.rpc.call(`Reading the etcd role "${name}"`, (c) =>
      c.auth.roleGet({ role: name }),
    );
    return { name, grants: (role.perm ?? []).map((permission) => permissionGrant(permission, null)) };
  }

  /**
   * Whether authentication is on: AuthStatus where the server has it (3.5+); on older servers an
   * authentication without a name, which etcd answers "not enabled" before it looks at the name.
   */
  private async authEnabled(): Promise<boolean> {
    try {
      return (await this.rpc.call('Reading the etcd auth status', (c) => c.auth.authStatus())).enabled;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'UNSUPPORTED') throw error;
    }
    try {
      await this.rpc.call('Probing etcd authentication', (c) =>
        c.auth.authenticate({ name: '', password: '' }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && /authentication is not enabled/i.test(describe(error))) return false;
      return true;
    }
  }
}

/** An AppError's message with its cause's, where the server's own words are. */
function describe(error: Error): string {
  return `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`;
}
