import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Preferences } from '../../../../shared/model/preferences.js';
import { readPreferences, writePreferences } from './preferences-store.js';

interface PreferencesValue {
  preferences: Preferences;
  /** Changes one preference; it applies at once (no restart) and is kept for the next start. */
  setPreference: <K extends keyof Preferences>(key: K, value: Preferences[K]) => void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

/** Holds the operator's UI preferences (language, theme) for the whole window. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState<Preferences>(() => readPreferences());
  const setPreference = useCallback(<K extends keyof Preferences>(key: K, value: Preferences[K]) => {
    setPreferences((previous) => {
      const next = { ...previous, [key]: value };
      writePreferences(next);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ preferences, setPreference }), [preferences, setPreference]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

/** The UI preferences and the way to change them. */
export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
