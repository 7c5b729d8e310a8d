// The records that wait for the person: a conflict to choose a version for, or a refusal to read.
// Apart from db/records.ts for the same reason as outbox.ts: the status line needs only this, not
// the record schemas. A scan of the table (there is no index on it); the sync store runs it only
// when something can have changed (see features/sync/syncStore.ts), never on every write.
import type { SyncTable } from '../../core/sync/tables'
import { db } from './db'

export interface WaitingRecord {
  table: SyncTable
  id: string
  unitId: string
  /** A conflict waits for a choice; a rejection for the person to read it (and fix or dismiss). */
  kind: 'conflict' | 'rejection'
  /** From the record's data, to find the page that shows it: its indicator, if it has one. */
  indicator: string | null
}

export async function waitingRecords(): Promise<WaitingRecord[]> {
  const rows = await db.records.filter((row) => row.conflicts.length > 0 || row.rejections.length > 0).toArray()
  return rows.map((row) => ({
    table: row.table,
    id: row.id,
    // Every kind that can wait for the person today is unit-scoped: its scope is the unit whose page shows it.
    unitId: row.scopeId,
    kind: row.conflicts.length > 0 ? 'conflict' : 'rejection',
    indicator: typeof row.data.indicator === 'string' ? row.data.indicator : null,
  }))
}
