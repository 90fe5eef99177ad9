import { preferencesSchema, type Preferences } from '../../../../shared/model/preferences.js';

/** Where the preferences are kept: the window's localStorage (per machine, like the window's size). */
const STORAGE_KEY = 'configdeck.preferences';

/** The stored preferences, or the defaults when there are none or they cannot be read. */
export function readPreferences(storage: Storage | undefined = globalThis.localStorage): Preferences {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    return preferencesSchema.parse(raw ? JSON.parse(raw) : {});
  } catch {
    // A damaged entry (hand-edited, another version's) is not worth an error: the defaults apply.
    return preferencesSchema.parse({});
  }
}

/** Keeps the preferences; a storage that refuses (private mode, quota) only loses the choice. */
export function writePreferences(
  preferences: Preferences,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Nothing to do: the choice still applies to this window until it closes.
  }
}
