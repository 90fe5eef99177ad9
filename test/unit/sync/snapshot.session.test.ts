import { describe, expect, it } from 'vitest';
import { SnapshotSession } from '../../../electron/core/backends/snapshot/snapshot.session.js';
import { snapshotSource } from './support/snapshots.js';

describe('snapshot session (a snapshot browsed like a store)', () => {
  const source = snapshotSource('s', {
    '/app/a': '1',
    '/app/b': '22',
    '/app/c': '333',
    '/app': 'folder value',
    '/other/deep/key': 'x',
  });
  const session = new SnapshotSession(source.tree, 'snap.json');

  it('lists children page by page with what each holds', async () => {
    const first = await session.listChildren('/app', { cursor: null, limit: 2, filter: null });
    expect(first.entries.map((e) => [e.name, e.hasValue, e.childCount, e.dataLength])).toEqual([
      ['a', true, 0, 1],
      ['b', true, 0, 2],
    ]);
    expect(first.total).toBe(3);
    const second = await session.listChildren('/app', { cursor: first.nextCursor, limit: 2, filter: null });
    expect(second.entries.map((e) => e.name)).toEqual(['c']);
    expect(second.nextCursor).toBeNull();
    const root = await session.listChildren('/', { cursor: null, limit: 10, filter: 'OTH' });
    expect(root.entries).toMatchObject([{ name: 'other', hasValue: false, childCount: 1 }]);
  });

  it('reads keys and folders, and says NOT_FOUND elsewhere', async () => {
    const app = await session.get('/app', { maxBytes: 6 });
    expect(app).toMatchObject({ hasValue: true, size: 12, truncated: true, childCount: 3, token: null });
    expect(Buffer.from(app.valueBase64, 'base64').toString()).toBe('folder');
    expect(await session.get('/other', { maxBytes: 0 })).toMatchObject({ hasValue: false, childCount: 1 });
    await expect(session.get('/missing', { maxBytes: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await session.countSubtree('/app')).toBe(4);
  });

  it('refuses every write with READ_ONLY', async () => {
    await expect(session.set()).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(session.create()).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(session.delete()).rejects.toMatchObject({ code: 'READ_ONLY' });
  });
});
