import type { IEvent } from 'etcd3';
import { describe, expect, it } from 'vitest';
import { streamEventOf, treePathOf } from './etcd.stream.event.js';
import { streamScope } from './etcd.stream.scope.js';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('etcd stream scope', () => {
  it('watches a subtree as one covering range and keeps only the node and the keys below it', () => {
    const scope = streamScope('/a', true);
    expect(scope).toMatchObject({ start: b('/a'), end: b('/a0') });
    expect(['/a', '/a/b', '/a/b/c'].every((k) => scope.includes(b(k)))).toBe(true);
    expect(['/a-b', '/a.b', '/ab'].some((k) => scope.includes(b(k)))).toBe(false);
    // For a user who may read only `/a/…`: the keys below, without the node itself.
    expect(scope.narrower).toMatchObject({ start: b('/a/'), end: b('/a0') });
    expect(scope.narrower!.includes(b('/a'))).toBe(false);
    expect(scope.narrower!.includes(b('/a/b'))).toBe(true);
  });

  it('watches one key alone, the root as everything, and the no-slash folder as the keys without a slash', () => {
    const key = streamScope('/a', false);
    expect(key.end).toBeNull();
    expect(key.includes(b('/a/b'))).toBe(false);
    expect(streamScope('/', true).includes(b('anything'))).toBe(true);
    const folder = streamScope('/(no leading slash)', true);
    expect(folder.includes(b('foo/bar'))).toBe(true);
    expect(folder.includes(b('/foo'))).toBe(false);
    expect(() => streamScope('/(no leading slash)', false)).toThrow(/not a key itself/);
  });
});

describe('etcd stream events', () => {
  const kv = (key: string, value: string, version: string, mod: string) => ({
    key: b(key),
    value: b(value),
    version,
    mod_revision: mod,
    create_revision: '1',
    lease: '0',
  });

  it('maps a first put to created, later puts to changed and deletes to deleted, with prev_kv as before', () => {
    const created = streamEventOf({
      type: 'Put',
      kv: kv('/a', 'x', '1', '5'),
      prev_kv: null,
    } as unknown as IEvent);
    expect(created).toMatchObject({
      type: 'created',
      mark: '5',
      version: '1',
      before: null,
      beforeKnown: true,
    });
    const changed = streamEventOf({
      type: 'Put',
      kv: kv('/a', 'y', '2', '6'),
      prev_kv: kv('/a', 'x', '1', '5'),
    } as IEvent);
    expect(changed).toMatchObject({ type: 'changed', version: '2', beforeKnown: true });
    expect(Buffer.from(changed!.before!.base64!, 'base64').toString()).toBe('x');
    const deleted = streamEventOf({
      type: 'Delete',
      kv: kv('/a', '', '0', '7'),
      prev_kv: null,
    } as unknown as IEvent);
    expect(deleted).toMatchObject({
      type: 'deleted',
      version: null,
      after: null,
      before: null,
      beforeKnown: false,
    });
  });

  it('leaves out keys without a tree path', () => {
    expect(treePathOf(b('/a//b'))).toBeNull();
    expect(treePathOf(b('/a/'))).toBeNull();
    expect(treePathOf(b('foo'))).toBe('/(no leading slash)/foo');
  });
});
