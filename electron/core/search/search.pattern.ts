import { AppError } from '../../../shared/errors.js';
import type { PathPattern, ValuePattern } from '../../../shared/model/search.js';
import { globToRegExp } from '../sync/ignore.glob.js';

function escapeRegExp(text: string): string {
  // Not `-` nor `/`: escaping them is an error under the `u` flag, and neither is special outside a class.
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * A user's regex as a global one. Unicode mode first (`.` and classes then take whole characters, so a
 * match never splits a surrogate pair); a pattern that only the legacy syntax accepts (`\-`) still works.
 */
function compileRegex(text: string, caseSensitive: boolean, what: string): RegExp {
  const flags = caseSensitive ? 'g' : 'gi';
  try {
    return new RegExp(text, `${flags}u`);
  } catch {
    try {
      return new RegExp(text, flags);
    } catch (error) {
      const why =
        error instanceof Error
          ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')
          : '';
      throw new AppError('INVALID_INPUT', `The ${what} regex "${text}" is not valid (${why}).`);
    }
  }
}

/** A substring or regex pattern as one global RegExp; INVALID_INPUT in one sentence for a bad regex. */
export function compileTextPattern(
  pattern: Pick<ValuePattern, 'mode' | 'text'>,
  caseSensitive: boolean,
  what: 'path' | 'value',
): RegExp {
  if (pattern.mode === 'regex') return compileRegex(pattern.text, caseSensitive, what);
  return new RegExp(escapeRegExp(pattern.text), caseSensitive ? 'gu' : 'giu');
}

/**
 * A path pattern as a global RegExp over paths relative to the source root. A glob matches the whole
 * path, as ignore globs do (`*.json` at any depth, `/app/**` below /app).
 */
export function compilePathPattern(pattern: PathPattern, caseSensitive: boolean): RegExp {
  if (pattern.mode !== 'glob')
    return compileTextPattern({ mode: pattern.mode, text: pattern.text }, caseSensitive, 'path');
  if (pattern.text.trim() === '') throw new AppError('INVALID_INPUT', 'A path glob may not be blank.');
  const glob = globToRegExp(pattern.text);
  return new RegExp(glob.source, caseSensitive ? 'gu' : 'giu');
}
