import type { Range } from './text.matches.js';
import { findMatches } from './text.matches.js';

/** One key or scalar of a JSON document that matched, with where it sits. */
export interface JsonHit {
  field: 'json-key' | 'json-value';
  /** JSON pointer (RFC 6901) of the member or element; `` for a scalar document. */
  pointer: string;
  /** The key, or the scalar as text (a string's own text, numbers and booleans as JSON writes them). */
  text: string;
  ranges: Range[];
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whether text could be a JSON document at all: parsing is only tried for these. */
export function looksLikeJson(text: string): boolean {
  const first = text.trimStart().charCodeAt(0);
  // { [ " - 0-9 t f n
  return (
    first === 0x7b ||
    first === 0x5b ||
    first === 0x22 ||
    first === 0x2d ||
    (first >= 0x30 && first <= 0x39) ||
    first === 0x74 ||
    first === 0x66 ||
    first === 0x6e
  );
}

/** The document parsed, or undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  if (!looksLikeJson(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Every key and scalar of a parsed document that the regex matches, depth first in document order;
 * null values are not matched (there is no text to them).
 */
export function jsonHits(document: unknown, regex: RegExp): JsonHit[] {
  const hits: JsonHit[] = [];
  const scalar = (value: unknown, pointer: string): void => {
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
    else return;
    const ranges = findMatches(regex, text);
    if (ranges.length > 0) hits.push({ field: 'json-value', pointer, text, ranges });
  };
  const visit = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${pointer}/${index}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) {
        const at = `${pointer}/${escapePointer(key)}`;
        const ranges = findMatches(regex, key);
        if (ranges.length > 0) hits.push({ field: 'json-key', pointer: at, text: key, ranges });
        visit(member, at);
      }
    } else {
      scalar(value, pointer);
    }
  };
  visit(document, '');
  return hits;
}
