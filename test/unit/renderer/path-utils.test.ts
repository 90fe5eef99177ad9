import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  breadcrumbs,
  isSelfOrAncestor,
  joinPath,
  nameOf,
  parentPath,
  pathProblem,
  resolveUnder,
} from '../../../renderer/src/lib/path-utils.js';

describe('path utils', () => {
  it('finds parents and names without touching spaces or unicode', () => {
    expect(parentPath('/')).toBeNull();
    expect(parentPath('/a')).toBe('/');
    expect(parentPath('/a/b c/ ü ')).toBe('/a/b c');
    expect(nameOf('/a/b c/ ü ')).toBe(' ü ');
    expect(nameOf('/')).toBe('/');
  });

  it('joins under the root and under other nodes', () => {
    expect(joinPath('/', 'x')).toBe('/x');
    expect(joinPath('/a', 'x y')).toBe('/a/x y');
  });

  it('builds breadcrumbs root first', () => {
    expect(breadcrumbs('/')).toEqual([{ name: '/', path: '/' }]);
    expect(breadcrumbs('/a/b')).toEqual([
      { name: '/', path: '/' },
      { name: 'a', path: '/a' },
      { name: 'b', path: '/a/b' },
    ]);
    expect(ancestorsOf('/a/b/c')).toEqual(['/', '/a', '/a/b']);
  });

  it('knows ancestry by whole names, not string prefixes', () => {
    expect(isSelfOrAncestor('/a', '/a/b')).toBe(true);
    expect(isSelfOrAncestor('/a', '/a')).toBe(true);
    expect(isSelfOrAncestor('/', '/x')).toBe(true);
    expect(isSelfOrAncestor('/a', '/ab')).toBe(false);
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
