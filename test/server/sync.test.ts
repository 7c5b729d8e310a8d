import { describe, expect, it, vi } from 'vitest'
import { recordIdFor } from '../../src/core/sync/kind'
import { CORE_SYNC_KINDS, SYNC_KINDS, type SyncTable } from '../../src/core/sync/kinds'
import { REJECTION_MESSAGES, type PushResult } from '../../src/core/sync/protocol'
import { scopeFor } from '../../src/server/auth/scope'
import { pullChanges } from '../../src/server/sync/pull'
import { UNKNOWN_BASE_VERSION, writeSynced } from '../../src/server/sync/writer'
import { CSRF, signedInApp } from '../helpers/http'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { dialogueFields } from '../helpers/records'
import { dumpSyncState, mutation, pullAll, pullPage, pullRaw, push, pushRaw, SYNC_HEADERS } from './syncHarness'
import { textMatching } from '../helpers/match'

const { t, c } = signedInApp({ leaderA: PEOPLE.leaderA, leaderC: PEOPLE.leaderC, oc: PEOPLE.ocNord, dir: PEOPLE.directorate, eco: PEOPLE.economics })

const note = (id: string, unitId: string, body: string, visibility: 'shared' | 'oc_private' = 'shared') => ({
  indicator: 'budget',
  year: 2025,
  month: 10,
  body,
  visibility,
  dialogueId: null,
  id,
  unitId,
})
const noteFields = (body: string, visibility: 'shared' | 'oc_private' = 'shared') => {
  const { id: _i, unitId: _u, ...fields } = note('', '', body, visibility)
  return fields
}

/** The server's stamps on a record written by `person`. */
const stampsBy = (person: { id: string; name: string }) => ({
  updatedBy: person.id,
  updatedByName: person.name,
  updatedAt: textMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
  createdBy: person.id,
  createdByName: person.name,
})

/** The record id a device would use: derived from the key for natural-key kinds, else a name of the test's. */
const idFor = (table: SyncTable, fields: Record<string, unknown>, name = `all-${table}`) =>
  SYNC_KINDS[table].naturalKey ? recordIdFor(SYNC_KINDS[table], { ...fields, unitId: IDS.unitA }) : name

function expectStatus<S extends PushResult['status']>(r: PushResult | undefined, status: S): Extract<PushResult, { status: S }> {
  expect(r?.status, JSON.stringify(r)).toBe(status)
  return r as Extract<PushResult, { status: S }>
}

describe('protocol and session', () => {
  it('answers 401 without a session, for pull and push', async () => {
    expect((await pullRaw(t.app, '')).statusCode).toBe(401)
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...CSRF, ...SYNC_HEADERS }, payload: {} })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ error: 'unauthenticated' })
  })

  it('tells an outdated client to update (426), before anything else', async () => {
    for (const headers of [{}, { 'x-sync-protocol': '0' }, { 'x-sync-protocol': 'abc' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/sync/pull', headers: { ...headers, cookie: c.leaderA } })
      expect(res.statusCode).toBe(426)
      expect(res.json()).toMatchObject({ error: 'client_outdated', message: textMatching(/^Appen skal opdateres/) })
    }
    const signedOut = await t.app.inject({ method: 'GET', url: '/api/sync/pull', headers: { 'x-sync-protocol': '0' } })
    expect(signedOut.statusCode).toBe(426)
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...CSRF, ...SYNC_HEADERS, cookie: c.leaderA },
      payload: { protocol: 0, deviceId: 'dev-old', mutations: [] },
    })
    expect(body.statusCode).toBe(426)
  })

  it('answers 503 to a client newer than the server', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/sync/pull', headers: { 'x-sync-protocol': '99', cookie: c.leaderA } })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({ error: 'server_outdated' })
  })

  it('needs the CSRF header to push', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...SYNC_HEADERS, cookie: c.leaderA },
      payload: { protocol: 1, deviceId: 'dev-x', mutations: [] },
    })
    expect(res.statusCode).toBe(403)
  })

  it('refuses a malformed push as a whole (400)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...CSRF, ...SYNC_HEADERS, cookie: c.leaderA },
      payload: { protocol: 1, deviceId: 'dev-x', mutations: [{ table: 'nope' }] },
    })
    expect(res.statusCode).toBe(400)
  })

  it('documents both endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/sync/push', '/api/sync/pull']))
  })
})

describe('push', () => {
  it('creates a record, pull hands it out, and the audit log has old and new value', async () => {
    const [r] = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-create', scopeId: IDS.unitA, fields: noteFields('  Første note  ') }),
    ])
    const applied = expectStatus(r, 'applied')
    expect(applied.version).toBe(1)
    expect(applied.record).toEqual({ ...note('n-create', IDS.unitA, 'Første note'), ...stampsBy(PEOPLE.leaderA) })
    const { changes } = await pullAll(t.app, c.leaderA)
    expect(changes.find((ch) => ch.id === 'n-create')).toEqual({
      table: 'note',
      id: 'n-create',
      scopeId: IDS.unitA,
      version: 1,
      deleted: false,
      record: applied.record,
    })
    const [up] = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-create', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'Rettet' } }),
    ])
    expect(expectStatus(up, 'applied').version).toBe(2)
    const audit = await t.db.query<{ action: string; old_value: unknown; new_value: unknown; person_id: string }>(
      `select action, old_value, new_value, person_id from audit_log where record_id = 'n-create' order by id`,
    )
    expect(audit).toEqual([
      { action: 'sync.create', old_value: null, new_value: noteFields('Første note'), person_id: PEOPLE.leaderA.id },
      { action: 'sync.update', old_value: { body: 'Første note' }, new_value: { body: 'Rettet' }, person_id: PEOPLE.leaderA.id },
    ])
  })

  it('the same push replayed 100 times leaves the same state as once', async () => {
    const mutations = [
      mutation({ table: 'note', recordId: 'n-replay', scopeId: IDS.unitA, fields: noteFields('Én gang') }),
      mutation({ table: 'note', recordId: 'n-replay', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'To gange' } }),
      mutation({ table: 'forecast', recordId: `fc-${IDS.unitA}-3`, scopeId: IDS.unitA, baseVersion: 1, fields: { amount: 10_400_000.5 } }),
      mutation({
        table: 'initiative',
        recordId: 'ini-replay',
        scopeId: IDS.unitA,
        fields: { indicator: 'budget', title: 'Færre vikarer', owner: 'Lea', dueDate: null, expectedEffect: 150_000, status: 'planned' },
      }),
      mutation({ table: 'note', recordId: 'n-replay-del', scopeId: IDS.unitA, fields: noteFields('Slettes') }),
      mutation({ table: 'note', recordId: 'n-replay-del', scopeId: IDS.unitA, baseVersion: 1, op: 'delete' }),
      mutation({ table: 'note', recordId: 'n-replay-x', scopeId: IDS.unitC, fields: noteFields('Forkert enhed') }),
      mutation({ table: 'note', recordId: 'n-replay-y', scopeId: IDS.unitA, fields: { ...noteFields('x'), body: '' } }),
    ]
    const first = await push(t.app, c.leaderA, 'dev-replay', mutations)
    const once = await dumpSyncState(t.db)
    for (let i = 0; i < 100; i++) {
      const again = await push(t.app, c.leaderA, 'dev-replay', mutations)
      expect(again).toEqual(first)
    }
    expect(await dumpSyncState(t.db)).toEqual(once)
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'rejected', 'rejected'])
    const counts = await t.db.query<{ n: number }>(`select count(*)::int as n from applied_mutation where device_id = 'dev-replay'`)
    expect(counts[0]?.n).toBe(mutations.length)
  })

  it('refuses a push into another unit as "not found", the same whether or not the record exists', async () => {
    await push(t.app, c.leaderC, 'dev-c1', [mutation({ table: 'note', recordId: 'n-of-c', scopeId: IDS.unitC, fields: noteFields('C') })])
    const results = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-new-in-c', scopeId: IDS.unitC, fields: noteFields('ind i C') }),
      mutation({ table: 'note', recordId: 'n-of-c', scopeId: IDS.unitC, baseVersion: 1, fields: { body: 'kapret' } }),
      // An existing record of unit C claimed to be in the leader's own unit.
      mutation({ table: 'note', recordId: 'n-of-c', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'kapret' } }),
      mutation({ table: 'forecast', recordId: `fc-${IDS.unitC}-3`, scopeId: IDS.unitA, baseVersion: 1, fields: { amount: 1 } }),
    ])
    for (const r of results) {
      expect(r).toEqual({ mutationId: r.mutationId, status: 'rejected', reason: 'not_found', message: REJECTION_MESSAGES.not_found })
    }
    const rows = await t.db.query<{ body: string; unit_id: string }>(`select body, unit_id from note where id in ('n-of-c', 'n-new-in-c')`)
    expect(rows).toEqual([{ body: 'C', unit_id: IDS.unitC }])
  })

  it('refuses a device id used from another person’s session (403), and changes nothing', async () => {
    await push(t.app, c.leaderA, 'dev-owned-by-a', [])
    const res = await pushRaw(t.app, c.leaderC, 'dev-owned-by-a', [
      mutation({ table: 'note', recordId: 'n-thief', scopeId: IDS.unitC, fields: noteFields('via fremmed enhed') }),
    ])
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ error: 'device_mismatch' })
    expect(await t.db.query(`select 1 from note where id = 'n-thief'`)).toEqual([])
  })

  it('authorises by role: leader, area chief, directorate and economics', async () => {
    const dialogue = dialogueFields(null, { minutes: '' })
    const byLeader = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'dialogue', recordId: 'dl-1', scopeId: IDS.unitA, fields: dialogue }),
      mutation({ table: 'note', recordId: 'n-priv-by-leader', scopeId: IDS.unitA, fields: noteFields('hemmelig', 'oc_private') }),
    ])
    expect(byLeader.map((r) => r.status === 'rejected' && r.reason)).toEqual(['forbidden', 'forbidden'])
    const byOc = await push(t.app, c.oc, 'dev-oc', [
      mutation({ table: 'dialogue', recordId: 'dl-1', scopeId: IDS.unitA, fields: dialogue }),
      mutation({ table: 'note', recordId: 'n-priv', scopeId: IDS.unitA, fields: noteFields('Kun for OC', 'oc_private') }),
      mutation({ table: 'forecast', recordId: 'fc-oc', scopeId: IDS.unitA, fields: { year: 2026, month: 1, amount: 1, explanation: null } }),
      mutation({ table: 'note', recordId: 'n-oc-syd', scopeId: IDS.unitC, fields: noteFields('Syd') }),
    ])
    // A forecast in a unit the OC sees but does not write: forbidden; a note in a unit it does not see: not there.
    expect(byOc.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['applied', 'applied', 'forbidden', 'not_found'])
    // The leader may not touch the private note, and hears the same as for a record that is not there.
    const [touch] = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-priv', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'læst?' } }),
      mutation({ table: 'note', recordId: 'n-priv-never', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'læst?' } }),
    ])
    expect(touch).toMatchObject({ status: 'rejected', reason: 'not_found', message: REJECTION_MESSAGES.not_found })
    for (const cookie of [c.dir, c.eco]) {
      const [r] = await push(t.app, cookie, `dev-${cookie.slice(-6)}`, [
        mutation({ table: 'note', recordId: 'n-by-dir', scopeId: IDS.unitA, fields: noteFields('fra toppen') }),
      ])
      expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' })
    }
  })

  it('rejects invalid fields with a Danish message naming the field, and lets the next mutations through', async () => {
    const results = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-inv1', scopeId: IDS.unitA, fields: { ...noteFields('x'), body: '   ' } }),
      mutation({ table: 'note', recordId: 'n-inv2', scopeId: IDS.unitA, fields: { ...noteFields('x'), colour: 'red' } }),
      mutation({ table: 'note', recordId: 'n-inv3', scopeId: IDS.unitA, fields: { body: 'kun tekst' } }),
      mutation({ table: 'actionPlanItem', recordId: `ap-${IDS.unitA}`, scopeId: IDS.unitA, baseVersion: 1, fields: { status: 'dropped' } }),
      mutation({ table: 'note', recordId: 'n-ok', scopeId: IDS.unitA, fields: noteFields('gyldig') }),
    ])
    expect(results.map((r) => (r.status === 'rejected' ? [r.reason, r.message] : r.status))).toEqual([
      ['invalid', 'Tekst: Noten må ikke være tom.'],
      ['invalid', 'colour: feltet findes ikke og kan ikke gemmes.'],
      ['invalid', textMatching(/^Indikator: /)],
      ['invalid', 'Begrundelse for at udgå: Angiv en begrundelse, når en handling udgår.'],
      'applied',
    ])
  })

  it('refuses the server’s stamps (who and when) as fields, on a create and on an edit', async () => {
    const results = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-stamp1', scopeId: IDS.unitA, fields: { ...noteFields('x'), updatedByName: 'En anden' } }),
      mutation({ table: 'note', recordId: 'n-stamp2', scopeId: IDS.unitA, fields: noteFields('y') }),
      mutation({ table: 'note', recordId: 'n-stamp2', scopeId: IDS.unitA, baseVersion: 1, fields: { updatedAt: '2020-01-01T00:00:00.000Z' } }),
      mutation({ table: 'note', recordId: 'n-stamp2', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'z', createdBy: PEOPLE.ocNord.id } }),
    ])
    expect(results.map((r) => (r.status === 'rejected' ? [r.reason, r.message] : r.status))).toEqual([
      ['invalid', 'Ændret af: sættes af serveren og kan ikke ændres.'],
      'applied',
      ['invalid', 'Ændret: sættes af serveren og kan ikke ændres.'],
      ['invalid', 'Oprettet af: sættes af serveren og kan ikke ændres.'],
    ])
    const [row] = await t.db.query<{ body: string; created_by: string; version: number }>(`select body, created_by, version from note where id = 'n-stamp2'`)
    expect(row).toEqual({ body: 'y', created_by: PEOPLE.leaderA.id, version: 1 })
  })

  it('keeps a note’s visibility fixed after it is made', async () => {
    await push(t.app, c.oc, 'dev-oc', [mutation({ table: 'note', recordId: 'n-vis', scopeId: IDS.unitA, fields: noteFields('delt') })])
    const [r] = await push(t.app, c.oc, 'dev-oc', [
      mutation({ table: 'note', recordId: 'n-vis', scopeId: IDS.unitA, baseVersion: 1, fields: { visibility: 'oc_private' } }),
    ])
    expect(r).toMatchObject({ status: 'rejected', reason: 'invalid', message: 'Synlighed: kan ikke ændres, efter posten er oprettet.' })
  })

  it('reports an unexpected failure as rejected "error" without storing it or stopping the others', async () => {
    const failing = mutation({
      table: 'initiative',
      recordId: 'ini-fail',
      scopeId: IDS.unitA,
      fields: { indicator: 'budget', title: 'Stor', owner: '', dueDate: null, expectedEffect: 1, status: 'planned' },
    })
    const fine = mutation({ table: 'note', recordId: 'n-after-error', scopeId: IDS.unitA, fields: noteFields('kommer igennem') })
    // A failure that has nothing to do with the values (the connection went away): worth retrying.
    const lost = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })
    const spy = vi.spyOn(t.db, 'transaction').mockRejectedValueOnce(lost)
    const results = await push(t.app, c.leaderA, 'dev-a1', [failing, fine]).finally(() => spy.mockRestore())
    expect(results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['error', 'applied'])
    expect(await t.db.query(`select 1 from applied_mutation where mutation_id = $1`, [failing.mutationId])).toEqual([])
    expect(await t.db.query(`select 1 from initiative where id = 'ini-fail'`)).toEqual([])
  })

  it('refuses a create of a natural-key record under an id not derived from its key', async () => {
    const [r] = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'forecast', recordId: 'fc-other-id', scopeId: IDS.unitA, fields: { year: 2025, month: 4, amount: 10_500_000, explanation: null } }),
    ])
    expect(r).toMatchObject({ status: 'rejected', reason: 'invalid', field: 'id', message: textMatching(/^Id: /) })
    const [again] = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({
        table: 'forecast',
        recordId: 'fc-other-id',
        scopeId: IDS.unitA,
        fields: { year: 2025, month: 4, amount: 10_500_000, explanation: null },
        mutationId: r!.mutationId,
      }),
    ])
    expect(again).toEqual(r)
  })
})

describe('merge', () => {
  it('merges two devices editing different fields of one record', async () => {
    await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-merge', scopeId: IDS.unitA, fields: noteFields('start') })])
    const [fromTablet] = await push(t.app, c.leaderA, 'dev-tablet', [
      mutation({ table: 'note', recordId: 'n-merge', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'fra tablet' } }),
    ])
    expect(expectStatus(fromTablet, 'applied').version).toBe(2)
    const [fromLaptop] = await push(t.app, c.leaderA, 'dev-laptop', [
      mutation({ table: 'note', recordId: 'n-merge', scopeId: IDS.unitA, baseVersion: 1, fields: { month: 11 } }),
    ])
    const merged = expectStatus(fromLaptop, 'applied')
    expect(merged.version).toBe(3)
    expect(merged.record).toMatchObject({ body: 'fra tablet', month: 11 })
  })

  it('keeps the server value of a field changed by both and returns both values as a conflict', async () => {
    await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-clash', scopeId: IDS.unitA, fields: noteFields('start') })])
    await push(t.app, c.leaderA, 'dev-phone', [
      mutation({ table: 'note', recordId: 'n-clash', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'telefon' } }),
    ])
    const [r] = await push(t.app, c.leaderA, 'dev-tablet', [
      mutation({ table: 'note', recordId: 'n-clash', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'tablet', month: 12 } }),
    ])
    const conflict = expectStatus(r, 'conflict')
    expect(conflict.conflicts).toEqual([{ field: 'body', mine: 'tablet', theirs: 'telefon' }])
    // The field nobody else touched merged.
    expect(conflict.record).toMatchObject({ body: 'telefon', month: 12 })
    expect(conflict.version).toBe(3)
    // Equal values are no conflict.
    const [same] = await push(t.app, c.leaderA, 'dev-tablet', [
      mutation({ table: 'note', recordId: 'n-clash', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'telefon' } }),
    ])
    expect(expectStatus(same, 'applied').version).toBe(3)
  })

  it('applies a device’s own queued edits of one field in order, all on the same base version', async () => {
    await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-queue', scopeId: IDS.unitA, fields: noteFields('v1') })])
    const results = await push(t.app, c.leaderA, 'dev-phone', [
      mutation({ table: 'note', recordId: 'n-queue', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'v2' } }),
      mutation({ table: 'note', recordId: 'n-queue', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'v3' } }),
    ])
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(results[1]).toMatchObject({ version: 3, record: { body: 'v3' } })
  })

  it('turns a delete that meets newer edits into a conflict, refuses edits of a deleted record, and revives on create', async () => {
    await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-del', scopeId: IDS.unitA, fields: noteFields('start') })])
    await push(t.app, c.leaderA, 'dev-tablet', [
      mutation({ table: 'note', recordId: 'n-del', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'tablet skrev' } }),
    ])
    const [del] = await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-del', scopeId: IDS.unitA, baseVersion: 1, op: 'delete' })])
    expect(expectStatus(del, 'conflict').conflicts).toEqual([{ field: 'deleted', mine: true, theirs: false }])
    const [del2] = await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-del', scopeId: IDS.unitA, baseVersion: 2, op: 'delete' })])
    expect(del2).toMatchObject({ status: 'applied', version: 3, deleted: true, record: null })
    const [edit] = await push(t.app, c.oc, 'dev-oc', [
      mutation({ table: 'note', recordId: 'n-del', scopeId: IDS.unitA, baseVersion: 2, fields: { body: 'for sent' } }),
    ])
    expect(edit).toMatchObject({ status: 'rejected', reason: 'deleted', message: REJECTION_MESSAGES.deleted })
    const [revive] = await push(t.app, c.oc, 'dev-oc', [mutation({ table: 'note', recordId: 'n-del', scopeId: IDS.unitA, fields: noteFields('igen') })])
    expect(revive).toMatchObject({ status: 'applied', version: 4, deleted: false, record: { body: 'igen' } })
  })

  it('rejects an edit of a record the server has never had', async () => {
    const [r] = await push(t.app, c.leaderA, 'dev-phone', [
      mutation({ table: 'note', recordId: 'n-never', scopeId: IDS.unitA, baseVersion: 4, fields: { body: 'x' } }),
    ])
    expect(r).toMatchObject({ status: 'rejected', reason: 'not_found' })
  })
})

describe('pull', () => {
  it('pages by cursor: every change once, in order, with hasMore until the end', async () => {
    const { changes: all, cursor: end } = await pullAll(t.app, c.dir)
    let cursor = 0
    const paged: string[] = []
    let pages = 0
    for (;;) {
      const page = await pullPage(t.app, c.dir, cursor, 7)
      pages += 1
      expect(page.changes.length).toBeLessThanOrEqual(7)
      paged.push(...page.changes.map((ch) => `${ch.table}:${ch.id}`))
      expect(page.cursor).toBeGreaterThanOrEqual(cursor)
      cursor = page.cursor
      if (!page.hasMore) break
      expect(page.changes).toHaveLength(7)
    }
    expect(pages).toBeGreaterThan(3)
    expect(paged).toEqual(all.map((ch) => `${ch.table}:${ch.id}`))
    expect(new Set(paged).size).toBe(paged.length)
    expect(cursor).toBe(end)
    expect(await pullPage(t.app, c.dir, end)).toEqual({ changes: [], cursor: end, hasMore: false })
    expect((await pullRaw(t.app, c.dir, 0, 2001)).statusCode).toBe(400)
  })

  it('moves a leader’s cursor past changes in other units, and starts over when the cursor is ahead of the server', async () => {
    const { cursor } = await pullAll(t.app, c.leaderA)
    await push(t.app, c.leaderC, 'dev-c1', [mutation({ table: 'note', recordId: 'n-elsewhere', scopeId: IDS.unitC, fields: noteFields('andetsteds') })])
    const page = await pullPage(t.app, c.leaderA, cursor)
    expect(page.changes).toEqual([])
    expect(page.cursor).toBeGreaterThan(cursor)
    expect(await pullPage(t.app, c.leaderA, page.cursor)).toEqual({ changes: [], cursor: page.cursor, hasMore: false })
    expect(await pullPage(t.app, c.leaderA, page.cursor + 1000)).toEqual({ changes: [], cursor: 0, hasMore: true })
  })

  it('hands out a delete as a tombstone after the cursor', async () => {
    await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-tomb', scopeId: IDS.unitA, fields: noteFields('væk snart') })])
    const { cursor } = await pullAll(t.app, c.leaderA)
    await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-tomb', scopeId: IDS.unitA, baseVersion: 1, op: 'delete' })])
    const page = await pullPage(t.app, c.leaderA, cursor)
    expect(page.changes).toEqual([{ table: 'note', id: 'n-tomb', scopeId: IDS.unitA, version: 2, deleted: true, record: null }])
  })

  // OC private notes, as every role and on every route, pull included: privateNotes.test.ts.
  it('never gives a leader another unit’s records, nor an area chief those of another area', async () => {
    await push(t.app, c.leaderA, 'dev-a1', [mutation({ table: 'note', recordId: 'n-a-only', scopeId: IDS.unitA, fields: noteFields('Kun A') })])
    await push(t.app, c.leaderC, 'dev-c1', [mutation({ table: 'note', recordId: 'n-c-only', scopeId: IDS.unitC, fields: noteFields('Kun C') })])

    const leader = (await pullAll(t.app, c.leaderA)).changes
    expect(leader.length).toBeGreaterThan(0)
    expect(new Set(leader.map((ch) => ch.scopeId))).toEqual(new Set([IDS.unitA]))

    const leaderC = (await pullAll(t.app, c.leaderC)).changes
    expect(new Set(leaderC.map((ch) => ch.scopeId))).toEqual(new Set([IDS.unitC]))

    const oc = (await pullAll(t.app, c.oc)).changes
    expect(oc.some((ch) => ch.id === 'n-a-only')).toBe(true)
    expect(oc.some((ch) => ch.scopeId === IDS.unitC)).toBe(false)

    for (const cookie of [c.dir, c.eco]) {
      const everything = (await pullAll(t.app, cookie)).changes
      expect(everything.some((ch) => ch.id === 'n-c-only')).toBe(true)
      expect(everything.some((ch) => ch.id === 'n-a-only')).toBe(true)
    }
  })

  it('hands out records exactly as push answers them, for every synced table (the SQL pull functions match tables.ts)', async () => {
    const records = {
      actionPlanItem: { year: 2025, title: 'Plan', dueDate: '2025-12-31', status: 'done', doneOn: '2025-12-01', dropReason: null },
      forecast: { year: 2026, month: 2, amount: 1234.5, explanation: 'Vikarer' },
      explanation: { indicator: 'budget', year: 2025, month: 10, causes: ['Sygdom', 'Vikarer'], body: 'Forklaring', validReason: true },
      initiative: { indicator: 'forecast', title: 'Tiltag', owner: 'Lea', dueDate: '2026-01-31', expectedEffect: 50_000.25, status: 'in_progress' },
      note: noteFields('Note til alle'),
      dialoguePreparation: { year: 2025, month: 11, questions: 'Hvad nu?', readyAt: '2025-11-14T09:30:00+01:00' },
      dialogue: {
        kind: 'follow_up',
        topics: [
          { indicator: 'budget', purpose: 'follow_up' },
          { indicator: 'forecast', purpose: 'follow_up' },
        ],
        followsFrom: 'all-dialogue-before',
        scheduledOn: '2025-12-01',
        heldOn: '2025-12-02',
        agenda: ['Budget', { title: 'Prognose', fromLast: true }],
        minutes: 'Referat',
        improved: { budget: true, forecast: false },
        reopenedOn: null,
        reopenReason: '',
      },
      dialogueAction: { dialogueId: 'all-dialogue', title: 'Ny vagtplan', owner: 'Lea', dueOn: '2026-01-31', status: 'done', doneOn: '2026-01-20' },
      developmentPlan: {
        fromDialogueId: 'all-dialogue',
        indicators: ['forecast'],
        startedOn: '2025-12-02',
        goals: ['Prognoser inden for intervallet'],
        actions: [{ what: 'Månedlig gennemgang', owner: 'Lea', dueOn: '2026-02-28' }],
        leaderAcknowledgedOn: null,
        leaderAcknowledgedBy: null,
        ocAcknowledgedOn: '2025-12-03',
        ocAcknowledgedBy: PEOPLE.ocNord.id,
        endedOn: null,
      },
      unitMark: {
        kind: 'best_practice',
        indicator: 'budget',
        text: 'Fast månedligt budgetmøde',
        dialogueId: 'all-dialogue',
        markedOn: '2025-12-02',
        endedOn: null,
      },
    } as const
    // The dialogue chain is the area chief's; the figures stamp the server's own (an import); everything else the leader's.
    const byOc = new Set<string>(['dialogue', 'dialogueAction', 'developmentPlan', 'unitMark'])
    const byServer = { unitFigures: { importedAt: '2025-12-01T06:00:00.000Z', importId: 'import-1' } }
    expect([...Object.keys(records), ...Object.keys(byServer)].sort()).toEqual(CORE_SYNC_KINDS.map((k) => k.name).sort())
    const { cursor } = await pullAll(t.app, c.dir)
    const answers = new Map<string, unknown>()
    for (const [table, fields] of Object.entries(records)) {
      const cookie = byOc.has(table) ? c.oc : c.leaderA
      const [r] = await push(t.app, cookie, byOc.has(table) ? 'dev-oc' : 'dev-a1', [
        mutation({ table, recordId: idFor(table as keyof typeof records, fields), scopeId: IDS.unitA, fields: { ...fields } }),
      ])
      answers.set(table, expectStatus(r, 'applied').record)
    }
    const kind = SYNC_KINDS.unitFigures
    const stamped = await t.db.transaction((tx) =>
      writeSynced(tx, {
        kind,
        id: recordIdFor(kind, { unitId: IDS.unitA }),
        scopeId: IDS.unitA,
        op: 'upsert',
        fields: byServer.unitFigures,
        personId: PEOPLE.economics.id,
      }),
    )
    answers.set('unitFigures', expectStatus({ ...stamped, mutationId: 'import' }, 'applied').record)
    const pulled = (await pullAll(t.app, c.dir, cursor)).changes
    expect(pulled.map((ch) => ch.table)).toEqual([...Object.keys(records), 'unitFigures'])
    for (const ch of pulled) expect(ch.record, ch.table).toEqual(answers.get(ch.table))
    expect(answers.get('dialoguePreparation')).toMatchObject({ readyAt: '2025-11-14T08:30:00.000Z' })
  })

  it('hands out who wrote a note and when: the author’s name and time, and who made it after someone else edits it', async () => {
    const { cursor } = await pullAll(t.app, c.oc)
    const before = Date.now()
    const [made] = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-author', scopeId: IDS.unitA, fields: noteFields('Hvem skrev?') }),
    ])
    const after = Date.now()
    const pulled = (await pullAll(t.app, c.oc, cursor)).changes.find((ch) => ch.id === 'n-author')
    expect(pulled?.record).toEqual({ ...note('n-author', IDS.unitA, 'Hvem skrev?'), ...stampsBy(PEOPLE.leaderA) })
    expect(pulled?.record).toEqual(expectStatus(made, 'applied').record)
    const at = Date.parse(String(pulled?.record?.updatedAt))
    expect(at).toBeGreaterThanOrEqual(before - 1000)
    expect(at).toBeLessThanOrEqual(after + 1000)

    // A server-side writer (an OC tool, an import) changes it as the area chief: the last writer
    // changes, the maker stays. (Through push the area chief may not: only the author edits a note.)
    const edited = await t.db.transaction((tx) =>
      writeSynced(tx, {
        kind: SYNC_KINDS.note,
        id: 'n-author',
        scopeId: IDS.unitA,
        op: 'upsert',
        fields: { month: 11 },
        personId: PEOPLE.ocNord.id,
      }),
    )
    const editedRecord = expectStatus({ ...edited, mutationId: 'x' }, 'applied').record
    expect(editedRecord).toMatchObject({
      updatedBy: PEOPLE.ocNord.id,
      updatedByName: PEOPLE.ocNord.name,
      createdBy: PEOPLE.leaderA.id,
      createdByName: PEOPLE.leaderA.name,
    })
    const again = (await pullAll(t.app, c.leaderA, cursor)).changes.find((ch) => ch.id === 'n-author')
    expect(again?.record).toEqual(editedRecord)
    expect(Date.parse(String(again?.record?.updatedAt))).toBeGreaterThanOrEqual(at)

    // A conflict answer carries the stamps of the server's copy too.
    const [clash] = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-author', scopeId: IDS.unitA, baseVersion: 1, fields: { month: 12 } }),
    ])
    expect(expectStatus(clash, 'conflict').record).toEqual(again?.record)
  })

  it('logs who pulled a unit’s notes', async () => {
    await push(t.app, c.leaderC, 'dev-c1', [mutation({ table: 'note', recordId: 'n-logged', scopeId: IDS.unitC, fields: noteFields('læses') })])
    // Earlier pulls may still be waiting in the batch: look only at this one.
    const since = new Date().toISOString()
    await pullAll(t.app, c.leaderC)
    type Row = { person_id: string; unit_id: string; what: string; records: number }
    // Written in batches, within a second.
    const rows = await vi.waitFor(
      async () => {
        const found = await t.db.query<Row>('select person_id, unit_id, what, records from access_log where at >= $1 and person_id = $2', [
          since,
          PEOPLE.leaderC.id,
        ])
        if (found.length === 0) throw new Error('not yet')
        return found
      },
      { timeout: 3000, interval: 100 },
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ person_id: PEOPLE.leaderC.id, unit_id: IDS.unitC, what: 'note' })
    expect(rows[0]!.records).toBeGreaterThan(0)
  })
})

describe('defects found when the sync was attacked', () => {
  it('refuses a base version the server never handed out, for an edit and a delete (it skipped the conflict check)', async () => {
    await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'note', recordId: 'n-future', scopeId: IDS.unitA, fields: noteFields('start') })])
    await push(t.app, c.leaderA, 'dev-tablet', [
      mutation({ table: 'note', recordId: 'n-future', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'nyere' } }),
    ])
    const results = await push(t.app, c.leaderA, 'dev-phone', [
      mutation({ table: 'note', recordId: 'n-future', scopeId: IDS.unitA, baseVersion: 999_999, fields: { body: 'overskriver' } }),
      mutation({ table: 'note', recordId: 'n-future', scopeId: IDS.unitA, baseVersion: 999_999, op: 'delete' }),
    ])
    for (const r of results) expect(r).toMatchObject({ status: 'rejected', reason: 'invalid', message: UNKNOWN_BASE_VERSION })
    expect(await t.db.query(`select body, deleted, version from note where id = 'n-future'`)).toEqual([{ body: 'nyere', deleted: false, version: 2 }])
  })

  it('answers a probe of an id elsewhere or of a private note exactly as one of an id that does not exist', async () => {
    await push(t.app, c.leaderC, 'dev-c1', [mutation({ table: 'note', recordId: 'n-probe-c', scopeId: IDS.unitC, fields: noteFields('C') })])
    await push(t.app, c.oc, 'dev-oc', [mutation({ table: 'note', recordId: 'p-probe-a', scopeId: IDS.unitA, fields: noteFields('Privat', 'oc_private') })])
    const probe = (recordId: string, op: 'upsert' | 'delete') =>
      mutation({ table: 'note', recordId, scopeId: IDS.unitA, baseVersion: 1, op, fields: op === 'delete' ? {} : { body: 'hvem?' } })
    const answers = await push(t.app, c.leaderA, 'dev-a1', [
      probe('n-probe-c', 'upsert'),
      probe('p-probe-a', 'upsert'),
      probe('n-probe-none', 'upsert'),
      probe('n-probe-c', 'delete'),
      probe('p-probe-a', 'delete'),
      probe('n-probe-none', 'delete'),
    ])
    const shapes = answers.map(({ mutationId: _m, ...rest }) => rest)
    expect(shapes.slice(0, 3)).toEqual(Array(3).fill({ status: 'rejected', reason: 'not_found', message: REJECTION_MESSAGES.not_found }))
    expect(shapes.slice(3)).toEqual(Array(3).fill({ status: 'applied', version: 0, deleted: true, record: null }))
    expect(await t.db.query(`select id from note where id in ('n-probe-c', 'p-probe-a') and not deleted order by id`)).toEqual([
      { id: 'n-probe-c' },
      { id: 'p-probe-a' },
    ])
  })

  it('lets a person edit and delete only the notes they wrote (Authorship)', async () => {
    await push(t.app, c.leaderA, 'dev-a1', [mutation({ table: 'note', recordId: 'n-by-leader', scopeId: IDS.unitA, fields: noteFields('Lederens') })])
    await push(t.app, c.oc, 'dev-oc', [mutation({ table: 'note', recordId: 'n-by-oc', scopeId: IDS.unitA, fields: noteFields('OC’s') })])
    const byOc = await push(t.app, c.oc, 'dev-oc', [
      mutation({ table: 'note', recordId: 'n-by-leader', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'omskrevet af OC' } }),
      mutation({ table: 'note', recordId: 'n-by-leader', scopeId: IDS.unitA, baseVersion: 1, op: 'delete' }),
    ])
    const byLeader = await push(t.app, c.leaderA, 'dev-a1', [
      mutation({ table: 'note', recordId: 'n-by-oc', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'omskrevet af lederen' } }),
    ])
    for (const r of [...byOc, ...byLeader]) {
      expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden', message: 'Du kan kun ændre eller slette noter, du selv har skrevet.' })
    }
    const own = await push(t.app, c.oc, 'dev-oc', [
      mutation({ table: 'note', recordId: 'n-by-oc', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'rettet af OC' } }),
    ])
    expect(own[0]).toMatchObject({ status: 'applied', version: 2 })
    expect(await t.db.query(`select id, body, deleted from note where id in ('n-by-leader', 'n-by-oc') order by id`)).toEqual([
      { id: 'n-by-leader', body: 'Lederens', deleted: false },
      { id: 'n-by-oc', body: 'rettet af OC', deleted: false },
    ])
  })

  it('keeps the device’s own order when its pushes arrive reversed, also an edit that arrives before its create', async () => {
    const create = mutation({ table: 'note', recordId: 'n-order', scopeId: IDS.unitA, fields: noteFields('a') })
    const second = mutation({ table: 'note', recordId: 'n-order', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'b' } })
    const third = mutation({ table: 'note', recordId: 'n-order', scopeId: IDS.unitA, baseVersion: 1, fields: { body: 'c' } })
    await push(t.app, c.leaderA, 'dev-order', [create])
    const [late3, late2] = await push(t.app, c.leaderA, 'dev-order', [third, second])
    expect(late3).toMatchObject({ status: 'applied', record: { body: 'c' } })
    expect(late2).toMatchObject({ status: 'applied', record: { body: 'c' } })
    // A device sends the whole record until the server has it (db/records.ts), so an edit that
    // overtakes its create is a create of its own; the older create then changes nothing.
    const made = mutation({ table: 'note', recordId: 'n-order-2', scopeId: IDS.unitA, fields: noteFields('først') })
    const edited = mutation({ table: 'note', recordId: 'n-order-2', scopeId: IDS.unitA, fields: noteFields('bagefter') })
    const [first, then] = await push(t.app, c.leaderA, 'dev-order', [edited, made])
    expect(first).toMatchObject({ status: 'applied', record: { body: 'bagefter' } })
    expect(then).toMatchObject({ status: 'applied', version: 1, record: { body: 'bagefter' } })
    // A delete the device made after an edit wins over that edit arriving late.
    const edit = mutation({ table: 'note', recordId: 'n-order', scopeId: IDS.unitA, baseVersion: 2, fields: { body: 'd' } })
    const del = mutation({ table: 'note', recordId: 'n-order', scopeId: IDS.unitA, baseVersion: 2, op: 'delete' })
    const [deleted, stale] = await push(t.app, c.leaderA, 'dev-order', [del, edit])
    expect(deleted).toMatchObject({ status: 'applied', deleted: true })
    expect(stale).toMatchObject({ status: 'applied', deleted: true, record: null })
  })

  it('makes two offline creates of one month’s forecast one record, merged per field (derived id, unique key)', async () => {
    const fields = { year: 2026, month: 6, amount: 1000, explanation: 'Vikarer' }
    const id = recordIdFor(SYNC_KINDS.forecast, { ...fields, unitId: IDS.unitA })
    const [phone] = await push(t.app, c.leaderA, 'dev-phone', [mutation({ table: 'forecast', recordId: id, scopeId: IDS.unitA, fields })])
    const [tablet] = await push(t.app, c.leaderA, 'dev-tablet', [
      mutation({ table: 'forecast', recordId: id, scopeId: IDS.unitA, fields: { ...fields, amount: 2000 } }),
    ])
    expect(phone).toMatchObject({ status: 'applied', version: 1 })
    expect(expectStatus(tablet, 'conflict').conflicts).toEqual([{ field: 'amount', mine: 2000, theirs: 1000 }])
    expect(await t.db.query(`select count(*)::int as n from forecast where unit_id = $1 and year = 2026 and month = 6`, [IDS.unitA])).toEqual([{ n: 1 }])
    for (const [table, row] of [
      ['explanation', `'budget', 2025, 1`],
      ['dialogue_preparation', `2025, 1`],
    ] as const) {
      const columns = table === 'explanation' ? 'indicator, year, month' : 'year, month'
      await t.db.query(`insert into ${table} (id, unit_id, ${columns}) values ('k1', $1, ${row})`, [IDS.unitA])
      await expect(t.db.query(`insert into ${table} (id, unit_id, ${columns}) values ('k2', $1, ${row})`, [IDS.unitA])).rejects.toThrow()
    }
  })

  it('bounds a pull page by bytes as well as by count, always at least one record', async () => {
    const { cursor } = await pullAll(t.app, c.leaderA)
    const body = 'x'.repeat(1000)
    await push(
      t.app,
      c.leaderA,
      'dev-a1',
      Array.from({ length: 10 }, (_, i) => mutation({ table: 'note', recordId: `n-big-${i}`, scopeId: IDS.unitA, fields: noteFields(`${i}${body}`) })),
    )
    const principal = await scopeFor(t.db, PEOPLE.leaderA.id)
    const seen: string[] = []
    let at = cursor
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(20)
      const page = await pullChanges(t.db, () => Promise.resolve(principal), { kinds: CORE_SYNC_KINDS, cursor: at, limit: 500, maxBytes: 2500 })
      expect(page.changes.length).toBeGreaterThan(0)
      expect(page.changes.length === 1 || JSON.stringify(page.changes.map((ch) => ch.record)).length <= 2500 + 100).toBe(true)
      seen.push(...page.changes.map((ch) => ch.id))
      at = page.cursor
      if (!page.hasMore) break
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `n-big-${i}`))
    const tiny = await pullChanges(t.db, () => Promise.resolve(principal), { kinds: CORE_SYNC_KINDS, cursor, limit: 500, maxBytes: 10 })
    expect(tiny.changes).toHaveLength(1)
    expect(tiny.hasMore).toBe(true)
  })
})
