/** How many requests one pipelined operation keeps in flight on the single ZooKeeper socket. */
export const PIPELINE_WINDOW = 256;

/**
 * Maps items through an async call with at most `window` calls in flight, results in input order.
 * ZooKeeper answers requests of one session in order over one socket, so firing many at once costs one
 * round trip per window instead of one per item. Rejects with the first error.
 */
export function mapPipelined<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  window: number = PIPELINE_WINDOW,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  if (items.length === 0) return Promise.resolve(results);
  return new Promise<R[]>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let failed = false;
    const launch = (): void => {
      while (!failed && next < items.length && next - finished < window) {
        const index = next++;
        fn(items[index] as T, index).then(
          (result) => {
            results[index] = result;
            finished++;
            if (finished === items.length) resolve(results);
            else launch();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    launch();
  });
}
