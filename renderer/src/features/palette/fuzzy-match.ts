/**
 * How well a typed query matches a text, for ranking palette entries: higher is better, null is no match.
 * Case-insensitive. Bands, best first: the whole text, a prefix, a substring starting a word, any
 * substring, then the query's characters in order with gaps (a subsequence), where fewer and shorter gaps
 * and characters starting words rank higher. Within a band an earlier and a shorter match wins.
 */
export function matchScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const t = text.toLowerCase();
  if (t === q) return 10_000;
  if (t.startsWith(q)) return 8_000 - Math.min(t.length - q.length, 999);
  const wordStart = substringAtWordStart(t, q);
  if (wordStart !== null) return 6_000 - Math.min(wordStart, 999) - Math.min(t.length, 999) / 1000;
  const index = t.indexOf(q);
  if (index >= 0) return 4_000 - Math.min(index, 999) - Math.min(t.length, 999) / 1000;
  return subsequenceScore(q, t);
}

const WORD_BREAK = /[\s/._:-]/;

function startsWord(text: string, index: number): boolean {
  return index === 0 || WORD_BREAK.test(text[index - 1]!);
}

function substringAtWordStart(text: string, query: string): number | null {
  for (let i = text.indexOf(query); i >= 0; i = text.indexOf(query, i + 1)) {
    if (startsWord(text, i)) return i;
  }
  return null;
}

/** The query's characters in order: 1..2000, or null when absent. */
function subsequenceScore(query: string, text: string): number | null {
  // Word starts read better ("ob" in "open browser" takes the b of browser); plain greedy when that fails.
  return subsequenceWalk(query, text, true) ?? subsequenceWalk(query, text, false);
}

function subsequenceWalk(query: string, text: string, preferWordStarts: boolean): number | null {
  let from = 0;
  let first = -1;
  let gaps = 0;
  let wordStarts = 0;
  for (const char of query) {
    if (WORD_BREAK.test(char)) continue;
    let at = text.indexOf(char, from);
    if (at < 0) return null;
    if (preferWordStarts && !startsWord(text, at)) {
      for (let next = text.indexOf(char, at + 1); next >= 0; next = text.indexOf(char, next + 1)) {
        if (startsWord(text, next)) {
          at = next;
          break;
        }
      }
    }
    if (first < 0) first = at;
    else if (at > from) gaps += 1;
    if (startsWord(text, at)) wordStarts += 1;
    from = at + 1;
  }
  if (first < 0) return null;
  const span = from - first;
  const score = 1_000 + wordStarts * 50 - gaps * 40 - (span - query.length) * 2 - first;
  return Math.max(1, Math.min(2_000, score));
}

/** The items that match, best first (equal scores keep their order), each with its best text's score. */
export function rankByMatch<T>(
  items: readonly T[],
  query: string,
  textsOf: (item: T) => readonly string[],
): { item: T; score: number }[] {
  const ranked: { item: T; score: number; order: number }[] = [];
  items.forEach((item, order) => {
    let best: number | null = null;
    for (const text of textsOf(item)) {
      const score = matchScore(query, text);
      if (score !== null && (best === null || score > best)) best = score;
    }
    if (best !== null) ranked.push({ item, score: best, order });
  });
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  return ranked.map(({ item, score }) => ({ item, score }));
}
