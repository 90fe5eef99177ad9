import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES, type Capabilities } from '../../../shared/model/capabilities.js';
import type { ServiceSummary } from '../../../shared/model/registry.js';
import { availableTabs } from '../../../renderer/src/features/layout/app-tabs.js';
import { valuePanes } from '../../../renderer/src/features/value/value-panes.js';
import {
  filterServices,
  instanceScope,
  scopeFromChoices,
} from '../../../renderer/src/features/services/service-filter.js';

const none: Capabilities = NO_CAPABILITIES;
const zookeeper: Capabilities = {
  ...none,
  ephemeral: true,
  sequential: true,
  acls: true,
};
const consul: Capabilities = { ...none, catalog: true, serviceRegistry: true };
const nacos: Capabilities = { ...none, history: true, listeners: true, serviceRegistry: true };

describe('views follow capabilities', () => {
  it('shows registry tabs only where the store has them', () => {
    expect(availableTabs(null)).toEqual(['browser', 'compare', 'search', 'audit']);
    expect(availableTabs(zookeeper)).toEqual(['browser', 'compare', 'search', 'audit']);
    expect(availableTabs(consul)).toEqual(['browser', 'services', 'cluster', 'compare', 'search', 'audit']);
    expect(availableTabs(nacos)).toEqual(['browser', 'services', 'compare', 'search', 'audit']);
  });

  it('shows history for every value and listeners only for values of stores that have them', () => {
    expect(valuePanes(zookeeper, true)).toEqual(['value', 'history']);
    expect(valuePanes(consul, true)).toEqual(['value', 'history']);
    expect(valuePanes(consul, false)).toEqual(['value']);
    expect(valuePanes(nacos, true)).toEqual(['value', 'history', 'listeners']);
    expect(valuePanes(nacos, false)).toEqual(['value']);
    // A Nacos that also answers "who listens" with its stale versions shows one pane for it, Watchers.
    expect(valuePanes({ ...nacos, watchers: true }, true)).toEqual(['value', 'history', 'watchers']);
  });
});

const service = (name: string, group: string | null, tags: string[] = []): ServiceSummary => ({
  name,
  namespace: group ? 'ns1' : null,
  group,
  tags,
  instanceCount: 1,
  healthyCount: 1,
});

describe('services view scope and filter', () => {
  it('filters by name, group or tag and sorts by name', () => {
    const all = [service('web', 'G1', ['v2']), service('api', 'G2'), service('db', null, ['primary'])];
    expect(filterServices(all, '').map((s) => s.name)).toEqual(['api', 'db', 'web']);
    expect(filterServices(all, 'PRIM').map((s) => s.name)).toEqual(['db']);
    expect(filterServices(all, 'g2').map((s) => s.name)).toEqual(['api']);
  });

  it('leaves empty choices out and narrows instance reads to where the service was listed', () => {
    expect(scopeFromChoices({ datacenter: '', namespace: '', group: ' ' })).toEqual({});
    expect(scopeFromChoices({ datacenter: 'dc2', namespace: 'ns', group: 'G' })).toEqual({
      datacenter: 'dc2',
      namespace: 'ns',
      group: 'G',
    });
    expect(instanceScope({}, service('web', 'G1'))).toEqual({ group: 'G1', namespace: 'ns1' });
    expect(instanceScope({ namespace: 'x' }, service('web', 'G1'))).toEqual({ namespace: 'x', group: 'G1' });
    expect(instanceScope({ datacenter: 'dc1' }, service('db', null))).toEqual({ datacenter: 'dc1' });
  });
});
