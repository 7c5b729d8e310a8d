// A dialogue's history (GET /api/dialogues/:dialogueId/history) for the area chief of its unit: the
// audit rows of the dialogue and of the actions agreed at it, newest first — who by name, when,
// each field with its old and new value, the reopening included — and never its notes, shared or
// private. Everyone else hears what they would for a dialogue that does not exist.
import { beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { dialogueHistorySchema } from '../../src/core/http/dialogues'
import { IDS, PEOPLE, DIALOGUE_CAST } from '../helpers/fixtures'
import { dialogueFields } from '../helpers/records'
import { get, signedInApp } from '../helpers/http'
import { actionFields, noteFields, outcome, remove, reopen, write } from './dialogueHarness'
import { push } from './syncHarness'

type History = z.infer<typeof dialogueHistorySchema>

const HELD = '2025-11-01'
let today = HELD
const { t, c } = signedInApp(DIALOGUE_CAST, { today: () => today })
beforeAll(async () => {
  // In this order, each its own change: the history lists them the other way round.
  const steps: Array<[string, ReturnType<typeof write>]> = [
    [c.oc, write('dialogue', 'dlg', IDS.unitA, dialogueFields(HELD))],
    [c.oc, write('dialogueAction', 'act', IDS.unitA, actionFields('dlg'))],
    [c.oc, write('dialogueAction', 'act-dropped', IDS.unitA, actionFields('dlg', { title: 'Droppet igen' }))],
    [c.oc, write('note', 'n-private', IDS.unitA, noteFields('HEMMELIG privat note ved dialogen', 'oc_private', 'dlg'))],
    [c.leaderA, write('note', 'n-shared', IDS.unitA, noteFields('DELT note ved dialogen', 'shared', 'dlg'))],
    [c.oc, write('dialogue', 'dlg-other', IDS.unitA, dialogueFields(HELD))],
    [c.oc, write('dialogueAction', 'act-other', IDS.unitA, actionFields('dlg-other'))],
    [c.oc, write('dialogue', 'dlg', IDS.unitA, { minutes: 'Aftalt: ny vagtplan fra uge 48' }, 1)],
    [c.oc, remove('dialogueAction', 'act-dropped', IDS.unitA, 1)],
    [c.leaderA, write('dialogueAction', 'act', IDS.unitA, { status: 'done', doneOn: '2025-11-10' }, 1)],
  ]
  for (const [cookie, m] of steps) expect(outcome((await push(t.app, cookie, cookie === c.oc ? 'dev-oc' : 'dev-leader', [m]))[0])).toBe('applied')
  today = '2025-11-20'
  expect((await reopen(t.app, c.oc, 'dlg', { reason: 'Forkert ansvarlig i referatet' })).statusCode).toBe(200)
})

const history = (cookie: string, id = 'dlg') => get(t.app, `/api/dialogues/${id}/history`, cookie)

describe('the history of a dialogue', () => {
  it('lists every change of the dialogue and its actions, newest first, with who, when, and each field’s old and new value', async () => {
    const res = await history(c.oc)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<History>()
    expect(body.dialogueId).toBe('dlg')
    const oc = { personId: PEOPLE.ocNord.id, personName: PEOPLE.ocNord.name }
    const leader = { personId: PEOPLE.leaderA.id, personName: PEOPLE.leaderA.name }
    expect(body.entries.map(({ at: _at, ...entry }) => entry)).toEqual([
      {
        ...oc,
        kind: 'dialogue',
        recordId: 'dlg',
        action: 'update',
        changes: [
          { field: 'reopenedOn', oldValue: null, newValue: '2025-11-20' },
          { field: 'reopenReason', oldValue: '', newValue: 'Forkert ansvarlig i referatet' },
        ],
      },
      {
        ...leader,
        kind: 'dialogueAction',
        recordId: 'act',
        action: 'update',
        changes: [
          { field: 'status', oldValue: 'open', newValue: 'done' },
          { field: 'doneOn', oldValue: null, newValue: '2025-11-10' },
        ],
      },
      { ...oc, kind: 'dialogueAction', recordId: 'act-dropped', action: 'delete', changes: [{ field: 'deleted', oldValue: false, newValue: true }] },
      {
        ...oc,
        kind: 'dialogue',
        recordId: 'dlg',
        action: 'update',
        changes: [{ field: 'minutes', oldValue: 'Aftalt: ny vagtplan', newValue: 'Aftalt: ny vagtplan fra uge 48' }],
      },
      { ...oc, kind: 'dialogueAction', recordId: 'act-dropped', action: 'create', changes: expect.any(Array) as unknown },
      { ...oc, kind: 'dialogueAction', recordId: 'act', action: 'create', changes: expect.any(Array) as unknown },
      { ...oc, kind: 'dialogue', recordId: 'dlg', action: 'create', changes: expect.any(Array) as unknown },
    ])
    // A create: every field, from nothing.
    const created = body.entries.at(-1)!
    expect(created.changes).toEqual(Object.entries(dialogueFields(HELD)).map(([field, value]) => ({ field, oldValue: null, newValue: value })))
    // Newest first, as ISO moments.
    const times = body.entries.map((e) => e.at)
    for (const at of times) expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('never holds its notes — neither the OC’s private note nor a shared one', async () => {
    const res = await history(c.oc)
    const records = new Set(res.json<History>().entries.map((e) => e.recordId))
    expect(records).toEqual(new Set(['dlg', 'act', 'act-dropped']))
    expect(res.body).not.toContain('HEMMELIG')
    expect(res.body).not.toContain('DELT note')
  })

  it('answers the leader of the unit, the directorate, the economics team and an OC of another area as for a dialogue that does not exist', async () => {
    const missing = await history(c.oc, 'findes-ikke')
    expect([missing.statusCode, missing.json()]).toEqual([404, { error: 'not_found', message: 'Dialogen findes ikke.' }])
    for (const cookie of [c.leaderA, c.dir, c.eco, c.ocSyd]) {
      for (const id of ['dlg', 'findes-ikke']) {
        const res = await history(cookie, id)
        expect([res.statusCode, res.body]).toEqual([404, missing.body])
      }
    }
    expect((await history('')).statusCode).toBe(401)
  })
})
