// How long to wait before retrying a failed sync: doubling from 2 s up to 5 min, with "equal
// jitter" (half fixed, half random) so a hundred tablets that lost the network together do not
// all knock on the server in the same second when it returns.
export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_MAX_MS = 5 * 60_000

/** `failures` counts consecutive failures, from 1; `random` is in [0, 1). */
export function backoffDelay(failures: number, random: number = Math.random()): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * random)
}
