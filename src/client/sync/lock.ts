// Only one sync at a time across every tab of the app: two tabs pushing the same outbox would send
// each change twice (harmless, the server is idempotent, but wasteful) and could apply a pulled
// page under a push result. navigator.locks holds the lock until the callback's promise settles;
// where it is missing (old Safari, tests) a promise chain keeps this tab to one sync at a time.
export const SYNC_LOCK = 'mls-sync'

let tail: Promise<unknown> = Promise.resolve()

export function withSyncLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  // The lock is held until fn's promise settles; request() resolves with fn's result.
  if (locks && typeof locks.request === 'function') return locks.request(SYNC_LOCK, fn) as unknown as Promise<T>
  const run = tail.then(fn, fn)
  tail = run.catch(() => undefined)
  return run
}
