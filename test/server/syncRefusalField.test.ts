// A refusal names the field it is about (issue 7, item 9: "Forms show which field a refusal is
// about"): the push answer carries `field` beside the Danish message for an invalid value, a rule
// over the record's history (a forecast's move, a dialogue's lock), a field the person may not
// write or a note they did not write, and a value the database cannot store — so the device shows
// the message beside that field. A refusal that is about no field (a base version never handed out)
// carries none. The answer is kept: the same push again hears the same, field included.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dialogueLockedMessage } from '../../src/core/history/dialogueLock'
import { EXPLANATION_REQUIRED } from '../../src/core/history/forecastMove'
import { noteSchema } from '../../src/core/schemas'
import { recordIdFor } from '../../src/core/sync/kind'
import { SYNC_KINDS } from '../../src/core/sync/kinds'
import type { Mutation, PushResult } from '../../src/core/sync/protocol'
import { UNKNOWN_BASE_VERSION } from '../../src/server/sync/writer'
import { fixtureApp, login } from '../helpers/http'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { mutation, push } from './syncHarness'

let today = '2025-11-15'
let t: Awaited<ReturnType<typeof fixtureApp>>
let leader = ''
let oc = ''
beforeAll(async () => {
  t = await fixtureApp({ today: () => today })
  leader = await login(t.app, PEOPLE.leaderA.email)
  oc = await login(t.app, PEOPLE.ocNord.email)
})
afterAll(() => t.close())

/** A refusal as the device gets it: reason, field (absent: none) and message. */
const refusal = (r: PushResult | undefined) => {
  if (r?.status !== 'rejected') throw new Error(`not refused: ${JSON.stringify(r)}`)
  return { reason: r.reason, field: r.field, message: r.message }
}
const note = (recordId: string, fields: Record<string, unknown>, baseVersion = 0) =>
  mutation({ table: 'note', recordId, scopeId: IDS.unitA, baseVersion, fields })
const sharedNote = (body: string) => ({ indicator: null, year: null, month: null, body, visibility: 'shared' })

async function pushedAgain(cookie: string, deviceId: string, m: Mutation, first: PushResult | undefined): Promise<void> {
  const [again] = await push(t.app, cookie, deviceId, [m])
  expect(again).toEqual(first)
}

describe('a refusal names the field it is about', () => {
  it('an invalid value: the field the schema refused', async () => {
    const m = note('n-empty', sharedNote('\u200B'))
    const [r] = await push(t.app, leader, 'dev-f1', [m])
    expect(refusal(r)).toEqual({ reason: 'invalid', field: 'body', message: 'Tekst: Noten må ikke være tom.' })
    await pushedAgain(leader, 'dev-f1', m, r)
  })

  it('a forecast that moves more than the interval without an explanation: the explanation', async () => {
    // Unit A: budget 10 mio., forecasts of 10,5 mio. so far, interval 1,5 %: 11 mio. is too far.
    const id = recordIdFor(SYNC_KINDS.forecast, { unitId: IDS.unitA, year: 2025, month: 11 })
    const m = mutation({ table: 'forecast', recordId: id, scopeId: IDS.unitA, fields: { year: 2025, month: 11, amount: 11_000_000, explanation: null } })
    const [r] = await push(t.app, leader, 'dev-f1', [m])
    expect(refusal(r)).toEqual({ reason: 'invalid', field: 'explanation', message: EXPLANATION_REQUIRED })
    await pushedAgain(leader, 'dev-f1', m, r)
  })

  it('a change of a locked dialogue: the field changed, or the deletion', async () => {
    today = '2025-11-14'
    const dialogue = {
      kind: 'dialogue',
      topics: [{ indicator: 'budget', purpose: 'support' }],
      followsFrom: null,
      scheduledOn: '2025-11-01',
      heldOn: '2025-11-01',
      agenda: ['Budget'],
      minutes: 'Aftalt',
      improved: {},
      reopenedOn: null,
      reopenReason: '',
    }
    const [made] = await push(t.app, oc, 'dev-oc', [mutation({ table: 'dialogue', recordId: 'dlg-f', scopeId: IDS.unitA, fields: dialogue })])
    expect(made?.status).toBe('applied')
    today = '2025-11-15'
    const [minutes, removal] = await push(t.app, oc, 'dev-oc', [
      mutation({ table: 'dialogue', recordId: 'dlg-f', scopeId: IDS.unitA, baseVersion: 1, fields: { minutes: 'Omskrevet' } }),
      mutation({ table: 'dialogue', recordId: 'dlg-f', scopeId: IDS.unitA, baseVersion: 1, op: 'delete', fields: {} }),
    ])
    expect(refusal(minutes)).toEqual({ reason: 'invalid', field: 'minutes', message: `Referat: ${dialogueLockedMessage(14)}` })
    expect(refusal(removal)).toEqual({ reason: 'invalid', field: 'deleted', message: `Sletning: ${dialogueLockedMessage(14)}` })
  })

  it('a note the person did not write (Authorship): the field they changed', async () => {
    await push(t.app, oc, 'dev-oc', [note('n-by-oc', sharedNote('Områdechefens'))])
    const [r] = await push(t.app, leader, 'dev-f1', [note('n-by-oc', { body: 'Lederens udgave' }, 1)])
    expect(refusal(r)).toEqual({ reason: 'forbidden', field: 'body', message: 'Du kan kun ændre eller slette noter, du selv har skrevet.' })
  })

  it('a value the database could not store: the field that held it', async () => {
    const spy = vi.spyOn(noteSchema, 'safeParse').mockImplementation((data: unknown) => ({ success: true, data }) as never)
    const m = note('n-nul', sharedNote('a\u0000b'))
    const [r] = await push(t.app, leader, 'dev-f1', [m]).finally(() => spy.mockRestore())
    expect(refusal(r)).toMatchObject({ reason: 'invalid', field: 'body', message: expect.stringMatching(/^Tekst: værdien kan ikke gemmes/) as unknown })
    await pushedAgain(leader, 'dev-f1', m, r)
  })

  it('and names none when the refusal is about no field', async () => {
    await push(t.app, leader, 'dev-f1', [note('n-base', sharedNote('Første'))])
    const [r] = await push(t.app, leader, 'dev-f1', [note('n-base', { body: 'Anden' }, 99)])
    expect(refusal(r)).toEqual({ reason: 'invalid', field: undefined, message: UNKNOWN_BASE_VERSION })
    expect(r).not.toHaveProperty('field')
  })
})
