import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.js';
import {
  connectTarget,
  connectWithin,
  type ConnectResource,
  type ConnectTarget,
} from '../../../../electron/core/backends/kit/connect.deadline.js';
import type { ResolvedProfile } from '../../../../electron/core/backends/backend.js';

const TARGET: ConnectTarget = { store: 'etcd', endpoints: '127.0.0.1:1, 127.0.0.1:2', timeoutMs: 100 };
const UNREACHABLE = {
  code: 'UNREACHABLE',
  message: 'etcd at 127.0.0.1:1, 127.0.0.1:2 did not answer within 100 ms.',
};

/** A resource that records how often it was opened and released. */
function tracked(openDelayMs = 0): ConnectResource<{ id: number }> & { releases: number; opened: number } {
  const resource = {
    releases: 0,
    opened: 0,
    open: async () => {
      if (openDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, openDelayMs));
      resource.opened++;
      return { id: 1 };
    },
    release: () => {
      resource.releases++;
    },
  };
  return resource;
}

const never = (_: unknown, signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));

describe('connect deadline', () => {
  it('keeps what a successful connect opened', async () => {
    const resource = tracked();
    await expect(connectWithin(TARGET, resource, async (r) => `session on ${r.id}`)).resolves.toBe(
      'session on 1',
    );
    expect(resource.releases).toBe(0);
  });

  it('turns a connect that does not finish in time into UNREACHABLE, aborting the steps and releasing', async () => {
    const resource = tracked();
    let aborted = false;
    const started = Date.now();
    await expect(
      connectWithin(TARGET, resource, (r, signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        return never(r, signal);
      }),
    ).rejects.toMatchObject(UNREACHABLE);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(aborted).toBe(true);
    expect(resource.releases).toBe(1);
  });

  it("words a step's own TIMEOUT the same way", async () => {
    const resource = tracked();
    const steps = async (): Promise<never> => {
      throw new AppError('TIMEOUT', 'a call timed out');
    };
    await expect(connectWithin(TARGET, resource, steps)).rejects.toMatchObject(UNREACHABLE);
    expect(resource.releases).toBe(1);
  });

  it('passes any other failure through and releases once', async () => {
    const resource = tracked();
    const steps = async (): Promise<never> => {
      throw new AppError('AUTH_FAILED', 'wrong password');
    };
    await expect(connectWithin(TARGET, resource, steps)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(resource.releases).toBe(1);
  });

  it('releases what an open finishing after the deadline opened, and runs no steps on it', async () => {
    const resource = tracked(250);
    let ran = false;
    await expect(
      connectWithin(TARGET, resource, async () => {
        ran = true;
      }),
    ).rejects.toMatchObject(UNREACHABLE);
    expect(resource.opened).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resource.opened).toBe(1);
    expect(resource.releases).toBe(1);
    expect(ran).toBe(false);
  });

  it('releases nothing when the open itself failed', async () => {
    const resource = {
      releases: 0,
      open: async (): Promise<never> => {
        throw new AppError('INVALID_INPUT', 'bad endpoint');
      },
      release: () => {
        resource.releases++;
      },
    };
    await expect(connectWithin(TARGET, resource, async () => 1)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(resource.releases).toBe(0);
  });

  it('releases what it opened on success too when asked (discover)', async () => {
    const resource = tracked();
    await expect(connectWithin(TARGET, resource, async () => 'datacenters', 'release')).resolves.toBe(
      'datacenters',
    );
    expect(resource.releases).toBe(1);
  });

  it("names a profile's store by its kind's label", () => {
    const profile = { kind: 'consul', endpoints: ['a:1', 'b:2'], sessionTimeoutMs: 1500 } as ResolvedProfile;
    expect(connectTarget(profile)).toEqual({ store: 'Consul', endpoints: 'a:1, b:2', timeoutMs: 1500 });
    expect(connectTarget(profile, 'a:1')).toMatchObject({ endpoints: 'a:1' });
  });
});
