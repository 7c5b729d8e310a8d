// Rules over a record's history, enforced on push (src/core/history, src/server/sync/historyChecks.ts):
// a forecast that moves more than the interval needs an explanation — whatever a device sends. The
// other rule, a dialogue's lock, has its own file: dialogueLock.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPLANATION_REQUIRED } from '../../src/core/history/forecastMove'
import { recordIdFor } from '../../src/core/sync/kind'
import { SYNC_KINDS } from '../../src/core/sync/kinds'
import type { PushResult } from '../../src/core/sync/protocol'
import { fixtureApp, login } from '../helpers/http'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { mutation, push } from './syncHarness'

let t: Awaited<ReturnType<typeof fixtureApp>>
let leader = ''
beforeAll(async () => {
  t = await fixtureApp()
  leader = await login(t.app, PEOPLE.leaderA.email)
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
