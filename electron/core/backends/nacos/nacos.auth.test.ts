import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/errors.js';
import { NacosTokenHolder, type NacosLogin } from './nacos.auth.js';

/** A login that hands out token-1, token-2, ... with the given lifetime, or fails while `down`. */
function fakeLogin(ttlSec: number): {
  login: () => Promise<NacosLogin>;
  calls: () => number;
  down: (v: boolean) => void;
} {
  let count = 0;
  let failing = false;
  return {
    login: async () => {
      count++;
      if (failing) throw new AppError('UNREACHABLE', 'server down');
      return { accessToken: `token-${count}`, tokenTtlSec: ttlSec };
    },
    calls: () => count,
    down: (v) => (failing = v),
  };
}

describe('NacosTokenHolder', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('logs in once for concurrent callers and reuses the token while it is valid', async () => {
    const fake = fakeLogin(100);
    const holder = new NacosTokenHolder(fake.login);
    const tokens = await Promise.all([holder.token(), holder.token(), holder.token()]);
    expect(tokens).toEqual(['token-1', 'token-1', 'token-1']);
    expect(fake.calls()).toBe(1);
    holder.close();
  });

  it('refreshes in the background at 80% of the token lifetime, before it expires', async () => {
    const fake = fakeLogin(10);
    const holder = new NacosTokenHolder(fake.login);
    expect(await holder.refresh()).toBe('token-1');
    expect(holder.nextRefreshAt).toBe(Date.now() + 8000);
    await vi.advanceTimersByTimeAsync(7999);
    expect(fake.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.calls()).toBe(2);
    expect(await holder.token()).toBe('token-2');
    // And again 8 s after the second login, never letting a token expire.
    await vi.advanceTimersByTimeAsync(8000);
    expect(fake.calls()).toBe(3);
    expect(await holder.token()).toBe('token-3');
    holder.close();
  });

  it('keeps the valid token while a refresh fails, retries, and logs in on demand once it has expired', async () => {
    const fake = fakeLogin(10);
    const holder = new NacosTokenHolder(fake.login);
    await holder.refresh();
    fake.down(true);
    await vi.advanceTimersByTimeAsync(8000); // the scheduled refresh fails
    expect(fake.calls()).toBe(2);
    expect(await holder.token()).toBe('token-1'); // still valid for 2 s
    await vi.advanceTimersByTimeAsync(1000); // retried within the remaining lifetime
    expect(fake.calls()).toBe(3);
    await vi.advanceTimersByTimeAsync(1500); // now expired
    await expect(holder.token()).rejects.toMatchObject({ code: 'UNREACHABLE' });
    fake.down(false);
    expect(await holder.token()).toMatch(/^token-\d+$/);
    holder.close();
  });

  it('stops refreshing when closed', async () => {
    const fake = fakeLogin(10);
    const holder = new NacosTokenHolder(fake.login);
    await holder.refresh();
    holder.close();
    expect(holder.nextRefreshAt).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls()).toBe(1);
  });
});
