/**
 * Runs `fn` over `items` with at most `limit` calls in flight, keeping the
 * results in input order. On one ZooKeeper session this is what pipelines
 * requests: the client writes them back to back on one socket.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async () => {
    while (next < items.length && !failed) {
      signal?.throwIfAborted()
      const index = next++
      try {
        results[index] = await fn(items[index] as T, index)
      } catch (error) {
        // The caller hears of the first failure; no worker starts anything after it.
        failed = true
        throw error
      }
    }
  }
  const workers = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker)
  await Promise.all(workers)
  return results
}
