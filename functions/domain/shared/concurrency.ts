/**
 * Runs `work` for every item, at most `limit` at once, items taken in order as workers free up
 * (a pool, not batches: one slow item does not hold the others back). Items may come from an
 * async iterable (pages read as they are needed); an async generator hands each item to one
 * worker only, as it queues concurrent `next()` calls. The first error stops taking new items
 * and is thrown once the items in flight have settled.
 */
export async function forEachConcurrently<T>(items: Iterable<T> | AsyncIterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : (items as Iterable<T>)[Symbol.iterator]();
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (!failed) {
      try {
        const next = await iterator.next();
        if (next.done) return;
        await work(next.value);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(limit)) }, worker));
  if (failed) throw failed.error;
}
