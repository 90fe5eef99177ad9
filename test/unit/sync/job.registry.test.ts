import { describe, expect, it } from 'vitest';
import { diffSources } from '../../../electron/core/sync/diff.engine.js';
import { JobRegistry, type JobInfo } from '../../../electron/core/sync/job.registry.js';
import { snapshotSource } from './support/snapshots.js';

describe('job registry', () => {
  const left = snapshotSource('l', { '/a': '1', '/b': '2' });
  const right = snapshotSource('r', { '/a': '1' });

  it('runs a diff as a job with progress and a final state, and keeps its result', async () => {
    const seen: JobInfo[] = [];
    const jobs = new JobRegistry((info) => seen.push(info));
    const { id, result } = jobs.start('diff', (job) => diffSources(left, right, {}, job));
    expect((await result).summary).toEqual({ onlyLeft: 1, onlyRight: 0, changed: 0, same: 1 });
    expect(seen.at(-1)).toMatchObject({ id, kind: 'diff', state: 'done', progress: { phase: 'walk' } });
    expect(jobs.get(id)?.state).toBe('done');
    expect(await jobs.result(id)).toBe(await result);
    jobs.forget(id);
    expect(jobs.get(id)).toBeUndefined();
  });

  it('cancels a running job: its result rejects with CANCELLED and its state says so', async () => {
    const jobs = new JobRegistry();
    const { id, result } = jobs.start(
      'slow',
      (job) =>
        new Promise((_, reject) =>
          job.signal.addEventListener('abort', () => void diffSources(left, right, {}, job).catch(reject)),
        ),
    );
    expect(jobs.cancel(id)).toBe(true);
    await expect(result).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(jobs.get(id)).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(jobs.cancel(id)).toBe(false);
  });
});
