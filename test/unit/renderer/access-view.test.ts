import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import type { Principal } from '../../../shared/model/principals.js';
import { availableTabs } from '../../../renderer/src/features/layout/app-tabs.js';
import { filterPrincipals, presentTypes } from '../../../renderer/src/features/access/principal-filter.js';

const principal = (type: Principal['type'], name: string, over: Partial<Principal> = {}): Principal => ({
  name,
  type,
  description: null,
  roles: [],
  policies: [],
  grants: [],
  rules: null,
  self: false,
  ...over,
});

describe('the Access view', () => {
  it('is a tab after Cluster only where the connection has principals', () => {
    expect(availableTabs({ ...NO_CAPABILITIES, catalog: true, principals: true })).toEqual([
      'browser',
      'cluster',
      'access',
      'compare',
      'search',
      'audit',
    ]);
    expect(availableTabs({ ...NO_CAPABILITIES, catalog: true })).not.toContain('access');
  });

  it('filters by type and by name, description, membership or a grant scope', () => {
    const all = [
      principal('user', 'alice', { roles: ['ops'] }),
      principal('role', 'ops', { grants: [{ access: 'readwrite', scope: '/ops/*', note: null }] }),
      principal('token', 'a1b2', { description: 'CI deploys', policies: ['deploy'] }),
    ];
    expect(filterPrincipals(all, '', '').map((p) => p.name)).toEqual(['alice', 'ops', 'a1b2']);
    expect(filterPrincipals(all, 'role', '').map((p) => p.name)).toEqual(['ops']);
    expect(filterPrincipals(all, '', 'OPS').map((p) => p.name)).toEqual(['alice', 'ops']);
    expect(filterPrincipals(all, '', '/ops/').map((p) => p.name)).toEqual(['ops']);
    expect(filterPrincipals(all, '', 'ci dep').map((p) => p.name)).toEqual(['a1b2']);
    expect(filterPrincipals(all, 'user', 'deploy')).toEqual([]);
    expect(presentTypes(all)).toEqual(['user', 'token', 'role']);
  });
});
