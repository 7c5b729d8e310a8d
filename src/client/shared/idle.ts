// Work that the first screen does not need (registering the service worker, starting sync, the
// one-time start-up of Intl) runs when the main thread is free, so it never lengthens the tasks
// that put the page on screen. The timeout makes sure it still runs on a page that is never idle.
const DEFAULT_TIMEOUT_MS = 2_000

export function whenIdle(work: () => void, timeoutMs = DEFAULT_TIMEOUT_MS): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs })
  // Safari has no requestIdleCallback: a task of its own is the next best thing.
  else setTimeout(work, 1)
}
