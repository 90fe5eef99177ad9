import { describe, expect, it } from 'vitest';
import { breadcrumbs, pathProblem, resolveUnder } from '../../../renderer/src/lib/path-utils.js';

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
    expect(pathProblem('/')).toBeNull();
    expect(pathProblem('/a b/c')).toBeNull();
    expect(pathProblem('a')).toMatch(/start with/);
    expect(pathProblem('/a/')).toMatch(/end with/);
    expect(pathProblem('/a//b')).toMatch(/empty name/);
    expect(pathProblem('/a\u0000')).toMatch(/NUL/);
    expect(pathProblem('')).toMatch(/Enter/);
  });

  it('resolves typed create paths relative to the parent unless absolute', () => {
    expect(resolveUnder('/a', 'b/c')).toBe('/a/b/c');
    expect(resolveUnder('/', 'b')).toBe('/b');
    expect(resolveUnder('/a', '/x')).toBe('/x');
  });
});
