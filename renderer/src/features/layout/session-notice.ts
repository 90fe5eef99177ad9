import type { ActiveSession } from '../session/active-session.js';

/** What a connected session has to say beyond "connected", and the key its dismissal is kept under. */
export interface ConnectedNotice {
  key: string;
  message: string;
}

/**
 * The notice of a connected session whose state carries a message (a read-only server, a session renewed
 * after it expired), or null. The key names that one state change, so dismissing it does not hide the same
 * sentence when it comes back later (a second expiry).
 */
export function connectedNotice(active: ActiveSession | null): ConnectedNotice | null {
  if (!active || active.state !== 'connected' || !active.stateMessage) return null;
  return { key: `${active.session.connectionId}#${active.stateChanges}`, message: active.stateMessage };
}
