// One sync: push the outbox in the order the changes were made, then pull everything new after the
// stored cursor, page by page. Sequential on purpose — a pull applied before the push has been
// answered would lay the server's older values under changes it has not seen yet. Callers hold the
// cross-tab lock (lock.ts) and decide about retries (scheduler.ts); errors are thrown as they come.
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, PROTOCOL_VERSION } from '../../core/sync/protocol'
import { db } from '../db/db'
import { applyPullPage, applyPushResults, outboxBatch, type PushTally } from '../db/records'
import { deviceId } from './deviceId'
import { SyncRetryError } from './errors'
import { pullChanges, pushMutations } from './transport'

/** Large pages: a first sync of 10,000 notes is five requests and five IndexedDB transactions. */
export const PULL_PAGE = MAX_PULL_LIMIT

export type SyncProgress = { phase: 'push'; tally: PushTally } | { phase: 'pull'; received: number; hasMore: boolean }

export interface SyncSummary {
  pushed: PushTally
  pulled: number
  cursor: number
  /** Units whose imported figures changed on the server (their unitFigures stamp came in): fetch them anew. */
  figuresChanged: string[]
}

async function push(onProgress: (p: SyncProgress) => void): Promise<PushTally> {
  const total: PushTally = { applied: 0, conflicts: 0, rejected: 0, retry: 0 }
  const id = await deviceId()
  // Entries kept for a retry sit at the front; skip past them instead of sending them again now.
  let skip = 0
  for (;;) {
    const batch = (await outboxBatch(skip + MAX_PUSH_MUTATIONS)).slice(skip)
    if (batch.length === 0) break
    const response = await pushMutations({
      protocol: PROTOCOL_VERSION,
      deviceId: id,
      // The outbox key is the device's own sequence number: the server keeps the device's order by it.
      mutations: batch.map(({ seq, createdAt: _createdAt, ...mutation }) => ({ ...mutation, deviceSeq: seq! })),
    })
    const tally = await applyPushResults(batch, response.results)
    total.applied += tally.applied
    total.conflicts += tally.conflicts
    total.rejected += tally.rejected
    total.retry += tally.retry
    onProgress({ phase: 'push', tally: { ...total } })
    const answered = tally.applied + tally.conflicts + tally.rejected + tally.retry
    // A server that answered none of them would make this loop spin: stop and retry later.
    if (answered === 0) throw new SyncRetryError(batch.length)
    skip += tally.retry
    if (batch.length < MAX_PUSH_MUTATIONS) break
  }
  return total
}

async function storedCursor(): Promise<number> {
  const value = (await db.meta.get('syncCursor'))?.value
  return typeof value === 'number' ? value : 0
}

async function pull(onProgress: (p: SyncProgress) => void): Promise<{ received: number; cursor: number; figuresChanged: string[] }> {
  let cursor = await storedCursor()
  let received = 0
  const figuresChanged = new Set<string>()
  let next = pullChanges(cursor, PULL_PAGE)
  for (;;) {
    const page = await next
    // A server that says "more" without moving the cursor would loop forever.
    const more = page.hasMore && page.cursor !== cursor
    if (more) {
      // Ask for the next page while this one is written to IndexedDB: the server's time and the
      // device's overlap. Its cursor is stored only once it has been applied, so a failure in
      // between only means fetching that page again next time.
      next = pullChanges(page.cursor, PULL_PAGE)
      next.catch(() => undefined)
    }
    await applyPullPage(page.changes, page.cursor)
    for (const change of page.changes) if (change.table === 'unitFigures') figuresChanged.add(change.scopeId)
    received += page.changes.length
    onProgress({ phase: 'pull', received, hasMore: more })
    if (!more) return { received, cursor: page.cursor, figuresChanged: [...figuresChanged] }
    cursor = page.cursor
  }
}

/** Each finished sync leaves a performance measure (DevTools, and the bench's first-sync timing). */
export const SYNC_MEASURE = 'mls-sync'

export async function syncOnce(onProgress: (p: SyncProgress) => void = () => undefined): Promise<SyncSummary> {
  const startedAt = performance.now()
  const pushed = await push(onProgress)
  const { received, cursor, figuresChanged } = await pull(onProgress)
  await db.meta.put({ key: 'lastSyncedAt', value: Date.now() })
  performance.measure(SYNC_MEASURE, { start: startedAt, detail: { pushed: pushed.applied + pushed.conflicts + pushed.rejected, pulled: received } })
  if (pushed.retry > 0) throw new SyncRetryError(pushed.retry)
  return { pushed, pulled: received, cursor, figuresChanged }
}
