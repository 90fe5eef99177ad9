import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  childPath,
  isSelfOrAncestor,
  nameOf,
  parentPath,
  pathDepth,
} from '../../../shared/paths.js';

describe('path algebra', () => {
  it('composes children under the root and under other nodes, names kept exactly', () => {
    expect(childPath('/', 'x')).toBe('/x');
    expect(childPath('/a', 'x y')).toBe('/a/x y');
    expect(childPath('/a', 'b/c')).toBe('/a/b/c');
  });

  it('finds parents and names without touching spaces or unicode; the root has no parent', () => {
    expect(parentPath('/')).toBeNull();
    expect(parentPath('/a')).toBe('/');
    expect(parentPath('/a/b c/ ü ')).toBe('/a/b c');
    expect(nameOf('/a/b c/ ü ')).toBe(' ü ');
    expect(nameOf('/')).toBe('/');
  });

  it('counts depth and lists ancestors root first, without the path itself', () => {
    expect(pathDepth('/')).toBe(0);
    expect(pathDepth('/a')).toBe(1);
    expect(pathDepth('/a/b/c')).toBe(3);
    expect(ancestorsOf('/')).toEqual([]);
    expect(ancestorsOf('/a')).toEqual(['/']);
    expect(ancestorsOf('/a/b/c')).toEqual(['/', '/a', '/a/b']);
  });

  it('knows ancestry by whole names, not string prefixes', () => {
    expect(isSelfOrAncestor('/a', '/a/b')).toBe(true);
    expect(isSelfOrAncestor('/a', '/a')).toBe(true);
    expect(isSelfOrAncestor('/', '/x')).toBe(true);
    expect(isSelfOrAncestor('/a', '/ab')).toBe(false);
    expect(isSelfOrAncestor('/a/b', '/a')).toBe(false);
  });
});
