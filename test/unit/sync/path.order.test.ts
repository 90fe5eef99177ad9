import { describe, expect, it } from 'vitest';
import { comparePaths } from '../../../electron/core/sync/path.order.js';

describe('path order', () => {
  it('sorts as a tree: a folder is followed by its children before its siblings', () => {
    const paths = ['/a-b', '/a/b', '/b', '/a', '/a/b/c', '/a!', '/A'];
    expect([...paths].sort(comparePaths)).toEqual(['/A', '/a', '/a/b', '/a/b/c', '/a!', '/a-b', '/b']);
  });

  it('orders names by code point, astral characters after the rest of the BMP', () => {
    const paths = ['/\u{1F600}', '/\uFFFD', '/é', '/z'];
    expect([...paths].sort(comparePaths)).toEqual(['/z', '/é', '/\uFFFD', '/\u{1F600}']);
  });
});
