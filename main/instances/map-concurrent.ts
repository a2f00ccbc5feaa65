/**
 * Maps `items` with at most `limit` calls in flight, keeping the input order in the result. A task that
 * throws costs only its own item: `failed` turns that error into the item's result and the others go on,
 * since one hostile instance must never leave a fleet without rows. `failed` itself must not throw.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  failed: (error: unknown, item: T, index: number) => R,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      try {
        results[index] = await task(item, index);
      } catch (error) {
        results[index] = failed(error, item, index);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
