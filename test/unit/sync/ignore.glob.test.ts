import { describe, expect, it } from 'vitest';
import { compileIgnore, globToRegExp } from '../../../electron/core/sync/ignore.glob.js';
import { ignoreWithAncestors } from '../../../electron/core/sources/ignore.tree.js';

describe('ignore globs', () => {
  it('keeps * and ? within one name and lets ** cross names', () => {
    expect(globToRegExp('/a/*').test('/a/b')).toBe(true);
    expect(globToRegExp('/a/*').test('/a/b/c')).toBe(false);
    expect(globToRegExp('/a/**').test('/a/b/c')).toBe(true);
    expect(globToRegExp('/a/**').test('/a')).toBe(true);
    expect(globToRegExp('/a/**/z').test('/a/z')).toBe(true);
    expect(globToRegExp('/a/**/z').test('/a/b/c/z')).toBe(true);
    expect(globToRegExp('/k?y').test('/key')).toBe(true);
    expect(globToRegExp('/k?y').test('/k/y')).toBe(false);
  });

  it('matches a pattern without a leading slash at any depth', () => {
    const ignore = compileIgnore(['*.bak', '/secrets']);
    expect(ignore('/x.bak')).toBe(true);
    expect(ignore('/a/b/x.bak')).toBe(true);
    expect(ignore('/a/x.baker')).toBe(false);
    expect(ignore('/secrets')).toBe(true);
    expect(ignore('/a/secrets')).toBe(false);
  });

  it('takes regular expression characters literally', () => {
    const ignore = compileIgnore(['/a.(b)+[c]']);
    expect(ignore('/a.(b)+[c]')).toBe(true);
    expect(ignore('/aX(b)+[c]')).toBe(false);
  });

  it('extends an ignored folder to its whole subtree', () => {
    const ignored = ignoreWithAncestors(compileIgnore(['/secrets']));
    expect(ignored('/secrets/db/password')).toBe(true);
    expect(ignored('/public/secrets')).toBe(false);
  });

  it('refuses an empty pattern', () => {
    expect(() => compileIgnore([' '])).toThrow(/may not be empty/);
  });
});
