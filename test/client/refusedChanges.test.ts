// A value the database cannot store never reaches the outbox; and a device that already holds one
// (written by an older build) hears a lasting refusal it shows with its reason — and the person
// fixes it by editing again, or discards it. Nothing is resent for ever.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../src/client/db/db'
import { materialise, writeRecord } from '../../src/client/db/records'
import { syncOnce } from '../../src/client/sync/engine'
import { InvalidFieldError, toLocalRecord, useRecordsStore } from '../../src/client/features/records/recordsStore'
import type { Mutation } from '../../src/core/sync/protocol'
import { SYNC_KINDS, type SyncTable } from '../../src/core/sync/kinds'
import { validateFields } from '../../src/core/sync/validate'
import { FakeSyncServer } from './syncFakeServer'
import { textMatching } from '../helpers/match'
import { dialogueFields } from '../helpers/records'
import { stopDevice, syncingDevice } from './realRecords'

const NOTE = { indicator: null, year: null, month: null, body: 'Husk mødet', visibility: 'shared' }
const INITIATIVE = { indicator: 'budget', title: 'Færre vikarer', owner: 'Lene', dueDate: null, expectedEffect: 250_000, status: 'planned' }
// A whole dialogue as a device creates it: the server-owned reopening fields empty, as they start.
const DIALOGUE = dialogueFields(null, { scheduledOn: '2026-12-01', minutes: '' })

function deepAgendaPoint(depth: number): unknown {
  let point: Record<string, unknown> = { title: 'Bunden' }
  for (let i = 0; i < depth; i++) point = { title: 'Niveau', under: point }
  return point
}

let server: FakeSyncServer
beforeEach(async () => {
  server = new FakeSyncServer()
  await syncingDevice(server.fetch)
})
afterEach(stopDevice)

describe('writeRecord refuses what the database cannot store, before it reaches the outbox', () => {
  it.each<[string, SyncTable, string, Record<string, unknown>, string, RegExp]>([
    ['an amount of 10^12', 'initiative', 'i1', { ...INITIATIVE, expectedEffect: 1e12 }, 'expectedEffect', /^Forventet effekt: Beløbet skal være mindre end/],
    ['a NUL byte in a text', 'note', 'n1', { ...NOTE, body: 'a\u0000b' }, 'body', /^Tekst: Noten indeholder et tegn, der ikke kan gemmes/],
    ['a NUL byte in an id', 'note', 'n\u0000', NOTE, 'id', /^Id: /],
    ['a lone surrogate', 'note', 'n2', { ...NOTE, body: 'halv \uDE00' }, 'body', /^Tekst: Noten indeholder et tegn/],
    ['an agenda nested 10.000 deep', 'dialogue', 'd1', { ...DIALOGUE, agenda: [deepAgendaPoint(10_000)] }, 'agenda', /^Dagsorden: /],
    ['a note of only a zero-width space', 'note', 'n3', { ...NOTE, body: '\u200B' }, 'body', /^Tekst: Noten må ikke være tom\.$/],
  ])('%s', async (_name, table, id, fields, field, message) => {
    const error = await writeRecord(table, { id, scopeId: 'u1', fields }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidFieldError)
    expect((error as InvalidFieldError).field).toBe(field)
    expect((error as InvalidFieldError).message).toMatch(message)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.records.count()).toBe(0)
  })
})

describe('an outbox entry the server refuses for good', () => {
  /** What an older build, whose schemas let the value through, left in the outbox. */
  async function leftByAnOlderBuild(table: SyncTable, id: string, fields: Record<string, unknown>): Promise<void> {
    const mutation: Mutation = { mutationId: `old-${id}`, table, recordId: id, scopeId: 'u1', baseVersion: 0, op: 'upsert', fields, deviceSeq: 1 }
    await db.outbox.add({ ...mutation, createdAt: Date.now() })
    await db.records.put(materialise({ table, id, scopeId: 'u1', server: null, conflicts: [], rejections: [] }, [mutation]))
  }
  // The server judges with the same core validation the device now runs.
  const serverJudges = () =>
    server.scriptPush((m) => {
      const checked = validateFields({ kind: SYNC_KINDS[m.table as SyncTable], recordId: m.recordId, scopeId: m.scopeId, fields: m.fields, current: null })
      return checked.ok ? null : { mutationId: m.mutationId, status: 'rejected', reason: 'invalid', message: checked.message }
    })
  const shown = async (table: SyncTable, id: string) => {
    const row = await db.records.get(`${table}:${id}`)
    return row && !row.gone ? toLocalRecord(row) : undefined
  }

  it('is shown with its reason, is not resent, and is fixed by editing it again', async () => {
    await leftByAnOlderBuild('initiative', 'i-old', { ...INITIATIVE, expectedEffect: 1e12 })
    serverJudges()
    await syncOnce()
    expect(await db.outbox.count()).toBe(0)
    const refused = await shown('initiative', 'i-old')
    expect(refused?.rejection).toMatchObject({ reason: 'invalid', message: textMatching(/^Forventet effekt: Beløbet skal være mindre end/) })
    expect(refused?.data).toMatchObject({ title: 'Færre vikarer', expectedEffect: 1e12 })

    // The form sends only what the person changed; it is laid over what was refused.
    await useRecordsStore().save('initiative', { id: 'i-old', scopeId: 'u1', fields: { expectedEffect: 250_000 } })
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ recordId: 'i-old', baseVersion: 0, fields: INITIATIVE })
    expect((await shown('initiative', 'i-old'))?.rejection).toBeNull()

    await syncOnce()
    expect(await db.outbox.count()).toBe(0)
    expect(await shown('initiative', 'i-old')).toMatchObject({ version: 1, rejection: null, data: { expectedEffect: 250_000 } })
  })

  it('is discarded when the person chooses to: gone from the device, nothing left to send', async () => {
    await leftByAnOlderBuild('note', 'n-old', { ...NOTE, body: 'a\u0000b' })
    serverJudges()
    await syncOnce()
    expect((await shown('note', 'n-old'))?.rejection).toMatchObject({ reason: 'invalid', message: textMatching(/^Tekst: /) })
    await useRecordsStore().dismissRejection('note', 'n-old')
    expect(await shown('note', 'n-old')).toBeUndefined()
    expect(await db.outbox.count()).toBe(0)
    await syncOnce()
    expect(server.pushes().flatMap((p) => p.mutations)).toHaveLength(1)
  })
})
