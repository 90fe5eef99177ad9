import type { ChildEntry } from '../../../../shared/model/node.js';

/** One level's loaded children, read by position: its pages side by side, never copied into one array. */
export interface EntryList {
  readonly length: number;
  at(index: number): ChildEntry | undefined;
  /** The position of the child at `path`, or undefined when it is not loaded. */
  indexOf(path: string): number | undefined;
}

/**
 * The children of a level as its pages arrived. Joining the pages into one array cost a copy of every child
 * loaded so far (300,000 on a big znode) on every page; this keeps the pages and where each starts, so a page
 * costs only its place in the offsets, and a row is found by a binary search over the pages.
 */
export function pagedEntries(pages: readonly (readonly ChildEntry[])[]): EntryList {
  const starts = new Array<number>(pages.length);
  let length = 0;
  for (const [i, page] of pages.entries()) {
    starts[i] = length;
    length += page.length;
  }
  const pageOf = (index: number): number => {
    let low = 0;
    let high = pages.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return {
    length,
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= length) return undefined;
      const page = pageOf(index);
      return pages[page]![index - starts[page]!];
    },
    indexOf(path) {
      // A scan: the order of a store's listing is its own (bytes, UTF-16, locale), so no search can trust
      // it; the tree asks this only for expanded children, and a scan compares strings without allocating.
      for (const [i, page] of pages.entries()) {
        for (let j = 0; j < page.length; j++) if (page[j]!.path === path) return starts[i]! + j;
      }
      return undefined;
    },
  };
}
