import type { RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** The height of one line of the app's virtual lists (tree, compared keys, plan items). */
export const ROW_HEIGHT = 24;

/** A virtualizer of fixed-height lines in `scrollRef`, drawing 20 lines beyond the view each way. */
export function useRowVirtualizer(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  getItemKey?: (index: number) => string,
) {
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    ...(getItemKey ? { getItemKey } : {}),
  });
}
