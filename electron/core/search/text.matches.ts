/** [start, end) of one match in UTF-16 offsets. */
export type Range = [number, number];

/**
 * Every match of a global regex in `text`, in order, at most `limit`. An empty match (`^`, `x*`) counts
 * once at its position and the scan moves on past it (by a whole character under the `u` flag).
 */
export function findMatches(regex: RegExp, text: string, limit = Number.POSITIVE_INFINITY): Range[] {
  const ranges: Range[] = [];
  regex.lastIndex = 0;
  while (ranges.length < limit) {
    const match = regex.exec(text);
    if (match === null) break;
    const start = match.index;
    const end = start + match[0].length;
    ranges.push([start, end]);
    if (end === start) {
      if (start >= text.length) break;
      const code = text.charCodeAt(start);
      const pair = regex.unicode && code >= 0xd800 && code <= 0xdbff;
      regex.lastIndex = start + (pair ? 2 : 1);
    }
  }
  regex.lastIndex = 0;
  return ranges;
}

/** Whether the regex matches `text` anywhere (cheaper than finding every match). */
export function hasMatch(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  const found = regex.test(text);
  regex.lastIndex = 0;
  return found;
}
