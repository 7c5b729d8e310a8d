import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import Dexie from 'dexie'
import { db, LedersideDb } from '../../src/client/db/db'
import { recordIdFor } from '../../src/core/sync/kind'
import { SYNC_KINDS } from '../../src/core/sync/kinds'
import { InvalidFieldError, useRecordsStore, type LocalRecord } from '../../src/client/features/records/recordsStore'
import { configureSyncScheduler, useSyncStore } from '../../src/client/features/sync/syncStore'

// A note on an indicator's month, written at no dialogue: a create carries every field, dialogueId too.
const NOTE = { indicator: 'budget', year: 2026, month: 10, body: 'Vikarforbruget er højt i oktober.', visibility: 'shared', dialogueId: null }
/** A note as a build before the dialogue chain stored it (no dialogueId). */
const V2_NOTE = { indicator: 'budget', year: 2026, month: 10, body: 'Vikarforbruget er højt i oktober.', visibility: 'shared' }

/** Waits until a live ref satisfies `ok` (liveQuery answers in IndexedDB's own tasks). */
async function until<T>(read: () => T, ok: (value: T) => boolean): Promise<T> {
  return vi.waitFor(
    async () => {
      await nextTick()
      const value = read()
      if (!ok(value)) throw new Error(`not yet; last value ${JSON.stringify(value)}`)
      return value
    },
    { timeout: 2_000 },
  )
}

beforeEach(async () => {
  // No network in these tests: the sync runs are stubbed to do nothing.
  configureSyncScheduler({
    run: () => Promise.resolve({ pushed: { applied: 0, conflicts: 0, rejected: 0, retry: 0 }, pulled: 0, cursor: 0, figuresChanged: [] }),
  })
  setActivePinia(createPinia())
  await Promise.all(db.tables.map((t) => t.clear()))
})
afterEach(async () => {
  await useSyncStore().stop()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('records store: writes', () => {
  it('a create stores the record and one outbox entry with every field, base version 0', async () => {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ table: 'note', recordId: id, scopeId: 'u1', baseVersion: 0, op: 'upsert', fields: NOTE })
    const row = await db.records.get(`note:${id}`)
    expect(row?.data).toEqual({ ...NOTE, id, unitId: 'u1' })
    expect(row?.pendingFields.sort()).toEqual(Object.keys(NOTE).sort())
  })

  it('the screen updates at once: list() follows the write, live', async () => {
    const records = useRecordsStore()
    const list = records.list('note', 'u1')
    await until(
      () => list.value,
      (v) => v.length === 0,
    )
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    const shown = await until(
      () => list.value,
      (v) => v.length === 1,
    )
    expect(shown[0]).toMatchObject<Partial<LocalRecord>>({ id, scopeId: 'u1', version: 0, deleted: false, conflicts: [], rejection: null })
    await records.save('note', { id, scopeId: 'u1', fields: { body: 'Rettet tekst.' } })
    await until(
      () => list.value,
      (v) => v[0]?.data.body === 'Rettet tekst.',
    )
    // Another unit's list holds its own note only, never this unit's.
    const other = records.list('note', 'u2')
    const elsewhere = await records.save('note', { scopeId: 'u2', fields: NOTE })
    const theirs = await until(
      () => other.value,
      (v) => v.length > 0,
    )
    expect(theirs.map((r) => [r.id, r.scopeId])).toEqual([[elsewhere, 'u2']])
  })

  it('is atomic: a failure inside the transaction leaves neither the record nor the outbox entry', async () => {
    vi.spyOn(db.records, 'put').mockImplementation(() => {
      throw new Error('disk full')
    })
    const records = useRecordsStore()
    await expect(records.save('note', { scopeId: 'u1', fields: NOTE })).rejects.toThrow('disk full')
    expect(await db.outbox.count()).toBe(0)
    expect(await db.records.count()).toBe(0)
  })

  it('until the server has the record every change carries all of it (an edit overtaking its create is a create); a save that changes nothing writes nothing', async () => {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    await records.save('note', { id, scopeId: 'u1', fields: { body: 'Ny tekst.', year: 2026 } })
    await records.save('note', { id, scopeId: 'u1', fields: { body: 'Ny tekst.' } })
    const outbox = await db.outbox.orderBy('seq').toArray()
    expect(outbox.map((m) => m.fields)).toEqual([NOTE, { ...NOTE, body: 'Ny tekst.', year: 2026 }])
    // Offline edits of one record all rest on the same base; the server applies them in order.
    expect(outbox.map((m) => m.baseVersion)).toEqual([0, 0])
  })

  it('never sends who wrote it and when: the server’s stamps a form passes back are left out', async () => {
    const records = useRecordsStore()
    const stamps = { updatedBy: 'p-x', updatedByName: 'En anden', updatedAt: '2020-01-01T00:00:00.000Z', createdBy: 'p-x', createdByName: 'En anden' }
    const id = await records.save('note', { scopeId: 'u1', fields: { ...NOTE, ...stamps } })
    await records.save('note', { id, scopeId: 'u1', fields: { ...NOTE, body: 'Rettet.', ...stamps } })
    const outbox = await db.outbox.orderBy('seq').toArray()
    expect(outbox.map((m) => m.fields)).toEqual([NOTE, { ...NOTE, body: 'Rettet.' }])
    expect(Object.keys((await db.records.get(`note:${id}`))?.data ?? {})).not.toContain('updatedByName')
  })

  it('refuses an invalid record with the field and a Danish message, and saves nothing', async () => {
    const records = useRecordsStore()
    const error = await records.save('note', { scopeId: 'u1', fields: { ...NOTE, body: '' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidFieldError)
    expect((error as InvalidFieldError).field).toBe('body')
    expect((error as InvalidFieldError).message).toMatch(/^Tekst: /)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.records.count()).toBe(0)
  })

  it('a delete leaves a tombstone: gone from the list, kept for get(), and queued', async () => {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    const list = records.list('note', 'u1')
    await until(
      () => list.value,
      (v) => v.length === 1,
    )
    await records.remove('note', id)
    await until(
      () => list.value,
      (v) => v.length === 0,
    )
    const one = records.get('note', id)
    const gone = await until(
      () => one.value,
      (v) => v !== undefined,
    )
    expect(gone?.deleted).toBe(true)
    expect((await db.outbox.orderBy('seq').toArray()).map((m) => m.op)).toEqual(['upsert', 'delete'])
  })

  it('a write nudges the sync loop once the person stops typing (~2 s, debounced)', async () => {
    // The scheduler's clock is faked; IndexedDB's tasks (setImmediate) run for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const run = vi.fn(() => Promise.resolve({ pushed: { applied: 0, conflicts: 0, rejected: 0, retry: 0 }, pulled: 0, cursor: 0, figuresChanged: [] }))
    configureSyncScheduler({ run, writeDelayMs: 2_000, startDelayMs: 0, intervalMs: 3_600_000 })
    setActivePinia(createPinia())
    const sync = useSyncStore()
    sync.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    await vi.advanceTimersByTimeAsync(1_500)
    await records.save('note', { id, scopeId: 'u1', fields: { body: 'a' } })
    await vi.advanceTimersByTimeAsync(1_500)
    await records.save('note', { id, scopeId: 'u1', fields: { body: 'ab' } })
    // Typing went on: nothing sent yet, 1.999 s after the last keystroke…
    await vi.advanceTimersByTimeAsync(1_999)
    expect(run).toHaveBeenCalledTimes(1)
    // …and one run for the three saves once 2 s have passed.
    await vi.advanceTimersByTimeAsync(1)
    expect(run).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(run).toHaveBeenCalledTimes(2)
  })
})

describe('records store: natural keys and the scope', () => {
  it('gives a new forecast the id derived from its unit and month, the same on every device', async () => {
    const fields = { year: 2026, month: 3, amount: 1_000_000, explanation: null }
    const id = await useRecordsStore().save('forecast', { scopeId: 'u1', fields })
    expect(id).toBe(recordIdFor(SYNC_KINDS.forecast, { ...fields, unitId: 'u1' }))
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ table: 'forecast', recordId: id, scopeId: 'u1' })
  })

  it('upgrades a version 2 database: a record’s and an outbox entry’s unitId becomes scopeId', async () => {
    const name = `upgrade-${Date.now()}`
    const old = new Dexie(name)
    old.version(1).stores({ me: 'key', unitSummaries: 'id, order', unitDetails: 'unitId', meta: 'key' })
    old.version(2).stores({ records: 'key, [table+unitId]', outbox: '++seq, [table+recordId]' })
    await old.table('records').put({
      key: 'note:n1',
      table: 'note',
      id: 'n1',
      unitId: 'u1',
      server: null,
      conflicts: [],
      rejections: [],
      data: { ...V2_NOTE, id: 'n1', unitId: 'u1' },
      gone: false,
      pendingFields: [],
    })
    await old
      .table('outbox')
      .add({ mutationId: 'm1', table: 'note', recordId: 'n1', unitId: 'u1', baseVersion: 0, op: 'upsert', fields: V2_NOTE, createdAt: 1 })
    old.close()
    const upgraded = new LedersideDb(name)
    const rows = await upgraded.records.where('[table+scopeId]').equals(['note', 'u1']).toArray()
    expect(rows.map((r) => [r.id, r.scopeId, 'unitId' in r])).toEqual([['n1', 'u1', false]])
    expect(await upgraded.outbox.toArray()).toEqual([expect.objectContaining({ recordId: 'n1', scopeId: 'u1' })])
    expect((await upgraded.outbox.toArray())[0]).not.toHaveProperty('unitId')
    await upgraded.delete()
  })
})
