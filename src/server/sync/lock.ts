// The one lock that keeps change sequence numbers in commit order. Every writer of the synced
// tables takes it exclusively for its transaction (push does); a pull on PostgreSQL takes it
// shared, so when it reads the latest number handed out, every change up to that number is
// committed and visible — a cursor can never pass a change still being written. PGlite runs one
// transaction at a time anyway, so there the pull needs no lock.
import type { Db } from '../db/db'

export const SYNC_WRITE_LOCK = 7_270_001

export async function lockForSyncWrite(tx: Db): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [SYNC_WRITE_LOCK])
}

/** Runs a pull's reads where no sync write is half done. */
export function readSettled<T>(db: Db, fn: (q: Db) => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return fn(db)
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock_shared($1)', [SYNC_WRITE_LOCK])
    return fn(tx)
  })
}
