import { describe, expect, it } from 'vitest';
import { rulesGrants } from '../../../../electron/core/backends/consul/consul.rules.grants.js';
import { parseRules } from '../../../../electron/core/backends/consul/consul.rules.parse.js';

describe('Consul ACL rules read into grants', () => {
  it('reads resource blocks, API rules and comments of HCL', () => {
    const rules = `
      # the app's config
      key_prefix "app/" {
        policy = "read"
      }
      key "app/secret" { policy = "deny" }   // one key hidden
      /* services */
      service_prefix "" { policy = "read" }
      service "web" {
        policy = "write"
        intentions = "read"
      }
      operator = "read"
      acl = "write"
      key_prefix "logs/" { policy = "list" }
    `;
    expect(rulesGrants(rules, 'policy app-read')).toEqual({
      grants: [
        { access: 'read', scope: 'key_prefix "app/"', note: 'policy app-read' },
        { access: 'deny', scope: 'key "app/secret"', note: 'policy app-read' },
        { access: 'read', scope: 'service_prefix ""', note: 'policy app-read' },
        { access: 'readwrite', scope: 'service "web"', note: 'policy app-read' },
        { access: 'read', scope: 'service "web" intentions', note: 'policy app-read' },
        { access: 'read', scope: 'operator', note: 'policy app-read' },
        { access: 'readwrite', scope: 'acl', note: 'policy app-read' },
        { access: 'list', scope: 'key_prefix "logs/"', note: 'policy app-read' },
      ],
      problems: [],
    });
  });

  it('reads the same rules written as JSON', () => {
    const json = JSON.stringify({
      key_prefix: { 'app/': { policy: 'read' }, 'ops/': { policy: 'write' } },
      node_prefix: { '': { policy: 'read' } },
      keyring: 'read',
    });
    expect(rulesGrants(json).grants).toEqual([
      { access: 'read', scope: 'key_prefix "app/"', note: null },
      { access: 'readwrite', scope: 'key_prefix "ops/"', note: null },
      { access: 'read', scope: 'node_prefix ""', note: null },
      { access: 'read', scope: 'keyring', note: null },
    ]);
  });

  it('names the namespace and partition around nested rules', () => {
    const rules = `partition "eu" {
      namespace "team-a" {
        policy = "read"
        key_prefix "" { policy = "write" }
      }
    }`;
    expect(rulesGrants(rules).grants).toEqual([
      { access: 'read', scope: 'partition "eu" › namespace "team-a"', note: null },
      { access: 'readwrite', scope: 'partition "eu" › namespace "team-a" › key_prefix ""', note: null },
    ]);
  });

  it('keeps escapes in labels and accepts commas, single-line blocks and `key_prefix "a" = {…}`', () => {
    const rules = 'key_prefix "a \\"quoted\\"/" { policy = "read" }, key_prefix "b/" = { policy = "write" }';
    expect(rulesGrants(rules).grants.map((g) => g.scope)).toEqual([
      'key_prefix "a \\"quoted\\"/"',
      'key_prefix "b/"',
    ]);
  });

  it('says which rule it does not know and which policy Consul does not define', () => {
    const result = rulesGrants('frobnicate "x" { policy = "read" }\nkey "y" { policy = "maybe" }');
    expect(result.grants).toEqual([]);
    expect(result.problems).toEqual([
      'The rule "frobnicate" is not one ConfigDeck knows; see the rules text.',
      'The rule key "y" has the policy "maybe", which Consul does not define.',
    ]);
  });

  it('reports broken syntax with where it broke, and no grants', () => {
    const result = rulesGrants('key_prefix "app/" {\n  policy = "read"\n');
    expect(result.grants).toEqual([]);
    expect(result.problems).toEqual([
      'The rules could not be read (a block is not closed with "}"); see the rules text.',
    ]);
    expect(rulesGrants('key_prefix "app/ { }').problems[0]).toMatch(
      /string opened at character 12 is not closed/,
    );
  });

  it('gives no grants and no problems for empty rules', () => {
    expect(rulesGrants('  \n')).toEqual({ grants: [], problems: [] });
  });

  it('parses labels into nested objects, as the JSON form nests them', () => {
    expect(parseRules('key_prefix "a/" { policy = "read" }')).toEqual(
      parseRules('{"key_prefix": {"a/": {"policy": "read"}}}'),
    );
  });
});
