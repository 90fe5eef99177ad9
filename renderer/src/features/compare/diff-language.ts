import { detectFormat } from '../../lib/format-detect.js';
import type { ValueFormat } from '../../lib/value-format.js';

/**
 * The one format both sides of a value diff are highlighted as, detected the way the value editor does.
 * Binary on either side wins (shown as text, unhighlighted, as before); an absent or empty side has no
 * say; when the sides disagree the first one that is not plain text wins, so a JSON value edited into
 * invalid JSON on one side is still highlighted as JSON.
 */
export function diffFormat(left: Uint8Array | null, right: Uint8Array | null): ValueFormat {
  const formats = [left, right]
    .filter((bytes): bytes is Uint8Array => bytes !== null && bytes.length > 0)
    .map((bytes) => detectFormat(bytes));
  if (formats.includes('hex')) return 'hex';
  return formats.find((format) => format !== 'text') ?? 'text';
}
