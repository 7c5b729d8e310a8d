/** Some changes met a server error and stay in the outbox; the scheduler retries with backoff. */
export class SyncRetryError extends Error {
  constructor(readonly count: number) {
    super(`${count} change(s) failed on the server and will be retried`)
    this.name = 'SyncRetryError'
  }
}
