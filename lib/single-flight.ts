/**
 * Concurrent calls with the same key share one execution: a double click, or a browser and a
 * script retrying the same request, costs the database one round trip instead of one each.
 * Nothing is cached — once the shared call settles, the next call with that key runs afresh — so
 * no answer is older than the request that receives it.
 */
export function singleFlight<K, V>(): (key: K, run: () => Promise<V>) => Promise<{ value: V; shared: boolean }> {
  const running = new Map<K, Promise<V>>();
  return async (key, run) => {
    const current = running.get(key);
    if (current) return { value: await current, shared: true };
    const started = run().finally(() => running.delete(key));
    running.set(key, started);
    return { value: await started, shared: false };
  };
}
