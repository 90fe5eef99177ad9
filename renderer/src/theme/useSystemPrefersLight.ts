import { useSyncExternalStore } from 'react';
import { SYSTEM_LIGHT_QUERY } from './applied-theme.js';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(SYSTEM_LIGHT_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return window.matchMedia(SYSTEM_LIGHT_QUERY).matches;
}

/** Whether the OS asks for a light theme, live: it changes when the operator switches the OS setting. */
export function useSystemPrefersLight(): boolean {
  return useSyncExternalStore(subscribe, snapshot);
}
