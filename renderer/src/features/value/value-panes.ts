import type { Capabilities } from '../../../../shared/model/capabilities.js';

/** What the value panel can show for a node: the value, its earlier versions, its listening clients. */
export type ValuePane = 'value' | 'history' | 'listeners';

export const VALUE_PANE_LABELS: Record<ValuePane, string> = {
  value: 'Value',
  history: 'History',
  listeners: 'Listeners',
};

/**
 * The panes of a node: history and listeners where the store has them and the node holds a value of its
 * own (a Nacos namespace or group has neither); just ['value'] otherwise.
 */
export function valuePanes(capabilities: Capabilities, hasValue: boolean): ValuePane[] {
  if (!hasValue) return ['value'];
  return [
    'value',
    ...(capabilities.history ? (['history'] as const) : []),
    ...(capabilities.listeners ? (['listeners'] as const) : []),
  ];
}
