/**
 * The order of a window's connection tabs and which one is shown: a pure value, changed only through the
 * functions below, so the tab strip, the keyboard and closing a tab all follow the same rules.
 */
export interface TabOrder {
  /** Connection ids, left to right. */
  readonly ids: readonly string[];
  /** The tab shown, or null when no tab is open. */
  readonly activeId: string | null;
}

export const NO_TABS: TabOrder = { ids: [], activeId: null };

/** Opens `id` as the rightmost tab and shows it; an already open tab keeps its place and is shown. */
export function openTab(order: TabOrder, id: string): TabOrder {
  if (order.ids.includes(id)) return activateTab(order, id);
  return { ids: [...order.ids, id], activeId: id };
}

/** Shows `id`; unknown ids change nothing. */
export function activateTab(order: TabOrder, id: string): TabOrder {
  if (!order.ids.includes(id) || order.activeId === id) return order;
  return { ...order, activeId: id };
}

/**
 * Closes `id`. Closing the shown tab shows its right neighbour, or the left one when it was the last, as
 * browsers do: the eye stays where the closed tab was.
 */
export function closeTab(order: TabOrder, id: string): TabOrder {
  const index = order.ids.indexOf(id);
  if (index < 0) return order;
  const ids = order.ids.filter((other) => other !== id);
  if (order.activeId !== id) return { ids, activeId: order.activeId };
  return { ids, activeId: ids[Math.min(index, ids.length - 1)] ?? null };
}

/** Shows the next (`step` 1) or previous (-1) tab, wrapping around at the ends (Ctrl+Tab, Ctrl+Shift+Tab). */
export function cycleTab(order: TabOrder, step: 1 | -1): TabOrder {
  if (order.ids.length < 2 || order.activeId === null) return order;
  const index = order.ids.indexOf(order.activeId);
  const next = (index + step + order.ids.length) % order.ids.length;
  return activateTab(order, order.ids[next] ?? order.activeId);
}

/** Shows the tab of a digit key (Ctrl+1…Ctrl+8 the first eight, Ctrl+9 the last one, as browsers do). */
export function tabOfDigit(order: TabOrder, digit: number): TabOrder {
  if (digit < 1 || digit > 9 || order.ids.length === 0) return order;
  const id = digit === 9 ? order.ids.at(-1) : order.ids[digit - 1];
  return id === undefined ? order : activateTab(order, id);
}
