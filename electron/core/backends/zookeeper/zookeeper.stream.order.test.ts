import { describe, expect, it } from 'vitest';
import { OrderedSteps, type ApplyStep } from './zookeeper.stream.order.js';

function deferred(): {
  promise: Promise<ApplyStep>;
  resolve(apply: ApplyStep): void;
  reject(error: Error): void;
} {
  let resolve: (apply: ApplyStep) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<ApplyStep>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('OrderedSteps', () => {
  it('applies steps in push order whatever order their work finishes in', async () => {
    const applied: string[] = [];
    const steps = new OrderedSteps(() => () => applied.push('failed'));
    const [a, b, c] = [deferred(), deferred(), deferred()];
    steps.push(a.promise);
    steps.push(b.promise);
    steps.push(c.promise);
    c.resolve(() => applied.push('c'));
    b.resolve(() => applied.push('b'));
    await settled();
    expect(applied).toEqual([]);
    expect(steps.pending).toBe(3);
    a.resolve(() => applied.push('a'));
    await settled();
    expect(applied).toEqual(['a', 'b', 'c']);
    expect(steps.pending).toBe(0);
  });

  it('applies a failed step in its turn as the failure handler says, and a throwing step holds nothing back', async () => {
    const applied: string[] = [];
    const steps = new OrderedSteps((error) => () => applied.push(`failed: ${(error as Error).message}`));
    const [a, b, c] = [deferred(), deferred(), deferred()];
    steps.push(a.promise);
    steps.push(b.promise);
    steps.push(c.promise);
    b.reject(new Error('no read'));
    c.resolve(() => applied.push('c'));
    a.resolve(() => {
      throw new Error('listener');
    });
    await settled();
    expect(applied).toEqual(['failed: no read', 'c']);
  });

  it('applies nothing once closed, also steps whose work finishes later', async () => {
    const applied: string[] = [];
    const steps = new OrderedSteps(() => () => applied.push('failed'));
    const a = deferred();
    steps.push(a.promise);
    steps.push(Promise.resolve(() => applied.push('b')));
    steps.close();
    a.resolve(() => applied.push('a'));
    steps.push(Promise.resolve(() => applied.push('after close')));
    await settled();
    expect(applied).toEqual([]);
    expect(steps.pending).toBe(0);
  });

  it('stops applying at once when a step closes the queue', async () => {
    const applied: string[] = [];
    const steps = new OrderedSteps(() => () => undefined);
    steps.push(
      Promise.resolve(() => {
        applied.push('a');
        steps.close();
      }),
    );
    steps.push(Promise.resolve(() => applied.push('b')));
    await settled();
    expect(applied).toEqual(['a']);
  });
});
