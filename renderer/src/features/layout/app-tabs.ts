import type { Capabilities } from '../../../../shared/model/capabilities.js';

export type AppTab =
  'browser' | 'watch' | 'servers' | 'services' | 'cluster' | 'access' | 'compare' | 'search' | 'audit';

/** English names of the tabs (for matching typed commands); the UI shows the catalogue's `layout:appTabs.<tab>`. */
// i18n-exempt: matched against what is typed in the palette, in English as well as in the UI's language.
export const APP_TAB_LABELS: Record<AppTab, string> = {
  browser: 'Browser',
  watch: 'Watch',
  servers: 'Servers',
  services: 'Services',
  cluster: 'Cluster',
  access: 'Access',
  compare: 'Compare',
  search: 'Search',
  audit: 'Audit log',
};

/**
 * The window's tabs for the open connection: the Watch, Servers and registry views only where its capabilities
 * allow; Compare, Search and the audit log always (they also work on snapshot files and saved connections).
 */
export function availableTabs(capabilities: Capabilities | null): AppTab[] {
  return [
    'browser',
    ...(capabilities?.eventStreams ? (['watch'] as const) : []),
    ...(capabilities?.servers ? (['servers'] as const) : []),
    ...(capabilities?.serviceRegistry ? (['services'] as const) : []),
    ...(capabilities?.catalog ? (['cluster'] as const) : []),
    ...(capabilities?.principals ? (['access'] as const) : []),
    'compare',
    'search',
    'audit',
  ];
}
