import { AppError } from '../../../../shared/errors.js';
import type { Grant, Principal, PrincipalsReport } from '../../../../shared/model/principals.js';
import type { PrincipalsApi } from '../backend.js';
import type { ConsulHttp } from './consul.http.js';
import { identityGrants } from './consul.principals.identity.js';
import {
  AclPoliciesWireSchema,
  AclPolicyWireSchema,
  AclRolesWireSchema,
  AclTokensWireSchema,
  AclTokenWireSchema,
  type AclPolicyWire,
  type AclRoleWire,
  type AclTokenWire,
} from './consul.principals.schemas.js';
import { rulesGrants } from './consul.rules.grants.js';
import { parseJson } from './consul.schemas.js';
import type { ConsulResponse } from './consul.transport.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

/** Consul's built-in policy that allows everything; its rules do not need to say so. */
const GLOBAL_MANAGEMENT_ID = '00000000-0000-0000-0000-000000000001';
/** Policies read at once (one `/v1/acl/policy/<id>` each). */
const WINDOW = 16;

const EVERY_PERMISSION = say(CONSUL_SENTENCES, 'grantEveryPermission');

/** A policy as read, with what its rules allow and the sentences on what could not be understood. */
interface ReadPolicy {
  wire: AclPolicyWire;
  grants: Grant[];
  problems: string[];
}

function readPolicy(wire: AclPolicyWire): ReadPolicy {
  if (wire.ID === GLOBAL_MANAGEMENT_ID)
    return { wire, grants: [{ access: 'readwrite', scope: '*', note: EVERY_PERMISSION }], problems: [] };
  const { grants, problems } = rulesGrants(wire.Rules);
  return {
    wire,
    grants,
    problems: problems.map((problem) =>
      say(CONSUL_SENTENCES, 'policyProblem', { policy: wire.Name, problem }),
    ),
  };
}

/** A policy's grant as held through `via`: the policy's own note (global management's) comes first. */
function viaNote(note: string | null, via: string): string {
  if (note === null) return via;
  if (note === EVERY_PERMISSION) return say(CONSUL_SENTENCES, 'grantEveryPermissionVia', { via });
  return `${note}; ${via}`;
}

/** A denial or ACLs turned off, which are notes rather than failures. */
function refusal(response: ConsulResponse): 'disabled' | 'denied' | null {
  const body = response.body.toString('utf8');
  if (/ACL support disabled|ACLs? (are |is )?disabled/i.test(body)) return 'disabled';
  if (response.status === 403 && !/ACL not found|token not found/i.test(body)) return 'denied';
  if (response.status >= 400) {
    throw new AppError(
      response.status === 403 ? 'AUTH_FAILED' : 'INTERNAL',
      `Reading Consul ACLs: the agent answered HTTP ${response.status} (${body.trim().split('\n')[0]}).`,
    );
  }
  return null;
}

/**
 * Consul ACL tokens, policies and roles with what each may read and write (capability `principals`), read
 * with the connection's token: the full lists need acl:read; without it, the token's own entry is shown.
 * Tokens are named by AccessorID; their SecretID is never read into the report.
 */
export class ConsulPrincipals implements PrincipalsApi {
  constructor(private readonly http: ConsulHttp) {}

  async list(): Promise<PrincipalsReport> {
    const self = await this.get('/v1/acl/token/self');
    // Without a token the agent has no own token to tell (403 ACL not found): the lists may still say more.
    const selfState =
      self.status === 403 && /ACL not found/i.test(self.body.toString('utf8')) ? 'denied' : refusal(self);
    if (selfState === 'disabled')
      return { kind: 'consul', principals: [], notes: [say(CONSUL_SENTENCES, 'aclDisabled')] };
    const own = selfState === null ? parseJson(self, AclTokenWireSchema, 'Reading the own ACL token') : null;
    const tokens = await this.get('/v1/acl/tokens');
    if (refusal(tokens) !== null) {
      const principals = own === null ? [] : [this.token(own, new Map(), new Map(), own.AccessorID)];
      return { kind: 'consul', principals, notes: [say(CONSUL_SENTENCES, 'aclNotReadable')] };
    }
    const [roles, policies] = await Promise.all([this.roles(), this.policies()]);
    const byId = new Map(policies.map((policy) => [policy.wire.ID, policy]));
    const roleById = new Map(roles.map((role) => [role.ID, role]));
    const ownId = own?.AccessorID ?? null;
    const notes = policies.flatMap((policy) => policy.problems);
    return {
      kind: 'consul',
      principals: [
        ...parseJson(tokens, AclTokensWireSchema, 'Listing Consul ACL tokens').map((token) =>
          this.token(token, byId, roleById, ownId),
        ),
        ...roles.map((role) => this.role(role, byId)),
        ...policies.map((policy) => this.policy(policy)),
      ],
      notes,
    };
  }

  private token(
    token: AclTokenWire,
    policies: ReadonlyMap<string, ReadPolicy>,
    roles: ReadonlyMap<string, AclRoleWire>,
    ownId: string | null,
  ): Principal {
    const roleGrants = token.Roles.flatMap((link) => {
      const role = roles.get(link.ID);
      return role === undefined
        ? []
        : this.holderGrants(role, policies, say(CONSUL_SENTENCES, 'grantViaRole', { role: role.Name }));
    });
    return {
      name: token.AccessorID,
      type: 'token',
      description: token.Description || null,
      roles: token.Roles.map((role) => role.Name),
      policies: token.Policies.map((policy) => policy.Name),
      grants: [...this.holderGrants(token, policies, null), ...roleGrants],
      rules: null,
      self: token.AccessorID === ownId,
    };
  }

  private role(role: AclRoleWire, policies: ReadonlyMap<string, ReadPolicy>): Principal {
    return {
      name: role.Name,
      type: 'role',
      description: role.Description || null,
      roles: [],
      policies: role.Policies.map((policy) => policy.Name),
      grants: this.holderGrants(role, policies, null),
      rules: null,
      self: false,
    };
  }

  private policy(policy: ReadPolicy): Principal {
    return {
      name: policy.wire.Name,
      type: 'policy',
      description: policy.wire.Description || null,
      roles: [],
      policies: [],
      grants: policy.grants,
      rules: policy.wire.Rules,
      self: false,
    };
  }

  /** The grants of a token's or role's policies and identities, each noting where it comes from. */
  private holderGrants(
    holder: AclTokenWire | AclRoleWire,
    policies: ReadonlyMap<string, ReadPolicy>,
    via: string | null,
  ): Grant[] {
    const fromPolicies = holder.Policies.flatMap((link) => {
      const policy = link.Name;
      const note =
        via === null
          ? say(CONSUL_SENTENCES, 'grantViaPolicy', { policy })
          : say(CONSUL_SENTENCES, 'grantViaRolePolicy', { via, policy });
      return (policies.get(link.ID)?.grants ?? []).map((grant) => ({
        ...grant,
        note: viaNote(grant.note, note),
      }));
    });
    return [...fromPolicies, ...identityGrants(holder, via)];
  }

  private async roles(): Promise<AclRoleWire[]> {
    const what = 'Listing Consul ACL roles';
    return parseJson(await this.http.request({ what, path: '/v1/acl/roles' }), AclRolesWireSchema, what);
  }

  /** Every policy with its rules: the listing leaves them out, so each is read on its own. */
  private async policies(): Promise<ReadPolicy[]> {
    const what = 'Listing Consul ACL policies';
    const stubs = parseJson(
      await this.http.request({ what, path: '/v1/acl/policies' }),
      AclPoliciesWireSchema,
      what,
    );
    const read = new Array<ReadPolicy>(stubs.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < stubs.length) {
        const index = next++;
        const stub = stubs[index]!;
        const one = `Reading the Consul ACL policy ${stub.Name}`;
        const path = `/v1/acl/policy/${encodeURIComponent(stub.ID)}`;
        read[index] = readPolicy(
          parseJson(await this.http.request({ what: one, path }), AclPolicyWireSchema, one),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(WINDOW, stubs.length) }, worker));
    return read;
  }

  /** A GET whose refusals (ACLs off, a permission missing) come back to be told apart. */
  private get(path: string): Promise<ConsulResponse> {
    return this.http.request({ what: 'Reading Consul ACLs', path, accept: [401, 403, 404] });
  }
}
