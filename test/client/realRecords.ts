// Component tests on the real records store over fake-indexeddb (no mocked store): a device that
// has synced once, records as the server would hand them out, and what a save put in the outbox.
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { db, type OutboxRow } from '../../src/client/db/db'
import { applyPullPage } from '../../src/client/db/records'
import { configureSyncScheduler, useSyncStore } from '../../src/client/features/sync/syncStore'
import type { SyncTable } from '../../src/core/sync/tables'

/** An empty device with a fresh Pinia; `synced` (the default) as after a first sync that found nothing. */
export async function freshDevice(options: { synced?: boolean } = {}): Promise<void> {
  // No automatic sync during a test: only the test's own calls run one.
  configureSyncScheduler({ writeDelayMs: 3_600_000, intervalMs: 3_600_000, startDelayMs: 3_600_000 })
  setActivePinia(createPinia())
  await Promise.all(db.tables.map((t) => t.clear()))
  if (options.synced ?? true) useSyncStore().lastSyncedAt = 1
}

let version = 0

/** A record as pulled from the server (version 1, no pending change), with the server's stamps if given. */
export async function pulled(table: SyncTable, id: string, fields: Record<string, unknown>, unitId = 'u1'): Promise<void> {
  version++
  await applyPullPage([{ table, id, scopeId: unitId, version: 1, deleted: false, record: { id, unitId, ...fields } }], version)
}

/** What the saves put in the outbox, in order: table, record id, op and fields. */
export async function outbox(): Promise<Array<Pick<OutboxRow, 'table' | 'recordId' | 'op' | 'fields'>>> {
  return (await db.outbox.orderBy('seq').toArray()).map(({ table, recordId, op, fields }) => ({ table, recordId, op, fields }))
}
