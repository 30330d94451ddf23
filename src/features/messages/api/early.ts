// Requests started before the component that needs them has mounted (a full page load opens the
// channel route while the app shell is still booting). A query's fetcher takes its early result once,
// if it is recent; otherwise it fetches as usual.
const MAX_AGE_MS = 10_000;
const started = new Map<string, { at: number; result: Promise<unknown> }>();

export function startEarly<T>(key: string, fetch: () => Promise<T>): void {
  if (started.has(key)) return;
  const result = fetch();
  result.catch(() => {});
  started.set(key, { at: Date.now(), result });
}

/** The early result for `key` (once), falling back to `fetch` when there is none, it is old, or it failed. */
export function takeEarly<T>(key: string, fetch: () => Promise<T>): Promise<T> {
  const hit = started.get(key);
  started.delete(key);
  if (!hit || Date.now() - hit.at > MAX_AGE_MS) return fetch();
  return (hit.result as Promise<T>).catch(() => fetch());
}
