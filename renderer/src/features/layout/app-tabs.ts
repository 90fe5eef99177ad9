import type { Capabilities } from '../../../../shared/model/capabilities.js';

export type AppTab = 'browser' | 'services' | 'cluster' | 'compare' | 'audit';

export const APP_TAB_LABELS: Record<AppTab, string> = {
  browser: 'Browser',
  services: 'Services',
  cluster: 'Cluster',
  compare: 'Compare',
  audit: 'Audit log',
};

/** The window's tabs for the open connection: registry views only where its capabilities allow. */
export function availableTabs(capabilities: Capabilities | null): AppTab[] {
  return [
    'browser',
    ...(capabilities?.serviceRegistry ? (['services'] as const) : []),
    ...(capabilities?.catalog ? (['cluster'] as const) : []),
    'compare',
    'audit',
  ];
}
