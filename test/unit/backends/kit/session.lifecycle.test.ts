import { describe, expect, it } from 'vitest';
import { SessionLifecycle } from '../../../../electron/core/backends/kit/session.lifecycle.js';

describe('session lifecycle', () => {
  it('runs calls while open and refuses them with NOT_CONNECTED once closed, naming the store', async () => {
    const life = new SessionLifecycle('nacos');
    await expect(life.whileOpen(async () => 42)).resolves.toBe(42);
    await life.close(() => undefined);
    let ran = false;
    await expect(
      life.whileOpen(async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ code: 'NOT_CONNECTED', message: 'This Nacos connection is closed.' });
    expect(ran).toBe(false);
    expect(() =>
      life.watch(
        () => undefined,
        () => () => undefined,
      ),
    ).toThrow('This Nacos connection is closed.');
  });

  it('stops every watch before releasing the resources, and closes once', async () => {
    const life = new SessionLifecycle('etcd');
    const order: string[] = [];
    life.watch(
      () => undefined,
      () => async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('watch stopped');
      },
    );
    const release = (): void => {
      order.push('released');
    };
    const first = life.close(release);
    const second = life.close(release);
    expect(second).toBe(first);
    await first;
    expect(order).toEqual(['watch stopped', 'released']);
  });

  it('reports nothing to a watch listener once the session is closing', async () => {
    const life = new SessionLifecycle('consul');
    let emit: ((change: string) => void) | null = null;
    const seen: string[] = [];
    life.watch(
      (change: string) => seen.push(change),
      (guarded) => {
        emit = guarded;
        return () => undefined;
      },
    );
    emit!('open');
    await life.close(() => undefined);
    emit!('closed');
    expect(seen).toEqual(['open']);
  });
});
