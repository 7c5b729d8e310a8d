// Indicator values imported ready-made, through the HTTP API on a fresh database: the preview names
// the light they repaint; once imported the unit's light is judged from the value by the thresholds
// in force and says it was imported — in the unit's page and its history — and the leader's device
// is told by the unit's stamp. The file speaks for the units' months it names: a value it no longer
// lists is removed and that light is computed from the figures again. The same file again changes
// nothing; a month that has not begun, a rate above 100 % or a bad line at the end refuse it whole.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { unitDetailSchema } from '../../src/core/http/units'
import { get } from '../helpers/http'
import { IDS } from '../helpers/fixtures'
import { importApp, refusedWith, type Preview, type Result } from './importHarness'
import { pullAll } from './syncHarness'

type Detail = z.infer<typeof unitDetailSchema>

const { t, c, send } = importApp('indicatorValues', 'noegletal.csv')

const HEADER = 'Omk.sted;Periode;Nøgletal;Værdi'
// October, the fixtures' latest month: half of unit A's accounts reconciled on time (the figures
// say all of them), and a budget 2,5 % under.
const OCTOBER = [HEADER, 'cc-unit-skole-a;2025-10;Balancekonti;50 %', 'cc-unit-skole-a;okt 2025;Budgetoverholdelse;-2,5 %'].join('\n')
// Later the file gives October's budget alone.
const LATER = [HEADER, 'cc-unit-skole-a;2025-10;Budget;-0,025'].join('\n')

const unitA = async () => (await get(t.app, `/api/units/${IDS.unitA}`, c.leaderA)).json<Detail>()
const stored = () => t.db.query<{ indicator: string; value: string }>('select indicator, value from imported_indicator_value order by indicator')

describe('the import of ready-made indicator values', () => {
  it('previews the values in the file’s words and the light they repaint, writing nothing', async () => {
    const res = await send('/api/imports/preview', OCTOBER)
    expect(res.statusCode).toBe(200)
    const p = res.json<Preview>()
    expect(p.mapping).toEqual({ 'Omk.sted': 'costCentre', Periode: 'period', Nøgletal: 'indicator', Værdi: 'value' })
    expect(p.counts).toEqual({ new: 2, changed: 0, unchanged: 0, removed: 0 })
    expect(p.rows.map((r) => [r.label, r.values, r.change])).toEqual([
      ['2025-10', { indicator: 'budget', value: -0.025 }, 'new'],
      ['2025-10', { indicator: 'balance', value: 0.5 }, 'new'],
    ])
    expect(p.lightChanges).toContainEqual({ unitId: IDS.unitA, unitName: 'Askeskolen', indicator: 'balance', from: 'green', to: 'red' })
    // No figures come in, so the month everyone is judged at stays.
    expect(p.periodMove).toBeNull()
    expect(await stored()).toEqual([])
  })

  it('imports them: the lights are judged from the values and say so, in the history too, and the device is told', async () => {
    const { cursor } = await pullAll(t.app, c.leaderA)
    const res = await send('/api/imports', OCTOBER)
    expect(res.statusCode).toBe(200)
    expect(res.json<Result>().counts).toEqual({ new: 2, changed: 0, unchanged: 0, removed: 0 })
    const d = await unitA()
    expect(d.lights.balance).toMatchObject({ colour: 'red', source: 'imported', facts: { kind: 'balance', rate: 0.5 } })
    expect(d.lights.budget).toMatchObject({ colour: 'green', source: 'imported', facts: { kind: 'budget', deviation: -0.025 } })
    expect(d.lights.actionPlan!.source).toBe('computed')
    const october = d.history.find((h) => h.period.year === 2025 && h.period.month === 10)!
    expect(october.lights.balance).toMatchObject({ colour: 'red', source: 'imported' })
    const september = d.history.find((h) => h.period.year === 2025 && h.period.month === 9)!
    expect(september.lights.balance!.source).toBe('computed')
    expect((await pullAll(t.app, c.leaderA, cursor)).changes.map((ch) => [ch.table, ch.scopeId])).toEqual([['unitFigures', IDS.unitA]])
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where table_name = 'imported_indicator_value'`)
    expect(audit).toEqual([{ action: 'import.create' }, { action: 'import.create' }])
  })

  it('imports the same file again as no change', async () => {
    const { cursor } = await pullAll(t.app, c.leaderA)
    const res = await send('/api/imports', OCTOBER)
    expect(res.json<Result>()).toMatchObject({ counts: { new: 0, changed: 0, unchanged: 2, removed: 0 }, lightChanges: [] })
    expect((await pullAll(t.app, c.leaderA, cursor)).changes).toEqual([])
  })

  it('takes a later file as the unit’s month: the value no longer listed is removed, and that light is computed again', async () => {
    const res = await send('/api/imports', LATER)
    expect(res.json<Result>()).toMatchObject({
      counts: { new: 0, changed: 0, unchanged: 1, removed: 1 },
      lightChanges: [{ unitId: IDS.unitA, unitName: 'Askeskolen', indicator: 'balance', from: 'red', to: 'green' }],
    })
    expect((await unitA()).lights.balance).toMatchObject({ colour: 'green', source: 'computed' })
    expect(await stored()).toEqual([{ indicator: 'budget', value: expect.stringMatching(/^-0\.025/) as unknown }])
  })

  it.each<[string, string, string]>([
    ['a month that has not begun', 'cc-unit-skole-a;2025-12;Budget;1 %', "Linje 3, kolonne Periode: '2025-12' ligger efter denne måned (2025-11)."],
    [
      'a reconciliation rate above 100 %',
      'cc-unit-skole-a;2025-09;Statuskonti;120 %',
      "Linje 3, kolonne Værdi: '120 %' er ikke en andel mellem 0 % og 100 %, som nøgletallet 'Statuskonti' er.",
    ],
    [
      'an indicator the app does not know',
      'cc-unit-skole-a;2025-09;Trivsel;80 %',
      "Linje 3, kolonne Nøgletal: 'Trivsel' er ikke et nøgletal (budget, handleplan, prognose eller balancekonti)",
    ],
    [
      'the same value twice',
      'cc-unit-skole-a;2025-10;budget;1 %',
      "Linje 3: omkostningssted cc-unit-skole-a har nøgletallet 'budget' for 2025-10 også i linje 2.",
    ],
  ])('refuses a file with %s on its last line whole, and writes nothing', async (_, last, message) => {
    const before = await stored()
    const res = await send('/api/imports', [LATER, last].join('\n'))
    expect(refusedWith(res)).toEqual([message])
    expect(await stored()).toEqual(before)
  })
})
