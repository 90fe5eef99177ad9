import { describe, expect, it } from 'vitest';
import type { ZkStat } from './client/index.js';
import { compareAfterGap, type GapBaseline } from './zookeeper.stream.gap.js';
import type { ReadNode, SubtreeRead } from './zookeeper.stream.reads.js';

function stat(czxid: bigint, mzxid: bigint): ZkStat {
  return {
    czxid,
    mzxid,
    ctime: 0,
    mtime: 0,
    version: 0,
    cversion: 0,
    aversion: 0,
    ephemeralOwner: 0n,
    dataLength: 0,
    numChildren: 0,
    pzxid: czxid,
  };
}

function read(
  nodes: Record<string, [bigint, bigint]>,
  children: Record<string, string[]>,
  truncated = false,
): SubtreeRead {
  const map = new Map<string, ReadNode>();
  for (const [path, [c, m]] of Object.entries(nodes))
    map.set(path, { data: Buffer.alloc(0), stat: stat(c, m) });
  return {
    nodes: map,
    children: new Map(Object.entries(children).map(([path, names]) => [path, new Set(names)])),
    unreadable: new Set(),
    truncated,
  };
}

function baseline(nodes: Record<string, [bigint, bigint]>, overflowed = false): GapBaseline {
  return {
    get: (path) => (nodes[path] ? { czxid: nodes[path][0], mzxid: nodes[path][1] } : undefined),
    paths: () => Object.keys(nodes),
    overflowed,
  };
}

const kinds = (differences: ReturnType<typeof compareAfterGap>): string[] =>
  differences.map((difference) => `${difference.type} ${difference.path}`);

describe('compareAfterGap', () => {
  it('finds nodes deleted (deepest first), changed, created and replaced', () => {
    const before = baseline({
      '/r': [1n, 1n],
      '/r/same': [2n, 2n],
      '/r/changed': [3n, 3n],
      '/r/gone': [4n, 4n],
      '/r/gone/leaf': [5n, 5n],
      '/r/replaced': [6n, 6n],
    });
    const after = read(
      {
        '/r': [1n, 1n],
        '/r/same': [2n, 2n],
        '/r/changed': [3n, 9n],
        '/r/replaced': [10n, 10n],
        '/r/new': [11n, 11n],
      },
      {
        '/r': ['same', 'changed', 'replaced', 'new'],
        '/r/same': [],
        '/r/changed': [],
        '/r/replaced': [],
        '/r/new': [],
      },
    );
    expect(kinds(compareAfterGap(before, after, '/r', 8n))).toEqual([
      'deleted /r/gone/leaf',
      'deleted /r/gone',
      'deleted /r/replaced',
      'changed /r/changed',
      'created /r/new',
      'created /r/replaced',
    ]);
  });

  it('takes a node the bounded read did not reach for unchanged, not deleted', () => {
    const before = baseline({ '/r': [1n, 1n], '/r/a': [2n, 2n], '/r/a/deep': [3n, 3n], '/r/b': [4n, 4n] });
    // /r was listed with a and b, only a was read (the limit), and a was not listed.
    const after = read({ '/r': [1n, 1n], '/r/a': [2n, 2n] }, { '/r': ['a', 'b'] }, true);
    expect(compareAfterGap(before, after, '/r', 5n)).toEqual([]);
  });

  it('reports everything deleted when the stream path itself is gone', () => {
    const before = baseline({ '/r': [1n, 1n], '/r/a': [2n, 2n] });
    expect(kinds(compareAfterGap(before, read({}, {}), '/r', 5n))).toEqual(['deleted /r/a', 'deleted /r']);
  });

  it('counts an unknown node as new only when created after the gap began, once nodes were left untracked', () => {
    const after = read(
      { '/r': [1n, 1n], '/r/untracked': [2n, 2n], '/r/new': [7n, 7n] },
      { '/r': ['untracked', 'new'], '/r/untracked': [], '/r/new': [] },
    );
    expect(kinds(compareAfterGap(baseline({ '/r': [1n, 1n] }, true), after, '/r', 5n))).toEqual([
      'created /r/new',
    ]);
    expect(kinds(compareAfterGap(baseline({ '/r': [1n, 1n] }, false), after, '/r', 5n))).toEqual([
      'created /r/new',
      'created /r/untracked',
    ]);
  });
});
