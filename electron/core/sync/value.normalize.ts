import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/**
 * The yaml parser, loaded on the first value that needs it (YAML, or JSON with long integers): it costs
 * about 9 MiB of the main process, and most sessions never normalise a value. Node caches the module.
 */
function yaml(): typeof Yaml {
  return createRequire(import.meta.url)('yaml') as typeof Yaml;
}

/** How values are compared: as bytes, or as JSON / YAML data (key order and whitespace do not count). */
export type Normalization = 'json' | 'yaml' | null;

/** Integers longer than this lose digits as JS numbers: parse them exactly instead. */
const LONG_INTEGER = /\d{16,}/;

/**
 * Canonical text of a parsed value: object keys sorted, no whitespace, big integers exact, non-finite
 * numbers kept apart (plain JSON would turn them all into null).
 */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number')
    return Number.isFinite(value) ? JSON.stringify(value) : `"#${String(value)}"`;
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Map) return canonical(Object.fromEntries(value));
  if (value instanceof Set) return canonical([...value]);
  if (ArrayBuffer.isView(value))
    return JSON.stringify(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function parseJson(text: string): unknown {
  // JSON.parse is fast but rounds long integers; the yaml parser with the JSON schema keeps them exact.
  return LONG_INTEGER.test(text)
    ? yaml().parse(text, { schema: 'json', intAsBigInt: true })
    : JSON.parse(text);
}

function parseYaml(text: string): unknown {
  const documents = yaml().parseAllDocuments(text, { intAsBigInt: true });
  if (!Array.isArray(documents)) return null; // an empty stream
  if (documents.some((doc) => doc.errors.length > 0)) throw new Error('not YAML');
  const values = documents.map((doc) => doc.toJS({ maxAliasCount: 1000 }) as unknown);
  return values.length === 1 ? values[0] : values;
}

/**
 * The canonical text of a value read as JSON or YAML data, or null when it is empty, binary or does not
 * parse (such values are compared as bytes).
 */
export function normalizeValue(bytes: Buffer, mode: Normalization): string | null {
  if (mode === null || bytes.length === 0 || !isUtf8(bytes)) return null;
  const text = bytes.toString('utf8');
  try {
    return canonical(mode === 'json' ? parseJson(text) : parseYaml(text));
  } catch {
    return null;
  }
}
