import type { Grant, GrantAccess } from '../../../../shared/model/principals.js';
import { isRuleObject, parseRules, RulesSyntaxError, type RuleValue } from './consul.rules.parse.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

/** Rules that name a resource (`key_prefix "app/" { policy = "read" }`). */
const RESOURCE_RULES = new Set(
  ['key', 'node', 'service', 'agent', 'event', 'query', 'session', 'identity'].flatMap((rule) => [
    rule,
    `${rule}_prefix`,
  ]),
);
/** Rules that are one policy for the whole API (`operator = "read"`). */
const API_RULES = new Set(['acl', 'operator', 'keyring', 'mesh', 'peering']);
/** Enterprise scopes that hold rules of their own (`namespace "team" { key_prefix "" { … } }`). */
const CONTAINER_RULES = new Set(['namespace', 'namespace_prefix', 'partition', 'partition_prefix']);

/** Consul's `write` implies read; `list` lets key names be listed (key_prefix only). */
const ACCESS: Record<string, GrantAccess> = { read: 'read', write: 'readwrite', deny: 'deny', list: 'list' };

/** What a policy's rules allow, and the sentences on what could not be understood. */
export interface RuleGrants {
  grants: Grant[];
  problems: string[];
}

function quoted(label: string): string {
  return JSON.stringify(label);
}

class GrantCollector {
  readonly grants: Grant[] = [];
  readonly problems: string[] = [];

  constructor(private readonly note: string | null) {}

  /** One policy value (`"read"`) for a scope; `attribute` names what it is beyond `policy` (intentions). */
  access(scope: string, value: RuleValue, attribute: string | null): void {
    const access = typeof value === 'string' ? ACCESS[value] : undefined;
    if (access === undefined) {
      this.problems.push(
        say(CONSUL_SENTENCES, 'ruleUndefinedPolicy', { scope, policy: JSON.stringify(value) }),
      );
      return;
    }
    this.grants.push({ access, scope: attribute ? `${scope} ${attribute}` : scope, note: this.note });
  }

  /** Every rule of a body; `within` is the enclosing namespace or partition, as a scope prefix. */
  body(value: RuleValue, within: string): void {
    if (!isRuleObject(value)) {
      const container = within.replace(/ › $/, '');
      return void this.problems.push(
        container === ''
          ? say(CONSUL_SENTENCES, 'rulesNotBlock')
          : say(CONSUL_SENTENCES, 'rulesWithinNotBlock', { within: container }),
      );
    }
    for (const [rule, inner] of value.entries) this.rule(rule, inner, within);
  }

  private rule(rule: string, value: RuleValue, within: string): void {
    if (API_RULES.has(rule)) return this.access(`${within}${rule}`, value, null);
    // A namespace's or partition's own policy: its scope is the container itself.
    const container = within.replace(/ › $/, '');
    if (within !== '' && rule === 'policy') return this.access(container, value, null);
    if (within !== '' && rule === 'intentions') return this.access(container, value, 'intentions');
    const labelled = RESOURCE_RULES.has(rule) || CONTAINER_RULES.has(rule);
    if (!labelled || !isRuleObject(value)) {
      this.problems.push(say(CONSUL_SENTENCES, 'ruleUnknown', { rule: `${within}${rule}` }));
      return;
    }
    for (const [label, body] of value.entries) {
      const scope = `${within}${rule} ${quoted(label)}`;
      if (CONTAINER_RULES.has(rule)) this.body(body, `${scope} › `);
      else this.resource(scope, body);
    }
  }

  /** `{ policy = "read", intentions = "write" }` of one resource. */
  private resource(scope: string, body: RuleValue): void {
    if (typeof body === 'string') return this.access(scope, body, null);
    if (!isRuleObject(body))
      return void this.problems.push(say(CONSUL_SENTENCES, 'ruleWithoutPolicy', { scope }));
    for (const [attribute, value] of body.entries) {
      this.access(scope, value, attribute === 'policy' ? null : attribute);
    }
  }
}

/**
 * The grants of a policy's rules, HCL or JSON: one per resource and policy (`key_prefix "app/"` read),
 * each with `note` (the policy it comes from, where given). Rules it cannot read are problems, not errors.
 */
export function rulesGrants(rules: string, note: string | null = null): RuleGrants {
  const collector = new GrantCollector(note);
  if (rules.trim() === '') return { grants: [], problems: [] };
  try {
    collector.body(parseRules(rules), '');
  } catch (error) {
    if (!(error instanceof RulesSyntaxError)) throw error;
    collector.problems.push(say(CONSUL_SENTENCES, 'rulesUnreadable', { reason: error.message }));
  }
  return { grants: collector.grants, problems: collector.problems };
}
