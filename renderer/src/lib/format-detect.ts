import { parse as parseYaml } from 'yaml';
import { decodeUtf8Strict } from './base64.js';
import type { ValueFormat } from './value-format.js';

// Control characters other than tab, newline, carriage return and form feed mark data as binary.
// eslint-disable-next-line no-control-regex
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
const PROPERTIES_LINE = /^\s*[^=:\s#!][^=]*=/;
const YAML_HINT = /^(---|\s*-\s|\s*[^\s#][^:]*:(\s|$))/m;
const XML_START = /^<(\?xml|!--|[A-Za-z_][\w.:-]*[\s/>])/;

/**
 * True when the bytes cannot be shown as text: invalid UTF-8 or control characters. A truncated value
 * may end inside a multi-byte character, so up to 3 trailing bytes are forgiven when `truncated`.
 */
export function isBinary(bytes: Uint8Array, truncated = false): boolean {
  const maxCut = truncated ? Math.min(3, bytes.length) : 0;
  for (let cut = 0; cut <= maxCut; cut++) {
    const text = decodeUtf8Strict(bytes.subarray(0, bytes.length - cut));
    if (text !== null) return BINARY_CONTROL.test(text);
  }
  return true;
}

/** Guesses the best view for a value: binary → hex, else JSON, XML, properties, YAML, plain text. */
export function detectFormat(bytes: Uint8Array): ValueFormat {
  const text = decodeUtf8Strict(bytes);
  if (text === null || BINARY_CONTROL.test(text)) return 'hex';
  return detectTextFormat(text);
}

/** Guesses the format of text already known to be valid UTF-8. */
export function detectTextFormat(text: string): ValueFormat {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'text';
  if (looksLikeJson(trimmed)) return 'json';
  if (XML_START.test(trimmed) && trimmed.endsWith('>')) return 'xml';
  if (looksLikeProperties(trimmed)) return 'properties';
  if (looksLikeYaml(trimmed)) return 'yaml';
  return 'text';
}

function looksLikeJson(trimmed: string): boolean {
  const first = trimmed[0];
  if (first !== '{' && first !== '[') return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function meaningfulLines(text: string, commentPrefixes: readonly string[]): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !commentPrefixes.some((p) => l.startsWith(p)));
}

function looksLikeProperties(trimmed: string): boolean {
  const lines = meaningfulLines(trimmed, ['#', '!']);
  return lines.length > 0 && lines.every((l) => PROPERTIES_LINE.test(l));
}

function looksLikeYaml(trimmed: string): boolean {
  if (!YAML_HINT.test(trimmed)) return false;
  try {
    const parsed: unknown = parseYaml(trimmed);
    return parsed !== null && typeof parsed === 'object';
  } catch {
    return false;
  }
}
