// A dialogue locks some days after it was held (DOMAIN.md; core/history/dialogueLock.ts), enforced
// on every push (server/sync/historyChecks.ts) by the server's clock and its DIALOGUE_LOCK_DAYS:
// from the lock day on, its minutes, agenda, dates and topics take no change and it cannot be
// deleted; the notes written at it and what was agreed at it lock with it — only the leader's
// status of an agreed action (their to-do) goes on. A refused change writes nothing at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDaysIso } from '../../src/core/dates'
import { dialogueLockedMessage } from '../../src/core/history/dialogueLock'
import type { Db } from '../../src/server/db/db'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { dialogueFields } from '../helpers/records'
import { fixtureApp, login } from '../helpers/http'
import { actionFields, noteFields, outcome, remove, write } from './dialogueHarness'
import { dumpSyncState, push } from './syncHarness'

const HELD = '2025-11-01'

/** Everything a write leaves behind except the stored answers (a refusal is kept as one). */
async function written(db: Db) {
  const { applied_mutation: _answers, ...rest } = await dumpSyncState(db)
  return rest
}

describe.each([
  { configured: undefined, days: 14 },
  { configured: 7, days: 7 },
])('held on 1 November 2025, with DIALOGUE_LOCK_DAYS $configured it locks after $days days', ({ configured, days }) => {
  const lockDay = addDaysIso(HELD, days)
  const refused = (field: string, label: string) => ['invalid', field, `${label}: ${dialogueLockedMessage(days)}`]
  let today = HELD
  let t: Awaited<ReturnType<typeof fixtureApp>>
  let leader = ''
  let oc = ''
  beforeAll(async () => {
    t = await fixtureApp({ today: () => today, dialogueLockDays: configured })
    leader = await login(t.app, PEOPLE.leaderA.email)
    oc = await login(t.app, PEOPLE.ocNord.email)
    const made = [
      ...(await push(t.app, oc, 'dev-oc', [
        write('dialogue', 'dlg', IDS.unitA, dialogueFields(HELD)),
        write('dialogueAction', 'act', IDS.unitA, actionFields('dlg')),
        write('note', 'n-oc', IDS.unitA, noteFields('Delt note fra mødet', 'shared', 'dlg')),
        write('note', 'n-private', IDS.unitA, noteFields('Min egen note fra mødet', 'oc_private', 'dlg')),
      ])),
      ...(await push(t.app, leader, 'dev-leader', [
        write('note', 'n-leader', IDS.unitA, noteFields('Lederens note fra mødet', 'shared', 'dlg')),
        write('note', 'n-free', IDS.unitA, noteFields('En note uden dialog')),
      ])),
    ]
    expect(made.map(outcome)).toEqual(Array(6).fill('applied'))
  })
  afterAll(() => t.close())

  it('takes every change on the day before the lock day', async () => {
    today = addDaysIso(lockDay, -1)
    const byOc = await push(t.app, oc, 'dev-oc', [
      write('dialogue', 'dlg', IDS.unitA, { minutes: 'Aftalt: ny vagtplan fra uge 48' }, 1),
      write('dialogueAction', 'act', IDS.unitA, { title: 'Ny vagtplan fra uge 48' }, 1),
      write('note', 'n-private', IDS.unitA, { body: 'Min egen note, rettet' }, 1),
    ])
    const byLeader = await push(t.app, leader, 'dev-leader', [write('note', 'n-leader', IDS.unitA, { body: 'Lederens note, rettet' }, 1)])
    expect([...byOc, ...byLeader].map(outcome)).toEqual(['applied', 'applied', 'applied', 'applied'])
  })

  for (const offset of [0, 1, 30]) {
    it(`refuses the dialogue’s minutes, agenda, dates, topics and its deletion ${offset} days after the lock day, naming the field, and writes nothing`, async () => {
      today = addDaysIso(lockDay, offset)
      const before = await written(t.db)
      const results = await push(t.app, oc, 'dev-oc', [
        write('dialogue', 'dlg', IDS.unitA, { minutes: 'Omskrevet bagefter' }, 2),
        write('dialogue', 'dlg', IDS.unitA, { agenda: ['Budget', 'Nyt punkt'] }, 2),
        write('dialogue', 'dlg', IDS.unitA, { heldOn: '2025-11-10' }, 2),
        write('dialogue', 'dlg', IDS.unitA, { heldOn: null }, 2),
        write('dialogue', 'dlg', IDS.unitA, { scheduledOn: '2025-10-30' }, 2),
        write('dialogue', 'dlg', IDS.unitA, { topics: [{ indicator: 'forecast', purpose: 'support' }] }, 2),
        write('dialogue', 'dlg', IDS.unitA, { improved: { budget: true } }, 2),
        remove('dialogue', 'dlg', IDS.unitA, 2),
      ])
      expect(results.map(outcome)).toEqual([
        refused('minutes', 'Referat'),
        refused('agenda', 'Dagsorden'),
        refused('heldOn', 'Afholdt dato'),
        refused('heldOn', 'Afholdt dato'),
        refused('scheduledOn', 'Planlagt dato'),
        refused('topics', 'Emner'),
        refused('improved', 'Forbedret'),
        refused('deleted', 'Sletning'),
      ])
      expect(await written(t.db)).toEqual(before)
      const [row] = await t.db.query<{ minutes: string; version: number; deleted: boolean }>(`select minutes, version, deleted from dialogue where id = 'dlg'`)
      expect(row).toEqual({ minutes: 'Aftalt: ny vagtplan fra uge 48', version: 2, deleted: false })
    })
  }

  it('refuses its notes from the lock day on: an edit, a delete, a new one, one moved in or out — the OC’s private note too', async () => {
    today = lockDay
    const before = await written(t.db)
    const byLeader = await push(t.app, leader, 'dev-leader', [
      write('note', 'n-leader', IDS.unitA, { body: 'Omskrevet bagefter' }, 2),
      remove('note', 'n-leader', IDS.unitA, 2),
      write('note', 'n-new', IDS.unitA, noteFields('Kom for sent', 'shared', 'dlg')),
      write('note', 'n-free', IDS.unitA, { dialogueId: 'dlg' }, 1),
      write('note', 'n-leader', IDS.unitA, { dialogueId: null }, 2),
    ])
    const byOc = await push(t.app, oc, 'dev-oc', [
      write('note', 'n-oc', IDS.unitA, { body: 'Omskrevet bagefter' }, 1),
      write('note', 'n-private', IDS.unitA, { body: 'Omskrevet bagefter' }, 2),
      remove('note', 'n-private', IDS.unitA, 2),
    ])
    expect([...byLeader, ...byOc].map(outcome)).toEqual([
      refused('body', 'Tekst'),
      refused('deleted', 'Sletning'),
      refused('dialogueId', 'Dialogen'),
      refused('dialogueId', 'Dialogen'),
      refused('dialogueId', 'Dialogen'),
      refused('body', 'Tekst'),
      refused('body', 'Tekst'),
      refused('deleted', 'Sletning'),
    ])
    expect(await written(t.db)).toEqual(before)
    // A note of no dialogue is no part of the lock.
    const [free] = await push(t.app, leader, 'dev-leader', [write('note', 'n-free', IDS.unitA, { body: 'Stadig fri' }, 1)])
    expect(outcome(free)).toBe('applied')
  })

  it('refuses what was agreed from the lock day on — title, owner, due date, a delete, a new action — while the leader still sets its status', async () => {
    today = lockDay
    const before = await written(t.db)
    const byOc = await push(t.app, oc, 'dev-oc', [
      write('dialogueAction', 'act', IDS.unitA, { title: 'Noget andet' }, 2),
      write('dialogueAction', 'act', IDS.unitA, { owner: 'En anden' }, 2),
      write('dialogueAction', 'act', IDS.unitA, { dueOn: '2026-06-30' }, 2),
      // Not half of it: the status goes with the title that may not.
      write('dialogueAction', 'act', IDS.unitA, { status: 'done', doneOn: lockDay, title: 'Udført og omdøbt' }, 2),
      remove('dialogueAction', 'act', IDS.unitA, 2),
      write('dialogueAction', 'act-late', IDS.unitA, actionFields('dlg', { title: 'Aftalt bagefter' })),
    ])
    expect(byOc.map(outcome)).toEqual([
      refused('title', 'Titel'),
      refused('owner', 'Ansvarlig'),
      refused('dueOn', 'Frist'),
      refused('title', 'Titel'),
      refused('deleted', 'Sletning'),
      refused('dialogueId', 'Dialogen'),
    ])
    expect(await written(t.db)).toEqual(before)

    const [done] = await push(t.app, leader, 'dev-leader', [write('dialogueAction', 'act', IDS.unitA, { status: 'done', doneOn: lockDay }, 2)])
    expect(outcome(done)).toBe('applied')
    const [row] = await t.db.query(`select title, status, to_char(done_on, 'YYYY-MM-DD') as done_on, version from dialogue_action where id = 'act'`)
    expect(row).toEqual({ title: 'Ny vagtplan fra uge 48', status: 'done', done_on: lockDay, version: 3 })
  })

  it('takes a dialogue the server first hears of after its lock day (written offline at the meeting), and locks it at once', async () => {
    today = addDaysIso(lockDay, 10)
    const [made, edit] = await push(t.app, oc, 'dev-oc', [
      write('dialogue', 'dlg-offline', IDS.unitA, dialogueFields(HELD)),
      write('dialogue', 'dlg-offline', IDS.unitA, { minutes: 'Rettet bagefter' }, 1),
    ])
    expect(outcome(made)).toBe('applied')
    expect(outcome(edit)).toEqual(refused('minutes', 'Referat'))
  })

  it('does not lock a dialogue that is not held, however late it is', async () => {
    today = '2026-06-01'
    const results = await push(t.app, oc, 'dev-oc', [
      write('dialogue', 'dlg-planned', IDS.unitA, dialogueFields(null, { scheduledOn: '2025-11-01' })),
      write('dialogue', 'dlg-planned', IDS.unitA, { minutes: 'Forberedelse' }, 1),
    ])
    expect(results.map(outcome)).toEqual(['applied', 'applied'])
  })
})
