// One typed Dexie database for everything the leader has seen, so the app opens with the last data
// when there is no network. Version 1 holds the read models (figures and lights come from the
// server and are never edited here); version 2 adds the synced records people write and the outbox
// of their changes waiting for the server (ARCHITECTURE.md, "Sync: nothing written is ever lost").
// Version 3 (sync protocol 2) names a record's scope `scopeId` instead of `unitId`.
import Dexie, { type EntityTable } from 'dexie'
import type { DeviceRecord } from '../../core/sync/device'
import type { PendingMutation } from '../../core/sync/protocol'
import type { SyncTable } from '../../core/sync/tables'
import type { Me, UnitDetail, UnitSummary } from '../api/types'

/** The signed-in person; one row with key 'me'. */
export interface MeRow {
  key: 'me'
  me: Me
}

/** A unit summary in the order the server sent it (worst first). */
export interface UnitSummaryRow extends UnitSummary {
  order: number
}

export interface UnitDetailRow {
  unitId: string
  detail: UnitDetail
  fetchedAt: number
}

export type MetaKey = 'unitsAsOf' | 'unitsFetchedAt' | 'persistRequested' | 'deviceId' | 'syncCursor' | 'lastSyncedAt'

export interface MetaRow {
  key: MetaKey
  value: string | number | boolean | null
}

/**
 * A synced record on this device: the bookkeeping of src/core/sync/device.ts (the server's last
 * copy, conflicts, rejections) plus what the screen shows, worked out on every change so a list of
 * thousands of notes is one indexed read, not a join with the outbox.
 */
export interface RecordRow extends DeviceRecord {
  /** `${table}:${id}` (core's recordKey): one key for every table, so one Dexie table holds them all. */
  key: string
  /** The server copy with the person's conflicting values and pending changes on top. */
  data: Record<string, unknown>
  /** Gone (deleted or never created) with nothing left to tell the person. */
  gone: boolean
  pendingFields: string[]
}

/**
 * One change waiting for the server, in the order it was made (`seq`, so the push keeps it). The
 * seq is IndexedDB's key generator, which never hands out a number twice: it is sent as the
 * mutation's deviceSeq, so the server keeps this device's order however its requests arrive.
 */
export interface OutboxRow extends PendingMutation {
  seq?: number
  createdAt: number
}

/**
 * A record's key: `${table}:${id}`, the same as core's recordKey (src/core/sync/device.ts). Kept
 * here too so reading records does not load the sync engine and its schemas on the first screen.
 */
export function rowKey(table: SyncTable, id: string): string {
  return `${table}:${id}`
}

export class LedersideDb extends Dexie {
  me!: EntityTable<MeRow, 'key'>
  unitSummaries!: EntityTable<UnitSummaryRow, 'id'>
  unitDetails!: EntityTable<UnitDetailRow, 'unitId'>
  meta!: EntityTable<MetaRow, 'key'>
  records!: EntityTable<RecordRow, 'key'>
  outbox!: EntityTable<OutboxRow, 'seq'>

  constructor(name = 'min-lederside') {
    super(name)
    this.version(1).stores({
      me: 'key',
      unitSummaries: 'id, order',
      unitDetails: 'unitId',
      meta: 'key',
    })
    // Adds tables only; the read models of version 1 stay as they are.
    this.version(2).stores({
      records: 'key, [table+unitId]',
      outbox: '++seq, [table+recordId]',
    })
    // A record's scope is no longer always a unit (kinds declare unit, area or municipality).
    this.version(3)
      .stores({ records: 'key, [table+scopeId]' })
      .upgrade(async (tx) => {
        const rename = (row: Record<string, unknown>) => {
          if (row.scopeId === undefined) row.scopeId = row.unitId
          delete row.unitId
        }
        await tx.table('records').toCollection().modify(rename)
        await tx.table('outbox').toCollection().modify(rename)
      })
  }
}

export const db = new LedersideDb()
