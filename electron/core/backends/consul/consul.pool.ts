/** Maps `items` with at most `window` calls of `run` in flight; results keep the input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  window: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, items.length) }, worker));
  return results;
}
