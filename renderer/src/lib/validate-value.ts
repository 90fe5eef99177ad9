import type { TFunction } from 'i18next';
import { parseDocument, type YAMLError } from 'yaml';
import { jsonErrorOffset } from './json-error-offset.js';
import type { ValueFormat } from './value-format.js';

/** The outcome of checking a value before save; line and column are 1-based. */
export type ValidationResult = { ok: true } | { ok: false; message: string; line: number; column: number };

/**
 * Checks JSON and YAML syntax; other formats are always accepted. The sentence is in the UI's language
 * (`t` of the value namespace): a YAML problem is told from the parser's stable error code, not its
 * English message.
 */
export function validateValue(text: string, format: ValueFormat, t: TFunction<'value'>): ValidationResult {
  if (format === 'json') return validateJson(text, t);
  if (format === 'yaml') return validateYaml(text, t);
  return { ok: true };
}

/**
 * 1-based line and column of a character offset. An error found only at the very end (an unclosed
 * bracket) is shown at the end of the last line that has text, not on an empty line after it.
 */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const end = offset >= text.trimEnd().length ? text.trimEnd().length : offset;
  const before = text.slice(0, Math.max(0, end));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function validateJson(text: string, t: TFunction<'value'>): ValidationResult {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch {
    const offset = jsonErrorOffset(text) ?? text.length;
    const found = text[offset];
    const message =
      found === undefined
        ? t('validation.jsonEnd')
        : t('validation.jsonUnexpected', { found: JSON.stringify(found) });
    return { ok: false, message, ...lineColumnAt(text, offset) };
  }
}

function validateYaml(text: string, t: TFunction<'value'>): ValidationResult {
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (!first) return { ok: true };
  const message = t('validation.yaml', { detail: yamlProblem(first, t) });
  return { ok: false, message, ...lineColumnAt(text, first.pos[0]) };
}

/** The parser's problem in the UI's language; a code newer than the catalogue keeps the parser's words. */
function yamlProblem(error: YAMLError, t: TFunction<'value'>): string {
  return t(`validation.yamlCodes.${error.code}`, { defaultValue: error.message });
}
