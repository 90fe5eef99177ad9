/** A piece of an excerpt, matched or not. */
export interface ExcerptSegment {
  text: string;
  matched: boolean;
}

/**
 * An excerpt cut at its matched ranges ([start, end) in UTF-16 offsets), in order. Ranges out of bounds
 * are clipped, overlapping ones merged, so a bad range can never hide or repeat text.
 */
export function excerptSegments(
  excerpt: string,
  ranges: readonly (readonly [number, number])[],
): ExcerptSegment[] {
  const clipped = ranges
    .map(
      ([start, end]) =>
        [Math.max(0, Math.min(start, excerpt.length)), Math.max(0, Math.min(end, excerpt.length))] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const segments: ExcerptSegment[] = [];
  let at = 0;
  for (const [start, end] of clipped) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: excerpt.slice(at, from), matched: false });
    segments.push({ text: excerpt.slice(from, end), matched: true });
    at = end;
  }
  if (at < excerpt.length) segments.push({ text: excerpt.slice(at), matched: false });
  return segments;
}
