import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

// navigator.languages is a fresh array on some engines: compare by its joined text to keep a stable value.
function snapshot(): string {
  return (navigator.languages?.length ? navigator.languages : [navigator.language]).join(',');
}

/** The OS/browser locales in preference order, followed live (the `languagechange` event). */
export function useSystemLocales(): readonly string[] {
  const joined = useSyncExternalStore(subscribe, snapshot, () => 'en-US');
  return joined.split(',').filter(Boolean);
}
