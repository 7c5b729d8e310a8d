// Component tests on the real records store over fake-indexeddb (no mocked store): a device that
// has synced once, records as the server would hand them out, and what a save put in the outbox.
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { db, type OutboxRow } from '../../src/client/db/db'
import { applyPullPage, applyPushResults, outboxBatch, writeRecord } from '../../src/client/db/records'
import { toLocalRecord, useRecordsStore, type LocalRecord } from '../../src/client/features/records/recordsStore'
import { configureSyncScheduler, useSyncStore } from '../../src/client/features/sync/syncStore'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import type { Me } from '../../src/client/api/types'
import type { PushResult } from '../../src/core/sync/protocol'
import type { SyncTable } from '../../src/core/sync/tables'

/** An empty device with a fresh Pinia; `synced` (the default) as after a first sync that found nothing. */
export async function freshDevice(options: { synced?: boolean } = {}): Promise<void> {
  // No automatic sync during a test: only the test's own calls run one.
  configureSyncScheduler({ writeDelayMs: 3_600_000, intervalMs: 3_600_000, startDelayMs: 3_600_000 })
  setActivePinia(createPinia())
  await Promise.all(db.tables.map((t) => t.clear()))
  if (options.synced ?? true) useSyncStore().lastSyncedAt = 1
}

/**
 * An empty device talking to `fetch` (a FakeSyncServer's, say), with the store's scheduler running
 * for real on long timers, so only the test's own triggers start a sync.
 */
export async function syncingDevice(fetch: typeof globalThis.fetch): Promise<void> {
  vi.stubGlobal('fetch', fetch)
  configureSyncScheduler({ writeDelayMs: 60_000, intervalMs: 600_000, startDelayMs: 0, random: () => 0 })
  setActivePinia(createPinia())
  await Promise.all(db.tables.map((t) => t.clear()))
}

/** After each test: the sync loop stopped and the stubbed globals (fetch) put back. */
export async function stopDevice(): Promise<void> {
  await useSyncStore().stop()
  vi.unstubAllGlobals()
}

/**
 * Every test of the file on a fresh device with an empty page (signed in as `me()` when given: the
 * forms ask the access policy about that person), its sync loop stopped after.
 */
export function eachTestOnAFreshDevice(me?: () => Me): void {
  beforeEach(async () => {
    await freshDevice()
    if (me) signIn(me())
    document.body.innerHTML = ''
  })
  afterEach(stopDevice)
}

/** The person signed in on the device (what /api/me said): the forms ask the access policy about them. */
export function signIn(me: Me): void {
  const session = useSessionStore()
  session.me = me
  session.status = 'signedIn'
}

let version = 0

/** A record as pulled from the server (version 1, no pending change), with the server's stamps if given. */
export async function pulled(table: SyncTable, id: string, fields: Record<string, unknown>, unitId = 'u1'): Promise<void> {
  version++
  await applyPullPage([{ table, id, scopeId: unitId, version: 1, deleted: false, record: { id, unitId, ...fields } }], version)
}

/** What the saves put in the outbox, in order, with each change's scope (the unit). */
export async function saved(): Promise<Array<Pick<OutboxRow, 'table' | 'recordId' | 'scopeId' | 'op' | 'fields'>>> {
  return (await db.outbox.orderBy('seq').toArray()).map(({ table, recordId, scopeId, op, fields }) => ({ table, recordId, scopeId, op, fields }))
}

/** What the saves put in the outbox, in order: table, record id, op and fields. */
export async function outbox(): Promise<Array<Pick<OutboxRow, 'table' | 'recordId' | 'op' | 'fields'>>> {
  return (await db.outbox.orderBy('seq').toArray()).map(({ table, recordId, op, fields }) => ({ table, recordId, op, fields }))
}

/**
 * The saves of the active Pinia's records store, watched (the real save still runs): a form that
 * refuses must not even have asked, which an empty outbox alone cannot tell while a save is on its way.
 */
export function watchSaves() {
  return vi.spyOn(useRecordsStore(), 'save')
}

/** Waits until the outbox holds exactly these changes (a save runs in IndexedDB's own tasks). */
export async function expectSaved(expected: Awaited<ReturnType<typeof saved>>): Promise<void> {
  await vi.waitFor(async () => expect(await saved()).toEqual(expected))
}

/**
 * The person changes a record (as a form saves it) and the server answers the push with what
 * `answer` makes of the outbox entry: the real layer takes the answer in, as after a sync. For a
 * device holding a conflict or a refusal.
 */
export async function answered(
  table: SyncTable,
  id: string,
  fields: Record<string, unknown>,
  answer: (m: OutboxRow) => PushResult,
  unitId = 'u1',
): Promise<void> {
  await writeRecord(table, { id, scopeId: unitId, fields })
  const batch = (await outboxBatch(500)).filter((m) => m.recordId === id)
  await applyPushResults(batch, batch.map(answer))
}

/** The record as the store hands it to a component. */
export async function localRecord(table: SyncTable, id: string): Promise<LocalRecord> {
  const row = await db.records.get(`${table}:${id}`)
  if (!row) throw new Error(`no ${table} ${id} on the device`)
  return toLocalRecord(row)
}
