import type { RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** The height of one line of the app's virtual lists (tree, compared keys, plan items). */
export const ROW_HEIGHT = 24;

/**
 * A virtualizer of fixed-height lines in `scrollRef`, drawing `overscan` lines (20 unless told) beyond the
 * view each way.
 */
export function useRowVirtualizer(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  getItemKey?: (index: number) => string,
  overscan = 20,
) {
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    ...(getItemKey ? { getItemKey } : {}),
  });
}
