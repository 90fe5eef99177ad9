import type { ConnectionSession } from '../../../../shared/contract/methods.js';
import type { ConnectionProfile, ConnectionState } from '../../../../shared/model/connection.js';

/** The one connection open in this window: its profile, capabilities and live state. */
export interface ActiveSession {
  profile: ConnectionProfile;
  session: ConnectionSession;
  state: ConnectionState;
  stateMessage: string | null;
  /** State changes seen since the connection opened: tells a repeated message (a second expiry) from one dismissed. */
  stateChanges: number;
}

/** What the rest of the UI can do with the open connection. */
export interface SessionApi {
  active: ActiveSession | null;
  /** Id of the profile being opened right now, for a spinner on its Connect button. */
  connectingId: string | null;
  connect(profile: ConnectionProfile): void;
  disconnect(): void;
}
