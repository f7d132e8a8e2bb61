/**
 * Remembers a function's result per key for `ttlMs` (in this server process). For the sidebar widgets: every page
 * rendered on a cache miss shows them, and at 100,000 articles they cost 10–30 ms each; a list that is at most a
 * minute old is as good to a reader (the page around it is cached for minutes anyway).
 */
export function memoize<Args extends unknown[], R>(ttlMs: number, fn: (...args: Args) => R, now: () => number = Date.now): (...args: Args) => R {
  const entries = new Map<string, { at: number; value: R }>();
  return (...args: Args) => {
    const key = JSON.stringify(args);
    const t = now();
    const hit = entries.get(key);
    if (hit && t - hit.at < ttlMs) return hit.value;
    const value = fn(...args);
    entries.set(key, { at: t, value });
    // Keys are a locale and a limit: a handful. Bounded anyway, in case a caller ever passes something wider.
    if (entries.size > 100) entries.delete(entries.keys().next().value!);
    return value;
  };
}
