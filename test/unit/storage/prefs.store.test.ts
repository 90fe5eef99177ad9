import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREFS_LIMITS, PrefsStore } from '../../../electron/core/storage/prefs.store.js';

describe('PrefsStore', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-prefs-'));
    file = join(dir, 'prefs.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives null for a key never set', async () => {
    expect(await new PrefsStore(file).get('view./a')).toBeNull();
  });

  it('round-trips JSON values and keeps them across instances', async () => {
    const prefs = new PrefsStore(file);
    await prefs.set('decoder', 'json');
    await prefs.set('layout', { split: [0.3, 0.7], collapsed: false, note: null });
    const reopened = new PrefsStore(file);
    expect(await reopened.get('decoder')).toBe('json');
    expect(await reopened.get('layout')).toEqual({ split: [0.3, 0.7], collapsed: false, note: null });
  });

  it('removes a key set to null or undefined', async () => {
    const prefs = new PrefsStore(file);
    await prefs.set('a', 1);
    await prefs.set('b', 2);
    await prefs.set('a', null);
    await prefs.set('b', undefined);
    expect(await new PrefsStore(file).get('a')).toBeNull();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, entries: [] });
  });

  it('does not let a caller change the cached value by mutating a result', async () => {
    const prefs = new PrefsStore(file);
    await prefs.set('list', [1, 2]);
    ((await prefs.get('list')) as number[]).push(3);
    expect(await prefs.get('list')).toEqual([1, 2]);
  });

  it.each([
    ['a function', () => 1],
    ['NaN', Number.NaN],
    ['a Date', new Date()],
    ['a bigint', 10n],
    ['an undefined field', { a: undefined }],
    ['a Map', new Map()],
  ])('refuses %s with INVALID_INPUT', async (_what, value) => {
    await expect(new PrefsStore(file).set('k', value)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses a circular value', async () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    await expect(new PrefsStore(file).set('k', loop)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses a value larger than the per-value limit with TOO_LARGE', async () => {
    const big = 'x'.repeat(PREFS_LIMITS.maxValueBytes + 1);
    await expect(new PrefsStore(file).set('k', big)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('drops the least recently set keys beyond the key limit, integer-like keys included', async () => {
    const prefs = new PrefsStore(file, { ...PREFS_LIMITS, maxKeys: 3 });
    await prefs.set('2', 'two');
    await prefs.set('1', 'one');
    await prefs.set('b', 'b');
    await prefs.set('2', 'two again'); // refreshes "2": now "1" is the oldest
    await prefs.set('c', 'c');
    const reopened = new PrefsStore(file);
    expect(await reopened.get('1')).toBeNull();
    expect(await reopened.get('2')).toBe('two again');
    expect(await reopened.get('b')).toBe('b');
    expect(await reopened.get('c')).toBe('c');
  });

  it('keeps at most 5,000 keys with the default limits', async () => {
    const entries = Array.from({ length: PREFS_LIMITS.maxKeys }, (_, i) => ({ key: `k${i}`, value: i }));
    await writeFile(file, JSON.stringify({ version: 1, entries }));
    const prefs = new PrefsStore(file);
    await prefs.set('newest', true);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: { key: string }[] };
    expect(saved.entries).toHaveLength(PREFS_LIMITS.maxKeys);
    expect(saved.entries[0]?.key).toBe('k1');
    expect(await prefs.get('newest')).toBe(true);
  });

  it('drops the oldest keys beyond the total size limit', async () => {
    const prefs = new PrefsStore(file, { maxKeys: 100, maxValueBytes: 1000, maxTotalBytes: 2500 });
    for (const key of ['a', 'b', 'c']) await prefs.set(key, 'x'.repeat(900));
    expect(await new PrefsStore(file).get('a')).toBeNull();
    expect(await new PrefsStore(file).get('c')).toBe('x'.repeat(900));
  });

  it('does not overwrite a corrupt prefs file', async () => {
    await writeFile(file, '{not json');
    const prefs = new PrefsStore(file);
    await expect(prefs.get('a')).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(prefs.set('a', 1)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await readFile(file, 'utf8')).toBe('{not json');
  });

  it('keeps every one of many concurrent sets', async () => {
    const prefs = new PrefsStore(file);
    await Promise.all(Array.from({ length: 30 }, (_, i) => prefs.set(`k${i}`, i)));
    const reopened = new PrefsStore(file);
    for (let i = 0; i < 30; i += 1) expect(await reopened.get(`k${i}`)).toBe(i);
  });
});
