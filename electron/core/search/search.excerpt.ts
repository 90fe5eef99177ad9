import { SEARCH_EXCERPT_CONTEXT } from '../../../shared/model/search.js';
import type { Range } from './text.matches.js';

/** The longest stretch of one match an excerpt shows; the rest of a longer match is cut. */
const MAX_MATCH_SHOWN = 4 * SEARCH_EXCERPT_CONTEXT;
const ELLIPSIS = '…';

export interface Excerpt {
  excerpt: string;
  /** The matches inside the excerpt, shifted to its offsets and clipped to it. */
  ranges: Range[];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** One line: a newline shows as ⏎ and other control characters as spaces, each one code unit (offsets hold). */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) => (char === '\n' ? '⏎' : ' '));
}

/**
 * The first match of `ranges` in `text` with up to SEARCH_EXCERPT_CONTEXT characters on each side, on one
 * line, `…` where text was cut, and every match that falls inside. Cuts never split a surrogate pair.
 */
export function excerptOf(text: string, ranges: readonly Range[]): Excerpt {
  const [first] = ranges;
  if (first === undefined) return { excerpt: oneLine(text.slice(0, 2 * SEARCH_EXCERPT_CONTEXT)), ranges: [] };
  let from = Math.max(0, first[0] - SEARCH_EXCERPT_CONTEXT);
  let to = Math.min(text.length, Math.min(first[1], first[0] + MAX_MATCH_SHOWN) + SEARCH_EXCERPT_CONTEXT);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from--;
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1)) && isLowSurrogate(text.charCodeAt(to)))
    to++;
  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < text.length ? ELLIPSIS : '';
  const shift = head.length - from;
  const inside: Range[] = [];
  for (const [start, end] of ranges) {
    if (start >= to) break;
    if (end < from || (end === from && start !== end)) continue;
    inside.push([Math.max(start, from) + shift, Math.min(end, to) + shift]);
  }
  return { excerpt: head + oneLine(text.slice(from, to)) + tail, ranges: inside };
}
