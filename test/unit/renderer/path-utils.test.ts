import { describe, expect, it } from 'vitest';
import { breadcrumbs, pathProblem, resolveUnder } from '../../../renderer/src/lib/path-utils.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'common');

describe('path utils', () => {
  it('builds breadcrumbs root first', () => {
    expect(breadcrumbs('/')).toEqual([{ name: '/', path: '/' }]);
    expect(breadcrumbs('/a/b')).toEqual([
      { name: '/', path: '/' },
      { name: 'a', path: '/a' },
      { name: 'b', path: '/a/b' },
    ]);
  });

  it('reports the same problems the core refuses', () => {
    expect(pathProblem('/', en)).toBeNull();
    expect(pathProblem('/a b/c', en)).toBeNull();
    expect(pathProblem('a', en)).toMatch(/start with/);
    expect(pathProblem('/a/', en)).toMatch(/end with/);
    expect(pathProblem('/a//b', en)).toMatch(/empty name/);
    expect(pathProblem('/a\u0000', en)).toMatch(/NUL/);
    expect(pathProblem('', en)).toMatch(/Enter/);
  });

  it('resolves typed create paths relative to the parent unless absolute', () => {
    expect(resolveUnder('/a', 'b/c')).toBe('/a/b/c');
    expect(resolveUnder('/', 'b')).toBe('/b');
    expect(resolveUnder('/a', '/x')).toBe('/x');
  });
});
