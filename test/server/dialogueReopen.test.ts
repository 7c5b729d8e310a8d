// "Genåbn" (POST /api/dialogues/:dialogueId/reopen): the area chief of the dialogue's unit reopens a
// locked dialogue with a reason. The server writes reopenedOn = today and the reason through the
// one writer — audited in the OC's name, handed out by the next pull — and the dialogue takes
// changes again until reopenedOn + the lock days. Nobody else can reopen, or even learn that the
// dialogue exists; a dialogue that is not locked needs no reopening; and no device writes either
// field itself.
import { beforeAll, describe, expect, it } from 'vitest'
import { addDaysIso } from '../../src/core/dates'
import { dialogueLockedMessage } from '../../src/core/history/dialogueLock'
import { MAX_REASON_LENGTH } from '../../src/core/limits'
import { IDS, PEOPLE, DIALOGUE_CAST } from '../helpers/fixtures'
import { dialogueFields } from '../helpers/records'
import { signedInApp } from '../helpers/http'
import { outcome, remove, reopen, write } from './dialogueHarness'
import { dumpSyncState, pullAll, push } from './syncHarness'

const HELD = '2025-11-01'
/** 14 days after HELD: the first day it is locked. */
const LOCK_DAY = '2025-11-15'
const NOT_FOUND = { error: 'not_found', message: 'Dialogen findes ikke.' }
const SERVER_OWNED = 'sættes af serveren og kan ikke ændres.'

let today = HELD
const { t, c } = signedInApp(DIALOGUE_CAST, { today: () => today })
beforeAll(async () => {
  const made = await push(t.app, c.oc, 'dev-oc', [
    write('dialogue', 'dlg', IDS.unitA, dialogueFields(HELD)),
    write('dialogue', 'dlg-planned', IDS.unitA, dialogueFields(null)),
    write('dialogue', 'dlg-gone', IDS.unitA, dialogueFields(HELD)),
    remove('dialogue', 'dlg-gone', IDS.unitA, 1),
  ])
  expect(made.map(outcome)).toEqual(['applied', 'applied', 'applied', 'applied'])
})

const stored = async (id = 'dlg') =>
  (
    await t.db.query<{ reopened_on: string | null; reopen_reason: string; minutes: string; version: number }>(
      `select to_char(reopened_on, 'YYYY-MM-DD') as reopened_on, reopen_reason, minutes, version from dialogue where id = $1`,
      [id],
    )
  )[0]

describe('who may reopen', () => {
  it('answers everyone but the area chief of the unit as for a dialogue that does not exist, and writes nothing', async () => {
    today = LOCK_DAY
    const before = await dumpSyncState(t.db)
    const missing = await reopen(t.app, c.oc, 'findes-ikke', { reason: 'Fejl i referatet' })
    expect([missing.statusCode, missing.json()]).toEqual([404, NOT_FOUND])
    for (const cookie of [c.leaderA, c.ocSyd, c.dir, c.eco]) {
      for (const id of ['dlg', 'findes-ikke']) {
        const res = await reopen(t.app, cookie, id, { reason: 'Fejl i referatet' })
        expect([res.statusCode, res.body]).toEqual([404, missing.body])
      }
    }
    // A deleted dialogue is not there either, for its own OC too.
    const gone = await reopen(t.app, c.oc, 'dlg-gone', { reason: 'Fejl i referatet' })
    expect([gone.statusCode, gone.body]).toEqual([404, missing.body])
    expect(await dumpSyncState(t.db)).toEqual(before)
  })

  it('needs a session and the CSRF header', async () => {
    expect((await reopen(t.app, '', 'dlg', { reason: 'x' })).statusCode).toBe(401)
    const res = await t.app.inject({ method: 'POST', url: '/api/dialogues/dlg/reopen', headers: { cookie: c.oc }, payload: { reason: 'x' } })
    expect(res.statusCode).toBe(403)
  })
})

describe('the reason', () => {
  it.each<[string, unknown, string]>([
    ['no reason', {}, 'Begrundelsen skal være en tekst.'],
    ['a reason that is not a text', { reason: 42 }, 'Begrundelsen skal være en tekst.'],
    ['an empty reason', { reason: '' }, 'Begrundelsen må ikke være tom.'],
    ['only spaces and zero-width characters', { reason: ' \u200B\u2060 ' }, 'Begrundelsen må ikke være tom.'],
    ['a reason too long', { reason: 'x'.repeat(MAX_REASON_LENGTH + 1) }, 'Begrundelsen må højst være 2.000 tegn.'],
  ])('refuses %s with a Danish 400 naming the field', async (_name, body, message) => {
    const res = await reopen(t.app, c.oc, 'dlg', body)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: 'invalid_input', message: 'Oplysningerne i forespørgslen er ikke gyldige.', details: [{ path: 'reason', message }] })
    expect((await stored())?.reopened_on).toBeNull()
  })
})

describe('a dialogue that is not locked', () => {
  it.each<[string, string, string]>([
    ['not held yet', 'dlg-planned', LOCK_DAY],
    ['held, the day before its lock day', 'dlg', addDaysIso(LOCK_DAY, -1)],
  ])('is refused (409) when it is %s, and nothing is written', async (_name, id, day) => {
    today = day
    const before = await dumpSyncState(t.db)
    const res = await reopen(t.app, c.oc, id, { reason: 'Fejl i referatet' })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({ error: 'not_locked', message: 'Dialogen er ikke låst, så den kan ændres uden at blive genåbnet.' })
    expect(await dumpSyncState(t.db)).toEqual(before)
  })
})

describe('reopening a locked dialogue', () => {
  const reopenedOn = '2025-11-20'
  let cursors: Record<'leaderA' | 'oc', number>

  it('is refused on push while locked', async () => {
    today = reopenedOn
    cursors = { leaderA: (await pullAll(t.app, c.leaderA)).cursor, oc: (await pullAll(t.app, c.oc)).cursor }
    const [r] = await push(t.app, c.oc, 'dev-oc', [write('dialogue', 'dlg', IDS.unitA, { minutes: 'Rettet referat' }, 1)])
    expect(outcome(r)).toEqual(['invalid', 'minutes', `Referat: ${dialogueLockedMessage(14)}`])
  })

  it('writes today and the reason (trimmed), in the OC’s name in the audit log', async () => {
    const res = await reopen(t.app, c.oc, 'dlg', { reason: '  Navnet på den ansvarlige var forkert  ' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      dialogueId: 'dlg',
      reopenedOn,
      reopenReason: 'Navnet på den ansvarlige var forkert',
      locksOn: addDaysIso(reopenedOn, 14),
      version: 2,
    })
    expect(await stored()).toEqual({
      reopened_on: reopenedOn,
      reopen_reason: 'Navnet på den ansvarlige var forkert',
      minutes: 'Aftalt: ny vagtplan',
      version: 2,
    })
    const audit = await t.db.query(`select person_id, action, old_value, new_value, device_id from audit_log where record_id = 'dlg' order by id desc limit 1`)
    expect(audit).toEqual([
      {
        person_id: PEOPLE.ocNord.id,
        action: 'sync.update',
        old_value: { reopenedOn: null, reopenReason: '' },
        new_value: { reopenedOn, reopenReason: 'Navnet på den ansvarlige var forkert' },
        device_id: 'server',
      },
    ])
  })

  it('reaches the devices by their next pull, the leader’s too', async () => {
    for (const who of ['leaderA', 'oc'] as const) {
      const change = (await pullAll(t.app, c[who], cursors[who])).changes.find((ch) => ch.id === 'dlg')
      expect(change?.version, who).toBe(2)
      expect(change?.record, who).toMatchObject({
        reopenedOn,
        reopenReason: 'Navnet på den ansvarlige var forkert',
        updatedBy: PEOPLE.ocNord.id,
        updatedByName: PEOPLE.ocNord.name,
      })
    }
  })

  it('takes changes again — also one based on the version before the reopening — until reopenedOn + lock days', async () => {
    const [stale] = await push(t.app, c.oc, 'dev-oc', [write('dialogue', 'dlg', IDS.unitA, { minutes: 'Rettet referat' }, 1)])
    expect(outcome(stale)).toBe('applied')
    today = addDaysIso(reopenedOn, 13)
    const [later] = await push(t.app, c.oc, 'dev-oc', [write('dialogue', 'dlg', IDS.unitA, { agenda: ['Budget', 'Tilføjet'] }, 3)])
    expect(outcome(later)).toBe('applied')
    today = addDaysIso(reopenedOn, 14)
    const [locked] = await push(t.app, c.oc, 'dev-oc', [write('dialogue', 'dlg', IDS.unitA, { minutes: 'Igen' }, 4)])
    expect(outcome(locked)).toEqual(['invalid', 'minutes', `Referat: ${dialogueLockedMessage(14)}`])
    expect((await stored())?.minutes).toBe('Rettet referat')
  })

  it('can be reopened again once it has locked again, counting from the new reopening', async () => {
    const again = addDaysIso(reopenedOn, 14)
    const res = await reopen(t.app, c.oc, 'dlg', { reason: 'Endnu en rettelse' })
    expect(res.json()).toMatchObject({ reopenedOn: again, reopenReason: 'Endnu en rettelse', locksOn: addDaysIso(again, 14), version: 5 })
    expect((await reopen(t.app, c.oc, 'dlg', { reason: 'Og en til' })).statusCode).toBe(409)
  })
})

describe('no device reopens a dialogue or takes a reopening back', () => {
  it('refuses reopenedOn and reopenReason from a device, on a create and on an edit, naming the field', async () => {
    today = '2025-12-10'
    const results = await push(t.app, c.oc, 'dev-oc', [
      write('dialogue', 'dlg-own', IDS.unitA, dialogueFields(HELD, { reopenedOn: '2025-12-10' })),
      write('dialogue', 'dlg-own', IDS.unitA, dialogueFields(HELD, { reopenReason: 'Selv genåbnet' })),
      write('dialogue', 'dlg', IDS.unitA, { reopenedOn: '2025-12-10' }, 5),
      write('dialogue', 'dlg', IDS.unitA, { reopenReason: 'En anden grund' }, 5),
      write('dialogue', 'dlg', IDS.unitA, { reopenedOn: null }, 5),
      write('dialogue', 'dlg', IDS.unitA, { reopenedOn: null, reopenReason: '' }, 5),
    ])
    expect(results.map(outcome)).toEqual([
      ['invalid', 'reopenedOn', `Genåbnet: ${SERVER_OWNED}`],
      ['invalid', 'reopenReason', `Begrundelse for genåbning: ${SERVER_OWNED}`],
      ['invalid', 'reopenedOn', `Genåbnet: ${SERVER_OWNED}`],
      ['invalid', 'reopenReason', `Begrundelse for genåbning: ${SERVER_OWNED}`],
      ['invalid', 'reopenedOn', `Genåbnet: ${SERVER_OWNED}`],
      ['invalid', 'reopenedOn', `Genåbnet: ${SERVER_OWNED}`],
    ])
    expect(await stored()).toMatchObject({ reopened_on: addDaysIso('2025-11-20', 14), reopen_reason: 'Endnu en rettelse', version: 5 })
  })

  it('lets a form pass the values the record has back unchanged', async () => {
    const [r] = await push(t.app, c.oc, 'dev-oc', [
      write('dialogue', 'dlg', IDS.unitA, { reopenedOn: addDaysIso('2025-11-20', 14), reopenReason: 'Endnu en rettelse', minutes: 'Rettet igen' }, 5),
    ])
    expect(outcome(r)).toBe('applied')
  })
})
