// The municipality's rule sets through the HTTP API, on a fresh database: the economics team makes
// a set from a date, which judges the periods ending on or after it and no earlier one; the units it
// may judge are stamped for the devices; a set inside a closed year, on a date already taken or with
// a value out of range is refused with the field and why, and nothing is written. Only the economics
// role has these routes.
import { describe, expect, it } from 'vitest'
import type { RuleSetEntry, RuleSetList } from '../../src/core/http/config'
import { DEFAULT_THRESHOLDS } from '../../src/core/rules'
import { CSRF, get, signedInApp } from '../helpers/http'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { pullAll } from './syncHarness'

const { t, c } = signedInApp({ eco: PEOPLE.economics, dir: PEOPLE.directorate, oc: PEOPLE.ocNord, leaderA: PEOPLE.leaderA })

const post = (cookie: string, body: object) => t.app.inject({ method: 'POST', url: '/api/config/rule-sets', headers: { ...CSRF, cookie }, payload: body })
const schoolsFromJuly = { unitType: 'school', effectiveFrom: '2025-07-01', thresholds: { ...DEFAULT_THRESHOLDS, budgetTolerance: 0.2 } }

type Detail = {
  lights: { budget: { colour: string } }
  history: Array<{ period: { year: number; month: number }; lights: { budget: { colour: string; ruleSetId: string } } }>
}
/** Per month of 2025: the budget light's colour and the set that judged it. */
async function budgetHistory(unitId: string): Promise<Map<number, string>> {
  const detail = (await get(t.app, `/api/units/${unitId}`, c.eco)).json<Detail>()
  return new Map(detail.history.filter((h) => h.period.year === 2025).map((h) => [h.period.month, `${h.lights.budget.colour} ${h.lights.budget.ruleSetId}`]))
}
const ruleSetCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from rule_set'))[0]!.n

describe('the rule sets', () => {
  it('lists the sets the municipality has, with the closed years and the server’s day', async () => {
    const res = await get(t.app, '/api/config/rule-sets', c.eco)
    expect(res.statusCode).toBe(200)
    const list = res.json<RuleSetList>()
    expect(list).toMatchObject({ closedYears: [], today: '2025-11-15' })
    expect(list.ruleSets).toEqual([expect.objectContaining({ id: 'rs-2020', unitType: null, effectiveFrom: '2020-01-01', createdByName: null })])
  })

  it('makes a set from a date that recolours only the periods after it, and only its unit type', async () => {
    const schoolBefore = await budgetHistory(IDS.unitD)
    const daycareBefore = await budgetHistory(IDS.unitB)
    // Unit D forecasts 11 mio. against a budget of 10: 10 % over, red by the 1 % of rs-2020.
    expect([...schoolBefore.values()].every((v) => v === 'red rs-2020')).toBe(true)
    const { cursor } = await pullAll(t.app, c.leaderA)

    // From July, 10 % over lies within the schools' new tolerance of 20 %: yellow.
    const res = await post(c.eco, schoolsFromJuly)
    expect(res.statusCode).toBe(201)
    const made = res.json<RuleSetEntry>()
    expect(made).toMatchObject({ ...schoolsFromJuly, municipalityId: IDS.municipality, createdByName: PEOPLE.economics.name })
    expect(made.id).toMatch(/^rules-[0-9a-f-]{36}$/)

    const schoolAfter = await budgetHistory(IDS.unitD)
    expect(schoolAfter.size).toBe(schoolBefore.size)
    for (const [month, judged] of schoolAfter) expect([month, judged]).toEqual([month, month < 7 ? schoolBefore.get(month) : `yellow ${made.id}`])
    expect(await budgetHistory(IDS.unitB)).toEqual(daycareBefore)
    expect((await get(t.app, `/api/units/${IDS.unitD}`, c.eco)).json<Detail>().lights.budget.colour).toBe('yellow')

    const audit = await t.db.query(`select person_id, action, record_id, new_value from audit_log where table_name = 'rule_set'`)
    expect(audit).toEqual([{ person_id: PEOPLE.economics.id, action: 'config.create', record_id: made.id, new_value: schoolsFromJuly }])
    // Leader A's device pulls unit A's figures stamp (a school), and so fetches its lights anew.
    const pulled = await pullAll(t.app, c.leaderA, cursor)
    expect(pulled.changes.map((ch) => [ch.table, ch.scopeId, ch.record?.importId])).toEqual([['unitFigures', IDS.unitA, made.id]])
    expect((await get(t.app, '/api/config/rule-sets', c.eco)).json<RuleSetList>().ruleSets.map((s) => s.id)).toEqual(['rs-2020', made.id])
  })

  it('refuses a set inside a closed year or on a date already taken, saying which field and why, and writes nothing', async () => {
    await t.db.query(`insert into year_close (municipality_id, year) values ($1, 2024)`, [IDS.municipality])
    const before = await ruleSetCount()
    const closed = await post(c.eco, { ...schoolsFromJuly, effectiveFrom: '2024-06-01' })
    expect(closed.statusCode).toBe(422)
    expect(closed.json()).toMatchObject({
      error: 'invalid_rule_set',
      details: [
        {
          path: 'effectiveFrom',
          message: 'Et regelsæt kan ikke gælde fra 01.06.2024: 2024 er lukket, og årets lys er registreret. Vælg en dato i 2025 eller senere.',
        },
      ],
    })
    const taken = await post(c.eco, schoolsFromJuly)
    expect(taken.statusCode).toBe(422)
    expect(taken.json()).toMatchObject({
      details: [{ path: 'effectiveFrom', message: 'Der findes allerede et regelsæt for skoler fra 01.07.2025. Vælg en anden dato.' }],
    })
    const outOfRange = await post(c.eco, { ...schoolsFromJuly, effectiveFrom: '2025-08-01', thresholds: { ...DEFAULT_THRESHOLDS, budgetTolerance: 1.5 } })
    expect(outOfRange.statusCode).toBe(400)
    expect(outOfRange.json<{ details: Array<{ path: string; message: string }> }>().details).toEqual([
      { path: 'thresholds.budgetTolerance', message: 'Budgettolerancen skal være mellem 0 og 1.' },
    ])
    expect(await ruleSetCount()).toBe(before)
  })

  it('is the economics team’s alone: every other role meets an address that does not exist', async () => {
    const before = await ruleSetCount()
    for (const cookie of [c.dir, c.oc, c.leaderA]) {
      expect((await get(t.app, '/api/config/rule-sets', cookie)).statusCode).toBe(404)
      expect((await post(cookie, { ...schoolsFromJuly, effectiveFrom: '2025-09-01' })).statusCode).toBe(404)
    }
    expect((await get(t.app, '/api/config/rule-sets')).statusCode).toBe(401)
    expect((await post('', { ...schoolsFromJuly, effectiveFrom: '2025-09-01' })).statusCode).toBe(401)
    expect(await ruleSetCount()).toBe(before)
  })
})
