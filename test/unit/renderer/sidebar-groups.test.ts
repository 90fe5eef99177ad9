import { describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import { groupProfiles } from '../../../renderer/src/features/connections/sidebar-groups.js';

const profile = (name: string, folder: string | null, endpoint = 'h:2181'): ConnectionProfile => ({
  id: name,
  name,
  kind: 'zookeeper',
  endpoints: [endpoint],
  environment: 'dev',
  readOnly: false,
  folder,
  sessionTimeoutMs: 15000,
  auth: null,
  tls: null,
  ssh: null,
  datacenter: null,
  contextPath: null,
  namespace: null,
  adminServerUrl: null,
});

const PROFILES = [
  profile('zk b', 'payments'),
  profile('zk a', null),
  profile('etcd z', 'infra'),
  profile('zk c', 'payments', 'pay-zk:2181'),
  profile('alpha', null),
];

const shape = (search: string) =>
  groupProfiles(PROFILES, search).map((group) => [group.folder, group.profiles.map((p) => p.name)]);

describe('the sidebar groups', () => {
  it('lists the profiles in no folder first, then each folder by name, each sorted by name', () => {
    expect(shape('')).toEqual([
      [null, ['alpha', 'zk a']],
      ['infra', ['etcd z']],
      ['payments', ['zk b', 'zk c']],
    ]);
  });

  it('searches names, folders and endpoints without regard to case, dropping empty folders', () => {
    expect(shape('ZK ')).toEqual([
      [null, ['zk a']],
      ['payments', ['zk b', 'zk c']],
    ]);
    expect(shape('infra')).toEqual([['infra', ['etcd z']]]);
    expect(shape('pay-zk')).toEqual([['payments', ['zk c']]]);
    expect(shape('nothing like it')).toEqual([]);
  });

  it('orders by last used: the most recently opened first in each group, the never-opened after by name', () => {
    const lastUsed = { 'zk c': '2026-12-02T10:00:00.000Z', 'zk a': '2026-12-01T09:00:00.000Z' };
    const ordered = groupProfiles(PROFILES, '', 'lastUsed', lastUsed).map((group) => [
      group.folder,
      group.profiles.map((p) => p.name),
    ]);
    expect(ordered).toEqual([
      [null, ['zk a', 'alpha']],
      ['infra', ['etcd z']],
      ['payments', ['zk c', 'zk b']],
    ]);
  });
});
