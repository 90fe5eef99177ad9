import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { ActiveSession } from '../../../renderer/src/features/session/active-session.js';
import {
  NO_SESSIONS,
  withClosed,
  withLatestProfiles,
  withOpened,
  withSessionOf,
} from '../../../renderer/src/features/session/tabs-state.js';
import { UnsavedEdits } from '../../../renderer/src/features/tabs/unsaved-edits.js';

const profileOf = (id: string, environment: ConnectionProfile['environment'] = 'dev'): ConnectionProfile => ({
  id,
  name: id,
  kind: 'zookeeper',
  endpoints: ['h:2181'],
  environment,
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
});
const sessionOf = (profile: ConnectionProfile): ActiveSession => ({
  profile,
  session: {
    connectionId: profile.id,
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
});

describe('the window’s open connections', () => {
  const a = sessionOf(profileOf('a', 'prod'));
  const b = sessionOf(profileOf('b'));
  const two = withOpened(withOpened(NO_SESSIONS, a), b);

  it('opens each connection in its tab and shows the last opened', () => {
    expect(two.order).toEqual({ ids: ['a', 'b'], activeId: 'b' });
    expect(two.sessions.a).toBe(a);
  });

  it('replaces the session of a tab opened again (a reconnect), keeping its place', () => {
    const renewed = { ...a, stateChanges: 5 };
    const again = withOpened(two, renewed);
    expect(again.order).toEqual({ ids: ['a', 'b'], activeId: 'a' });
    expect(again.sessions.a).toBe(renewed);
  });

  it('closes a tab and forgets its session', () => {
    const closed = withClosed(two, 'b');
    expect(closed.order).toEqual({ ids: ['a'], activeId: 'a' });
    expect(closed.sessions.b).toBeUndefined();
  });

  it('changes only the tab a state event is about', () => {
    const changed = withSessionOf(two, 'a', (s) => ({ ...s, state: 'reconnecting' }));
    expect(changed.sessions.a?.state).toBe('reconnecting');
    expect(changed.sessions.b).toBe(b);
    expect(withSessionOf(two, 'unknown', (s) => s)).toBe(two);
  });

  it('takes edited profiles and keeps the sessions of unchanged ones as they are', () => {
    const edited = { ...profileOf('a'), environment: 'staging' as const };
    const next = withLatestProfiles(two, [edited, b.profile]);
    expect(next.sessions.a?.profile).toBe(edited);
    expect(next.sessions.b).toBe(b);
    expect(withLatestProfiles(next, [edited, b.profile])).toBe(next);
  });
});

describe('unsaved edits by tab', () => {
  it('holds while any editor of the connection has one', () => {
    const edits = new UnsavedEdits();
    const first = edits.add('a');
    const second = edits.add('a');
    expect(edits.has('a')).toBe(true);
    expect(edits.has('b')).toBe(false);
    first();
    expect(edits.has('a')).toBe(true);
    second();
    expect(edits.has('a')).toBe(false);
  });
});
