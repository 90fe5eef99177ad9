import { AppError } from '../../../shared/errors.js';

function escape(char: string): string {
  return /[\\^$.*+?()[\]{}|]/.test(char) ? `\\${char}` : char;
}

/**
 * One glob as a regular expression over relative paths: `*` and `?` stay within one name, `**` crosses
 * names, `/x/**` also matches `/x` itself. A pattern that does not start with `/` matches at any depth
 * (`*.bak` ignores every name ending in .bak).
 */
export function globToRegExp(glob: string): RegExp {
  if (glob.trim() === '') throw new AppError('INVALID_INPUT', 'An ignore pattern may not be empty.');
  const anchored = glob.startsWith('/') ? glob : `/**/${glob}`;
  let source = '';
  for (let i = 0; i < anchored.length; i++) {
    const char = anchored[i]!;
    if (char === '*' && anchored[i + 1] === '*') {
      const slashBefore = anchored[i - 1] === '/';
      const slashAfter = anchored[i + 2] === '/';
      if (slashBefore && slashAfter) {
        source = `${source.slice(0, -1)}(?:/.*)?/`;
        i += 2;
      } else if (slashBefore && i + 2 === anchored.length) {
        source = `${source.slice(0, -1)}(?:/.*)?`;
        i += 1;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += escape(char);
  }
  return new RegExp(`^${source}$`, 'u');
}

/** A predicate that is true for relative paths any of the globs match. */
export function compileIgnore(globs: readonly string[]): (path: string) => boolean {
  const patterns = globs.map(globToRegExp);
  if (patterns.length === 0) return () => false;
  return (path) => patterns.some((pattern) => pattern.test(path));
}
