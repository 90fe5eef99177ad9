import { describe, expect, it } from 'vitest';
import type { KvEntry } from './consul.schemas.js';
import { pathOfKey, StreamNodes } from './consul.stream.state.js';

function entry(key: string, value: string, modifyIndex: number): KvEntry {
  return {
    Key: key,
    Value: Buffer.from(value).toString('base64'),
    Flags: '0',
    CreateIndex: String(modifyIndex),
    ModifyIndex: String(modifyIndex),
    LockIndex: '0',
  };
}

const text = (base64: string | null | undefined): string | null =>
  base64 == null ? null : Buffer.from(base64, 'base64').toString('utf8');

describe('StreamNodes: events from comparing Consul answers', () => {
  it('maps keys to tree paths, the folder key to its folder, keys with empty levels to none', () => {
    expect(pathOfKey('a/b')).toBe('/a/b');
    expect(pathOfKey('a/b/')).toBe('/a/b');
    expect(pathOfKey('a//b')).toBeNull();
    expect(pathOfKey('/x')).toBeNull();
  });

  it('reports nothing for an answer whose keys kept their ModifyIndex', () => {
    const nodes = new StreamNodes();
    nodes.start([entry('a', '1', 5), entry('b', '2', 6)]);
    expect(nodes.advance([entry('a', '1', 5), entry('b', '2', 6)], '90')).toEqual([]);
  });

  it('orders the events of one answer by ModifyIndex, deletes carrying the answer index', () => {
    const nodes = new StreamNodes();
    nodes.start([entry('gone', 'old', 3), entry('kept', 'v1', 4)]);
    const events = nodes.advance([entry('new', 'n', 12), entry('kept', 'v2', 10)], '13');
    expect(events.map((e) => [e.type, e.path, e.mark, e.version])).toEqual([
      ['changed', '/kept', '10', '10'],
      ['created', '/new', '12', '12'],
      ['deleted', '/gone', '13', null],
    ]);
    expect([text(events[0]!.before?.base64), text(events[0]!.after?.base64)]).toEqual(['v1', 'v2']);
    expect(text(events[2]!.before?.base64)).toBe('old');
  });

  it('follows the value rule: the plain key wins over the folder key, which shows once the plain key goes', () => {
    const nodes = new StreamNodes();
    nodes.start([entry('a/', 'folder value', 2)]);
    const both = nodes.advance([entry('a/', 'folder value', 2), entry('a', 'plain', 7)], '7');
    expect(both.map((e) => [e.type, e.path, text(e.before?.base64), text(e.after?.base64)])).toEqual([
      ['changed', '/a', 'folder value', 'plain'],
    ]);
    const back = nodes.advance([entry('a/', 'folder value', 2)], '8');
    // Nothing was written to `a/`: the change is the delete of `a`, ordered by the answer's index.
    expect(back.map((e) => [e.type, e.mark, e.version, text(e.after?.base64)])).toEqual([
      ['changed', '8', '2', 'folder value'],
    ]);
  });
});
