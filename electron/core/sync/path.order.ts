const SLASH = 0x2f;

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

/**
 * Orders paths as a tree, name by name: `/a`, `/a/b`, `/a-b` (a separator sorts before every character),
 * names by Unicode code point (so the order is the same in any language that sorts code points or UTF-8
 * bytes). Used for diff entries, sync plans and snapshot files.
 */
export function comparePaths(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x === SLASH) return -1;
    if (y === SLASH) return 1;
    // UTF-16 puts astral characters (surrogate pairs) below U+E000..U+FFFF; code points put them above.
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
