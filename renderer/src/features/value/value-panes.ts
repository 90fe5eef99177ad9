import type { Capabilities } from '../../../../shared/model/capabilities.js';

/** What the value panel can show for a node: the value, its earlier versions, its listening clients. */
export type ValuePane = 'value' | 'history' | 'listeners' | 'watchers';

/**
 * The panes of a node that holds a value of its own (a Nacos namespace or group, an etcd folder hold none:
 * just ['value']): History on every store (the server's versions where it keeps them, else what this
 * machine's audit and the Watch tab recorded: capability `history` only says the server keeps some);
 * Listeners where the store has them; Watchers (who watches, who owns) where the store can tell, or where
 * its kind has a sentence saying it cannot (`watchersUnknown`).
 */
export function valuePanes(
  capabilities: Capabilities,
  hasValue: boolean,
  watchersUnknown: string | null = null,
): ValuePane[] {
  if (!hasValue) return ['value'];
  const watchers = capabilities.watchers || capabilities.owners || watchersUnknown !== null;
  return [
    'value',
    'history',
    // The Watchers pane answers the listener question too (with who published a stale version): one pane.
    ...(capabilities.listeners && !capabilities.watchers ? (['listeners'] as const) : []),
    ...(watchers ? (['watchers'] as const) : []),
  ];
}
