// The records people write (forecasts, notes, initiatives, …), offline first. Reads are live
// Dexie queries, so a save shows at once and a pulled change appears without a reload; writes go
// through src/client/db/records.ts (record + outbox in one transaction) and nudge the sync loop.
// The write side (record schemas, zod) loads with the first write, so the home page that only
// reads records keeps within the first-screen budget.
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { Ref } from 'vue'
import Dexie from 'dexie'
import type { FieldConflict, RejectionReason } from '../../../core/sync/protocol'
import type { SyncTable } from '../../../core/sync/tables'
import { db, rowKey, type RecordRow } from '../../db/db'
import { liveRef } from '../../db/liveRef'
import { useSyncStore } from '../sync/syncStore'

export type { SyncTable } from '../../../core/sync/tables'
export { InvalidFieldError } from '../../db/invalidField'

const writes = () => import('../../db/records')

export interface LocalRecord<T = Record<string, unknown>> {
  table: SyncTable
  id: string
  /** The id of the record's scope: its unit's for every kind today. */
  scopeId: string
  /** The server version the record is at; 0 while it exists only on this device. */
  version: number
  /** Gone: deleted (here or elsewhere) with nothing left to tell the person. */
  deleted: boolean
  /** The record as the person sees it: { id, unitId (its scope field), ...fields }, their pending changes on top. */
  data: T
  /** Fields changed here and not yet accepted by the server ('deleted' for a pending delete). */
  pendingFields: string[]
  /** Per field, the person's value and the server's; 'deleted' when their delete met others' edits. */
  conflicts: FieldConflict[]
  /**
   * Why the server refused the person's change; `fields` are the ones it would have set, `field` the
   * one the refusal is about when the server named it (the form shows the message beside it).
   */
  rejection: { reason: RejectionReason; message: string; fields?: string[]; field?: string } | null
}

export interface SaveInput {
  /** Leave out to create: the id is made on the device (derived from the key for a forecast, …) and never changes. */
  id?: string
  /** The record's scope id: the unit's for every kind today. */
  scopeId: string
  fields: Record<string, unknown>
}

export function toLocalRecord<T = Record<string, unknown>>(row: RecordRow): LocalRecord<T> {
  const rejection = row.rejections[0]
  return {
    table: row.table,
    id: row.id,
    scopeId: row.scopeId,
    version: row.server?.version ?? 0,
    deleted: row.gone,
    data: row.data as T,
    pendingFields: row.pendingFields,
    conflicts: row.conflicts,
    rejection: rejection
      ? {
          reason: rejection.reason,
          message: rejection.message,
          fields: Object.keys(rejection.fields),
          ...(rejection.field === undefined ? {} : { field: rejection.field }),
        }
      : null,
  }
}

export const useRecordsStore = defineStore('records', () => {
  /** The records of one table in one scope (a unit), live; deleted ones are left out. Unsorted: the view orders. */
  function list<T = Record<string, unknown>>(table: SyncTable, scopeId: string): Ref<LocalRecord<T>[]> {
    return liveRef(async () => {
      const rows = await db.records.where('[table+scopeId]').equals([table, scopeId]).toArray()
      return rows.filter((row) => !row.gone).map((row) => toLocalRecord<T>(row))
    }, [] as LocalRecord<T>[])
  }

  /**
   * The records of one table in every scope this device holds, live: an area chief's whole area (the
   * pull hands a device only what its person may read). Deleted ones are left out; unsorted.
   */
  function listAll<T = Record<string, unknown>>(table: SyncTable): Ref<LocalRecord<T>[]> {
    return liveRef(async () => {
      const rows = await db.records.where('[table+scopeId]').between([table, Dexie.minKey], [table, Dexie.maxKey]).toArray()
      return rows.filter((row) => !row.gone).map((row) => toLocalRecord<T>(row))
    }, [] as LocalRecord<T>[])
  }

  /** One record, live; undefined until loaded or when the device has never seen it. */
  function get<T = Record<string, unknown>>(table: SyncTable, id: string): Ref<LocalRecord<T> | undefined> {
    return liveRef(
      async () => {
        const row = await db.records.get(rowKey(table, id))
        return row ? toLocalRecord<T>(row) : undefined
      },
      undefined as LocalRecord<T> | undefined,
    )
  }

  /**
   * Creates (no id) or changes a record and returns its id. Saved on the device when this resolves,
   * whatever the network; sent to the server shortly after. Throws InvalidFieldError (nothing saved).
   */
  async function save(table: SyncTable, input: SaveInput): Promise<string> {
    const id = await (await writes()).writeRecord(table, input)
    useSyncStore().afterLocalWrite()
    return id
  }

  async function remove(table: SyncTable, id: string): Promise<void> {
    await (await writes()).deleteRecord(table, id)
    useSyncStore().afterLocalWrite()
  }

  async function resolveConflict(table: SyncTable, id: string, field: string, choice: 'mine' | 'theirs'): Promise<void> {
    await (await writes()).resolveConflict(table, id, field, choice)
    const sync = useSyncStore()
    if (choice === 'mine') sync.afterLocalWrite()
    await sync.refreshAttention()
  }

  async function dismissRejection(table: SyncTable, id: string): Promise<void> {
    await (await writes()).dismissRejection(table, id)
    await useSyncStore().refreshAttention()
  }

  return { list, listAll, get, save, remove, resolveConflict, dismissRejection }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRecordsStore, import.meta.hot))
