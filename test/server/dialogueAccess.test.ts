// Who writes what in the dialogue chain, through push (core/sync/kinds.ts, core/sync/access.ts): the
// area chief writes the dialogue, what was agreed, the marks and their part of the development plan;
// the leader keeps the status of the agreed actions (their to-dos) and writes the plan's goals and
// actions with them, and acknowledges it — in their own name only, as the OC in theirs. An OC of
// another area hears "not found" for all of it; the directorate and the economics team read, not write.
import { describe, expect, it } from 'vitest'
import { NO_WRITE_ACCESS } from '../../src/core/sync/access'
import { REJECTION_MESSAGES } from '../../src/core/sync/protocol'
import { IDS, PEOPLE, DIALOGUE_CAST } from '../helpers/fixtures'
import { dialogueFields } from '../helpers/records'
import { signedInApp } from '../helpers/http'
import { actionFields, markFields, outcome, planFields, remove, write } from './dialogueHarness'
import { dumpSyncState, push } from './syncHarness'

const noAccess = (field: string, label: string) => ['forbidden', field, `${label}: du har ikke adgang til at ændre feltet.`]
const OWN_NAME = 'Du kan kun kvittere for planen i dit eget navn.'
const NOT_FOUND = ['not_found', undefined, REJECTION_MESSAGES.not_found]
/** A kind the person writes nothing of here: refused before any field is looked at. */
const NO_ACCESS_HERE = ['forbidden', undefined, NO_WRITE_ACCESS]

const { t, c } = signedInApp(DIALOGUE_CAST)

/** Each mutation pushed on its own (a device's outbox in order), the outcomes in order. */
const outcomes = async (cookie: string, deviceId: string, mutations: ReturnType<typeof write>[]) =>
  (await push(t.app, cookie, deviceId, mutations)).map(outcome)

describe('the area chief', () => {
  it('makes the dialogue, an action agreed at it, a mark and a development plan — without the leader’s acknowledgement', async () => {
    expect(
      await outcomes(c.oc, 'dev-oc', [
        write('dialogue', 'dlg', IDS.unitA, dialogueFields('2025-11-10')),
        write('dialogueAction', 'act', IDS.unitA, actionFields('dlg')),
        write('unitMark', 'mk', IDS.unitA, markFields({ dialogueId: 'dlg' })),
        write('developmentPlan', 'plan', IDS.unitA, planFields({ fromDialogueId: 'dlg' })),
      ]),
    ).toEqual(['applied', 'applied', 'applied', 'applied'])
  })

  it('acknowledges the plan in their own name, and in nobody else’s', async () => {
    expect(
      await outcomes(c.oc, 'dev-oc', [
        write('developmentPlan', 'plan', IDS.unitA, { ocAcknowledgedOn: '2025-11-12', ocAcknowledgedBy: PEOPLE.leaderA.id }, 1),
        write('developmentPlan', 'plan', IDS.unitA, { ocAcknowledgedOn: '2025-11-12', ocAcknowledgedBy: PEOPLE.ocNord.id }, 1),
      ]),
    ).toEqual([['forbidden', 'ocAcknowledgedBy', OWN_NAME], 'applied'])
  })

  it('cannot write the leader’s acknowledgement, not even on a new plan', async () => {
    const before = await dumpSyncState(t.db)
    expect(
      await outcomes(c.oc, 'dev-oc', [
        write('developmentPlan', 'plan', IDS.unitA, { leaderAcknowledgedOn: '2025-11-12', leaderAcknowledgedBy: PEOPLE.leaderA.id }, 2),
        write('developmentPlan', 'plan', IDS.unitA, { leaderAcknowledgedOn: '2025-11-12', leaderAcknowledgedBy: PEOPLE.ocNord.id }, 2),
        write('developmentPlan', 'plan-2', IDS.unitA, planFields({ leaderAcknowledgedOn: '2025-11-12', leaderAcknowledgedBy: PEOPLE.leaderA.id })),
      ]),
    ).toEqual([
      noAccess('leaderAcknowledgedOn', 'Lederens kvittering'),
      noAccess('leaderAcknowledgedOn', 'Lederens kvittering'),
      noAccess('leaderAcknowledgedOn', 'Lederens kvittering'),
    ])
    const { applied_mutation: _a, ...after } = await dumpSyncState(t.db)
    const { applied_mutation: _b, ...unchanged } = before
    expect(after).toEqual(unchanged)
  })
})

describe('the leader', () => {
  it('cannot write the dialogue — its minutes, whether it improved, its topics — nor make one', async () => {
    expect(
      await outcomes(c.leaderA, 'dev-leader', [
        write('dialogue', 'dlg', IDS.unitA, { minutes: 'Lederens udgave' }, 1),
        write('dialogue', 'dlg', IDS.unitA, { improved: { budget: true } }, 1),
        write('dialogue', 'dlg', IDS.unitA, { topics: [{ indicator: 'budget', purpose: 'recognition' }] }, 1),
        remove('dialogue', 'dlg', IDS.unitA, 1),
        write('dialogue', 'dlg-leader', IDS.unitA, dialogueFields(null)),
      ]),
    ).toEqual(Array(5).fill(NO_ACCESS_HERE))
  })

  it('cannot make, change or end a mark', async () => {
    expect(
      await outcomes(c.leaderA, 'dev-leader', [
        write('unitMark', 'mk-leader', IDS.unitA, markFields()),
        write('unitMark', 'mk', IDS.unitA, { text: 'Lederens egen ros' }, 1),
        write('unitMark', 'mk', IDS.unitA, { endedOn: '2025-11-20' }, 1),
      ]),
    ).toEqual(Array(3).fill(NO_ACCESS_HERE))
  })

  it('cannot change what was agreed — title, owner, due date — nor make or delete an action', async () => {
    expect(
      await outcomes(c.leaderA, 'dev-leader', [
        write('dialogueAction', 'act', IDS.unitA, { title: 'Noget lettere' }, 1),
        write('dialogueAction', 'act', IDS.unitA, { owner: 'En anden' }, 1),
        write('dialogueAction', 'act', IDS.unitA, { dueOn: '2026-12-31' }, 1),
        write('dialogueAction', 'act', IDS.unitA, { status: 'done', doneOn: '2025-11-20', title: 'Udført og omdøbt' }, 1),
        remove('dialogueAction', 'act', IDS.unitA, 1),
        write('dialogueAction', 'act-leader', IDS.unitA, actionFields('dlg')),
      ]),
    ).toEqual([
      noAccess('title', 'Titel'),
      noAccess('owner', 'Ansvarlig'),
      noAccess('dueOn', 'Frist'),
      noAccess('title', 'Titel'),
      noAccess('deleted', 'Sletning'),
      noAccess('dialogueId', 'Dialogen'),
    ])
  })

  it('keeps the status of an agreed action and its done date', async () => {
    expect(
      await outcomes(c.leaderA, 'dev-leader', [
        write('dialogueAction', 'act', IDS.unitA, { status: 'done', doneOn: '2025-11-20' }, 1),
        write('dialogueAction', 'act', IDS.unitA, { status: 'open', doneOn: null }, 2),
        write('dialogueAction', 'act', IDS.unitA, { status: 'dropped' }, 3),
      ]),
    ).toEqual(['applied', 'applied', 'applied'])
  })

  it('writes the plan’s goals and actions with the OC, and acknowledges it in their own name only', async () => {
    expect(
      await outcomes(c.leaderA, 'dev-leader', [
        write('developmentPlan', 'plan', IDS.unitA, { goals: ['Budgettet holder', 'Prognoser hver måned'] }, 2),
        write('developmentPlan', 'plan', IDS.unitA, { actions: [{ what: 'Gennemgå vikarforbruget', owner: 'Lea Leder', dueOn: null }] }, 3),
        write('developmentPlan', 'plan', IDS.unitA, { leaderAcknowledgedOn: '2025-11-21', leaderAcknowledgedBy: PEOPLE.ocNord.id }, 4),
        write('developmentPlan', 'plan', IDS.unitA, { leaderAcknowledgedOn: '2025-11-21', leaderAcknowledgedBy: PEOPLE.leaderA.id }, 4),
      ]),
    ).toEqual(['applied', 'applied', ['forbidden', 'leaderAcknowledgedBy', OWN_NAME], 'applied'])
    const [row] = await t.db.query(`select leader_acknowledged_by, oc_acknowledged_by, goals from development_plan where id = 'plan'`)
    expect(row).toEqual({
      leader_acknowledged_by: PEOPLE.leaderA.id,
      oc_acknowledged_by: PEOPLE.ocNord.id,
      goals: ['Budgettet holder', 'Prognoser hver måned'],
    })
  })

  it('cannot write the OC’s part of the plan, make a plan or delete one', async () => {
    expect(
      await outcomes(c.leaderA, 'dev-leader', [
        write('developmentPlan', 'plan', IDS.unitA, { ocAcknowledgedOn: '2025-11-21', ocAcknowledgedBy: PEOPLE.leaderA.id }, 5),
        write('developmentPlan', 'plan', IDS.unitA, { indicators: ['forecast'] }, 5),
        write('developmentPlan', 'plan', IDS.unitA, { startedOn: '2025-12-01' }, 5),
        write('developmentPlan', 'plan', IDS.unitA, { endedOn: '2025-12-01' }, 5),
        remove('developmentPlan', 'plan', IDS.unitA, 5),
        write('developmentPlan', 'plan-leader', IDS.unitA, planFields()),
      ]),
    ).toEqual([
      noAccess('ocAcknowledgedOn', 'Områdechefens kvittering'),
      noAccess('indicators', 'Indikatorer'),
      noAccess('startedOn', 'Startdato'),
      noAccess('endedOn', 'Afsluttet'),
      noAccess('deleted', 'Sletning'),
      noAccess('indicators', 'Indikatorer'),
    ])
  })
})

describe('an area chief of another area', () => {
  it('hears "not found" for every record of the chain in a unit of another area, whether it exists or not', async () => {
    const before = await dumpSyncState(t.db)
    expect(
      await outcomes(c.ocSyd, 'dev-oc-syd', [
        write('dialogue', 'dlg', IDS.unitA, { minutes: 'Fra Syd' }, 1),
        write('dialogue', 'dlg-syd', IDS.unitA, dialogueFields(null)),
        write('dialogueAction', 'act', IDS.unitA, { title: 'Fra Syd' }, 4),
        write('dialogueAction', 'act', IDS.unitA, { status: 'done', doneOn: '2025-11-22' }, 4),
        write('developmentPlan', 'plan', IDS.unitA, { goals: ['Fra Syd'] }, 5),
        write('developmentPlan', 'plan', IDS.unitA, { ocAcknowledgedOn: '2025-11-22', ocAcknowledgedBy: PEOPLE.ocSyd.id }, 5),
        write('unitMark', 'mk', IDS.unitA, { text: 'Fra Syd' }, 1),
        write('unitMark', 'mk-syd', IDS.unitA, markFields()),
        remove('unitMark', 'mk', IDS.unitA, 1),
        // The same ids under a unit of their own area: another scope's record is not theirs either.
        write('dialogue', 'dlg', IDS.unitC, { minutes: 'Fra Syd' }, 1),
        write('unitMark', 'mk', IDS.unitC, { text: 'Fra Syd' }, 1),
      ]),
    ).toEqual(Array(11).fill(NOT_FOUND))
    const { applied_mutation: _a, ...after } = await dumpSyncState(t.db)
    const { applied_mutation: _b, ...unchanged } = before
    expect(after).toEqual(unchanged)
  })
})

describe('the directorate and the economics team', () => {
  it('read the chain but write none of it', async () => {
    for (const [cookie, deviceId] of [
      [c.dir, 'dev-dir'],
      [c.eco, 'dev-eco'],
    ] as const) {
      const results = await outcomes(cookie, deviceId, [
        write('dialogue', 'dlg', IDS.unitA, { minutes: 'Fra toppen' }, 1),
        write('dialogueAction', 'act', IDS.unitA, { status: 'done', doneOn: '2025-11-22' }, 4),
        write('developmentPlan', 'plan', IDS.unitA, { goals: ['Fra toppen'] }, 5),
        write('unitMark', 'mk-top', IDS.unitA, markFields()),
      ])
      expect(results).toEqual(Array(4).fill(NO_ACCESS_HERE))
    }
  })
})
