import { mkdtemp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { readJsonFile, writeJsonFileAtomic } from '../../../electron/core/storage/json-file.js';

const Schema = z.object({ version: z.literal(1), names: z.array(z.string()) });
const FALLBACK = { version: 1 as const, names: [] };

describe('json-file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-json-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the fallback for a missing file', async () => {
    expect(await readJsonFile(join(dir, 'none.json'), Schema, FALLBACK)).toEqual(FALLBACK);
  });

  it('round-trips a value and creates missing parent directories', async () => {
    const file = join(dir, 'a', 'b', 'data.json');
    await writeJsonFileAtomic(file, { version: 1, names: ['x', 'y'] });
    expect(await readJsonFile(file, Schema, FALLBACK)).toEqual({ version: 1, names: ['x', 'y'] });
  });

  it('writes with mode 0600 by default, or the mode asked for', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await writeJsonFileAtomic(a, { version: 1, names: [] });
    await writeJsonFileAtomic(b, { version: 1, names: [] }, 0o644);
    expect((await stat(a)).mode & 0o777).toBe(0o600);
    expect((await stat(b)).mode & 0o777).toBe(0o644);
  });

  it('rejects malformed JSON with INTERNAL naming the file, and leaves the file alone', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, '{"version": 1, "names": [');
    const error = await readJsonFile(file, Schema, FALLBACK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INTERNAL');
    expect((error as AppError).message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe('{"version": 1, "names": [');
  });

  it('rejects JSON that does not match the schema', async () => {
    const file = join(dir, 'wrong.json');
    await writeFile(file, JSON.stringify({ version: 1, names: [3] }));
    await expect(readJsonFile(file, Schema, FALLBACK)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('names.0'),
    });
  });

  it('replaces an existing file and leaves no temp files behind', async () => {
    const file = join(dir, 'data.json');
    await writeJsonFileAtomic(file, { version: 1, names: ['old'] });
    await writeJsonFileAtomic(file, { version: 1, names: ['new'] });
    expect(await readJsonFile(file, Schema, FALLBACK)).toEqual({ version: 1, names: ['new'] });
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('keeps the old file when the write fails, and cleans up its temp file', async () => {
    // A directory in the way makes the final rename fail after the temp file was written.
    const target = join(dir, 'target.json');
    await mkdir(target);
    await writeFile(join(target, 'keep'), 'x');
    await expect(writeJsonFileAtomic(target, { version: 1, names: [] })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect(await readdir(dir)).toEqual(['target.json']);
    expect(await readFile(join(target, 'keep'), 'utf8')).toBe('x');
  });

  it('never shows readers a half-written file while writes race', async () => {
    const file = join(dir, 'race.json');
    const big = Array.from({ length: 2000 }, (_, i) => `name-${i}`);
    await writeJsonFileAtomic(file, { version: 1, names: big });
    const writes = Array.from({ length: 10 }, (_, i) =>
      writeJsonFileAtomic(file, { version: 1, names: big.map((n) => `${n}-${i}`) }),
    );
    const reads = Array.from({ length: 20 }, () => readJsonFile(file, Schema, FALLBACK));
    const results = await Promise.all([...writes, ...reads]);
    for (const value of results.slice(writes.length))
      expect((value as z.infer<typeof Schema>).names).toHaveLength(2000);
  });
});
