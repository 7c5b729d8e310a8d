// Rules over a record's history, enforced on push (src/core/history, src/server/sync/historyChecks.ts):
// a forecast that moves more than the interval needs an explanation, and a locked dialogue takes no
// change — whatever a device sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALOGUE_LOCKED } from '../../src/core/history/dialogueLock'
import { EXPLANATION_REQUIRED } from '../../src/core/history/forecastMove'
import { recordIdFor } from '../../src/core/sync/kind'
import { SYNC_KINDS } from '../../src/core/sync/kinds'
import type { PushResult } from '../../src/core/sync/protocol'
import { fixtureApp, login } from '../helpers/http'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { mutation, pullAll, push } from './syncHarness'

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

const outcome = (r: PushResult | undefined) => (r?.status === 'rejected' ? [r.reason, r.message] : r?.status)

describe('a forecast that moves more than the interval needs an explanation', () => {
  // Unit A: budget 10 mio., every forecast of 2025 so far 10,5 mio., interval 1,5 % → 150.000 kr.
  // The forecast of November 2025 has the id every device derives from its key.
  const id = recordIdFor(SYNC_KINDS.forecast, { unitId: IDS.unitA, year: 2025, month: 11 })
  const forecast = (fields: Record<string, unknown>, baseVersion = 0) => mutation({ table: 'forecast', recordId: id, scopeId: IDS.unitA, baseVersion, fields })
  const stored = () =>
    t.db.query<{ amount: string; explanation: string | null; version: number }>('select amount, explanation, version from forecast where id = $1', [id])

  it('refuses a create one øre beyond the interval without an explanation, with the form’s message', async () => {
    const results = await push(t.app, leader, 'dev-h1', [
      forecast({ year: 2025, month: 11, amount: 10_650_000.01, explanation: null }),
      forecast({ year: 2025, month: 11, amount: 10_349_999.99, explanation: '   ' }),
      forecast({ year: 2025, month: 11, amount: 10_650_000.01, explanation: '\u200B' }),
    ])
    expect(results.map(outcome)).toEqual([
      ['invalid', EXPLANATION_REQUIRED],
      ['invalid', EXPLANATION_REQUIRED],
      ['invalid', EXPLANATION_REQUIRED],
    ])
    expect(await stored()).toEqual([])
  })

  it('takes a move of exactly the interval without one', async () => {
    const [r] = await push(t.app, leader, 'dev-h1', [forecast({ year: 2025, month: 11, amount: 10_650_000, explanation: null })])
    expect(outcome(r)).toBe('applied')
  })

  it('judges an edit by the forecast in force before it: a new amount, or an explanation taken away', async () => {
    const results = await push(t.app, leader, 'dev-h1', [
      forecast({ amount: 11_000_000 }, 1),
      forecast({ amount: 11_000_000, explanation: 'Flere elever fra januar' }, 1),
      forecast({ explanation: null }, 2),
      forecast({ explanation: '\u200B\u2060' }, 2),
    ])
    const refused = ['invalid', EXPLANATION_REQUIRED]
    expect(results.map(outcome)).toEqual([refused, 'applied', refused, refused])
    expect(await stored()).toEqual([{ amount: '11000000.00', explanation: 'Flere elever fra januar', version: 2 }])
  })

  it('lets a forecast with no earlier one (and no budget yet) move freely', async () => {
    const [first] = await push(t.app, leader, 'dev-h1', [
      mutation({
        table: 'forecast',
        recordId: recordIdFor(SYNC_KINDS.forecast, { unitId: IDS.unitA, year: 2027, month: 1 }),
        scopeId: IDS.unitA,
        fields: { year: 2027, month: 1, amount: 99_000_000, explanation: null },
      }),
    ])
    expect(outcome(first)).toBe('applied')
  })
})

describe('a dialogue locks some days after it was held', () => {
  const dialogue = {
    kind: 'support',
    indicators: ['budget'],
    scheduledOn: '2025-11-01',
    heldOn: '2025-11-01',
    agenda: ['Budget'],
    minutes: 'Aftalt: ny vagtplan',
    improved: null,
    lockedAt: null,
  }
  const edit = (fields: Record<string, unknown>, baseVersion: number, recordId = 'dlg-1') =>
    mutation({ table: 'dialogue', recordId, scopeId: IDS.unitA, baseVersion, fields })
  const minutes = async (id = 'dlg-1') => (await t.db.query<{ minutes: string }>('select minutes from dialogue where id = $1', [id]))[0]?.minutes

  it('takes changes until the day before the lock day', async () => {
    today = '2025-11-14'
    const results = await push(t.app, oc, 'dev-oc', [edit(dialogue, 0), edit({ minutes: 'Aftalt: ny vagtplan fra uge 48' }, 1)])
    expect(results.map(outcome)).toEqual(['applied', 'applied'])
  })

  it('refuses a change of minutes, agenda or date, and a delete, from the lock day on — and changes nothing', async () => {
    for (const day of ['2025-11-15', '2025-11-16']) {
      today = day
      const results = await push(t.app, oc, 'dev-oc', [
        edit({ minutes: 'Omskrevet bagefter' }, 2),
        edit({ agenda: ['Budget', 'Nyt punkt'] }, 2),
        edit({ heldOn: '2025-11-10' }, 2),
        mutation({ table: 'dialogue', recordId: 'dlg-1', scopeId: IDS.unitA, baseVersion: 2, op: 'delete', fields: {} }),
      ])
      expect(results.map(outcome)).toEqual([
        ['invalid', `Referat: ${DIALOGUE_LOCKED}`],
        ['invalid', `Dagsorden: ${DIALOGUE_LOCKED}`],
        ['invalid', `Afholdt dato: ${DIALOGUE_LOCKED}`],
        ['invalid', `Sletning: ${DIALOGUE_LOCKED}`],
      ])
    }
    const [row] = await t.db.query<{ minutes: string; deleted: boolean; version: number }>(`select minutes, deleted, version from dialogue where id = 'dlg-1'`)
    expect(row).toEqual({ minutes: 'Aftalt: ny vagtplan fra uge 48', deleted: false, version: 2 })
  })

  it('lets no device set or clear lockedAt: it is the server’s', async () => {
    today = '2025-11-20'
    const results = await push(t.app, oc, 'dev-oc', [
      edit({ ...dialogue, heldOn: '2025-11-19', lockedAt: '2025-11-19T12:00:00Z' }, 0, 'dlg-2'),
      edit({ ...dialogue, heldOn: '2025-11-19' }, 0, 'dlg-2'),
      edit({ lockedAt: '2025-11-19T12:00:00Z' }, 1, 'dlg-2'),
    ])
    expect(results.map(outcome)).toEqual([
      ['invalid', 'Låst: sættes af serveren og kan ikke ændres.'],
      'applied',
      ['invalid', 'Låst: sættes af serveren og kan ikke ændres.'],
    ])
  })

  it('is locked at once when the server has set lockedAt, and hands the lock out as an ISO moment', async () => {
    await t.db.query(`update dialogue set locked_at = '2025-11-20T09:00:00+01:00', seq = nextval('change_seq') where id = 'dlg-2'`)
    const [r] = await push(t.app, oc, 'dev-oc', [edit({ minutes: 'Efter låsning' }, 1, 'dlg-2')])
    expect(outcome(r)).toEqual(['invalid', `Referat: ${DIALOGUE_LOCKED}`])
    expect(await minutes('dlg-2')).toBe(dialogue.minutes)
    const pulled = (await pullAll(t.app, oc)).changes.find((ch) => ch.id === 'dlg-2')
    expect(pulled?.record).toMatchObject({ lockedAt: '2025-11-20T08:00:00.000Z' })
  })
})
