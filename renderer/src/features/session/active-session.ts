import type { ConnectionSession } from '../../../../shared/contract/methods.js';
import type { ConnectionProfile, ConnectionState } from '../../../../shared/model/connection.js';
import type { UnsavedEdits } from '../tabs/unsaved-edits.js';

/** One connection open in this window (one tab): its profile, capabilities and live state. */
export interface ActiveSession {
  profile: ConnectionProfile;
  session: ConnectionSession;
  state: ConnectionState;
  stateMessage: string | null;
  /** State changes seen since the connection opened: tells a repeated message (a second expiry) from one dismissed. */
  stateChanges: number;
}

/** What the rest of the UI can do with the open connections. */
export interface SessionApi {
  /** The connection of the tab shown (what the header, frame, banners and views are about). */
  active: ActiveSession | null;
  /** Every open connection, in tab order. */
  sessions: readonly ActiveSession[];
  /** Id of the profile being opened right now, for a spinner on its Connect button. */
  connectingId: string | null;
  /** Opens the profile in a new tab, or shows its tab when already open (reconnecting a lost session). */
  connect(profile: ConnectionProfile): Promise<void>;
  /** Closes the tab shown (asking first when it holds an unsaved edit). */
  disconnect(): void;
  /** Shows the tab of a connection id. */
  activate(connectionId: string): void;
  /** Shows the next (1) or previous (-1) tab, or the tab of a digit key (Ctrl+1…9). */
  cycle(step: 1 | -1): void;
  showDigit(digit: number): void;
  /** Closes a tab and its session in the core (asking first when it holds an unsaved edit). */
  close(connectionId: string): void;
  /** Where value editors say they hold an unsaved edit, so closing their tab can ask. */
  unsaved: UnsavedEdits;
}
