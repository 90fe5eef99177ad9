import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { closeTab, NO_TABS, openTab, type TabOrder } from '../tabs/tab-order.js';
import type { ActiveSession } from './active-session.js';

/** The window's open connections: the tab order and each tab's session, keyed by profile id. */
export interface TabsState {
  order: TabOrder;
  sessions: Readonly<Record<string, ActiveSession>>;
}

export const NO_SESSIONS: TabsState = { order: NO_TABS, sessions: {} };

/** Puts a freshly opened session in its tab (a new one on the right, or the one it already had) and shows it. */
export function withOpened(state: TabsState, opened: ActiveSession): TabsState {
  const id = opened.profile.id;
  return { order: openTab(state.order, id), sessions: { ...state.sessions, [id]: opened } };
}

/** Drops a tab and its session. */
export function withClosed(state: TabsState, id: string): TabsState {
  const { [id]: _closed, ...sessions } = state.sessions;
  return { order: closeTab(state.order, id), sessions };
}

/** Changes the session of the tab whose core session is `connectionId`; other states are returned as they are. */
export function withSessionOf(
  state: TabsState,
  connectionId: string,
  change: (session: ActiveSession) => ActiveSession,
): TabsState {
  const entry = Object.entries(state.sessions).find(([, s]) => s.session.connectionId === connectionId);
  if (!entry) return state;
  const [id, session] = entry;
  return { ...state, sessions: { ...state.sessions, [id]: change(session) } };
}

/** Gives each tab the latest saved version of its profile; the same state when none changed. */
export function withLatestProfiles(state: TabsState, profiles: readonly ConnectionProfile[]): TabsState {
  let sessions: Record<string, ActiveSession> | null = null;
  for (const [id, session] of Object.entries(state.sessions)) {
    const latest = profiles.find((p) => p.id === id);
    if (!latest || latest === session.profile) continue;
    sessions ??= { ...state.sessions };
    sessions[id] = { ...session, profile: latest };
  }
  return sessions ? { ...state, sessions } : state;
}
