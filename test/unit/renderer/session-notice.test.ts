import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import { connectedNotice } from '../../../renderer/src/features/layout/session-notice.js';
import type { ActiveSession } from '../../../renderer/src/features/session/active-session.js';

const EXPIRED =
  'session expired: ephemeral nodes of this session are gone, watches re-set on the new session';
const profile: ConnectionProfile = {
  id: 'p1',
  name: 'zk',
  kind: 'zookeeper',
  endpoints: ['h:2181'],
  environment: 'dev',
  readOnly: false,
  folder: null,
  sessionTimeoutMs: 15000,
  auth: null,
  tls: null,
  ssh: null,
  datacenter: null,
  contextPath: null,
  namespace: null,
  adminServerUrl: null,
};
const active = (overrides: Partial<ActiveSession>): ActiveSession => ({
  profile,
  session: {
    connectionId: 'p1',
    state: 'connected',
    capabilities: NO_CAPABILITIES,
    server: null,
    features: [],
    stateMessage: null,
    tunnel: null,
  },
  state: 'connected',
  stateMessage: null,
  stateChanges: 0,
  ...overrides,
});

describe('the notice of a connected session', () => {
  it('shows the message of a connected state (renewed after expiry, read-only), and nothing else', () => {
    expect(connectedNotice(null)).toBeNull();
    expect(connectedNotice(active({}))).toBeNull();
    expect(connectedNotice(active({ state: 'expired', stateMessage: EXPIRED }))).toBeNull();
    expect(connectedNotice(active({ stateMessage: EXPIRED, stateChanges: 2 }))).toEqual({
      key: 'p1#2',
      message: EXPIRED,
    });
  });

  it('keys each state change apart, so a second expiry shows again once the first was dismissed', () => {
    const first = connectedNotice(active({ stateMessage: EXPIRED, stateChanges: 2 }));
    const second = connectedNotice(active({ stateMessage: EXPIRED, stateChanges: 4 }));
    expect(first?.key).not.toBe(second?.key);
  });
});
