// The demo municipality: deterministic, complete, and built so the latest period shows every
// colour for every indicator and one unit that dominates its area's overrun. Judged with src/core.
import { describe, expect, it } from 'vitest'
import { periodsBack } from '../../src/core/dates'
import { unitLights, unitOverrun, type UnitInput } from '../../src/core/lights'
import { COLOURS, INDICATORS, type Colour, type IndicatorKey, type UnitLights } from '../../src/core/types'
import { DEMO_ACCOUNTS_HIGHLIGHT, generateDemo, type DemoData } from '../../src/server/seed/demo'
import { mulberry32, rngFor } from '../../src/server/seed/prng'

const TODAY = '2026-11-23'
const data = generateDemo(TODAY)

function inputOf(d: DemoData, unitId: string): UnitInput {
  const unit = d.units.find((u) => u.id === unitId)
  if (!unit) throw new Error(unitId)
  return {
    unit: { id: unit.id, municipalityId: d.municipality.id, unitType: unit.unitType },
    figures: d.figures.filter((f) => f.unitId === unitId),
    forecasts: d.forecasts.filter((f) => f.unitId === unitId),
    actionPlan: d.actionPlan.filter((a) => a.unitId === unitId),
    balanceAccounts: d.balanceAccounts.filter((b) => b.unitId === unitId),
  }
}

function latestLights(d: DemoData): Map<string, UnitLights> {
  const closedYears = d.yearCloses.map((y) => y.year)
  return new Map(d.units.map((u) => [u.id, unitLights(inputOf(d, u.id), d.period, { today: d.today, ruleSets: d.ruleSets, closedYears })]))
}

const lights = latestLights(data)

describe('prng', () => {
  it('repeats the same sequence for the same seed and stays in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Set(xs).size).toBeGreaterThan(990)
  })

  it('gives independent streams per key, with integers inside their bounds', () => {
    const r = rngFor('x')
    const ints = Array.from({ length: 500 }, () => r.int(3, 7))
    expect(Math.min(...ints)).toBe(3)
    expect(Math.max(...ints)).toBe(7)
    expect(rngFor('x').next()).not.toBe(rngFor('y').next())
  })
})

describe('generateDemo', () => {
  it('is deterministic for a given today', () => {
    expect(generateDemo(TODAY)).toEqual(data)
  })

  it('ends the figures with the last complete month before today', () => {
    expect(data.period).toEqual({ year: 2026, month: 10 })
    expect(generateDemo('2027-01-01').period).toEqual({ year: 2026, month: 12 })
  })

  it('has a school, a daycare and a mixed area, each with an OC and an economics contact', () => {
    expect(data.municipality.name).toBe('Demo Kommune')
    expect(data.municipality.config).toMatchObject({ displayNames: { hng: 'HNG', buu: 'Børne- og Ungdomsudvalget' }, lockDays: 14 })
    expect(data.areas.length).toBeGreaterThanOrEqual(3)
    expect(new Set(data.areas.map((a) => a.kind))).toEqual(new Set(['school', 'daycare', 'mixed']))
    for (const area of data.areas) {
      const ocs = data.roles.filter((r) => r.role === 'area_chief' && r.areaId === area.id)
      expect(ocs).toHaveLength(1)
      expect(data.people.find((p) => p.id === ocs[0]?.personId)?.email).toBe(`oc.${area.slug}@demo.dk`)
      const contacts = new Set(data.units.filter((u) => u.areaId === area.id).map((u) => u.economicsContact.email))
      expect(contacts.size).toBe(1)
    }
  })

  it('has 40+ units with unique cost centres and valid 13-digit EAN numbers starting 5798', () => {
    expect(data.units.length).toBeGreaterThanOrEqual(40)
    expect(new Set(data.units.map((u) => u.costCentre)).size).toBe(data.units.length)
    expect(new Set(data.units.map((u) => u.name)).size).toBe(data.units.length)
    for (const u of data.units) {
      expect(u.costCentre).toMatch(/^\d{4}-\d{4}$/)
      expect(u.ean).toMatch(/^5798\d{9}$/)
      const digits = [...u.ean].map(Number)
      const sum = digits.slice(0, 12).reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0)
      expect((10 - (sum % 10)) % 10).toBe(digits[12])
    }
  })

  it('has 24 months of figures per unit, with budgets in the believable ranges', () => {
    const months = periodsBack(data.period, 24).map((p) => `${p.year}-${p.month}`)
    for (const u of data.units) {
      const figures = data.figures.filter((f) => f.unitId === u.id)
      expect(figures.map((f) => `${f.year}-${f.month}`)).toEqual(months)
      for (const f of figures) {
        const original = f.budget - f.carryOver
        if (u.unitType === 'school') expect(original).toBeGreaterThanOrEqual(25e6)
        if (u.unitType === 'school') expect(original).toBeLessThanOrEqual(60e6)
        if (u.unitType === 'daycare') expect(original).toBeGreaterThanOrEqual(4e6)
        if (u.unitType === 'daycare') expect(original).toBeLessThanOrEqual(15e6)
        expect(f.profileShare).toBeGreaterThan(0)
        expect(f.profileShare).toBeLessThanOrEqual(1)
      }
      // Spend to date only grows within a year.
      for (let i = 1; i < figures.length; i++) {
        const [a, b] = [figures[i - 1], figures[i]]
        if (a && b && a.year === b.year) expect(b.spendToDate).toBeGreaterThan(a.spendToDate)
      }
    }
    expect(data.figures.some((f) => f.profileShare !== Math.round((f.month / 12) * 1e6) / 1e6)).toBe(true) // imported profiles
  })

  it("carries last year's result over, bounded to ±5 %, as surplus for some and deficit for others", () => {
    const y = data.period.year
    for (const u of data.units) {
      const prevDec = data.figures.find((f) => f.unitId === u.id && f.year === y - 1 && f.month === 12)
      const now = data.figures.find((f) => f.unitId === u.id && f.year === y && f.month === 1)
      if (!prevDec || !now) throw new Error(u.id)
      const limit = 0.05 * (prevDec.budget - prevDec.carryOver)
      const expected = Math.max(-limit, Math.min(limit, prevDec.budget - prevDec.spendToDate))
      expect(Math.abs(now.carryOver - expected)).toBeLessThanOrEqual(1)
    }
    const carries = data.figures.filter((f) => f.year === y && f.month === 1).map((f) => f.carryOver)
    expect(carries.filter((c) => c > 0).length).toBeGreaterThanOrEqual(5)
    expect(carries.filter((c) => c < 0).length).toBeGreaterThanOrEqual(5)
  })

  it('spends more in May (holiday pay) and least in July', () => {
    const year = data.period.year - 1
    const monthly = Array.from({ length: 12 }, (_, i) =>
      data.units.reduce((sum, u) => {
        const at = (m: number) => data.figures.find((f) => f.unitId === u.id && f.year === year && f.month === m)?.spendToDate ?? 0
        return sum + at(i + 1) - (i === 0 ? 0 : at(i))
      }, 0),
    )
    const at = (i: number): number => monthly[i] as number
    const [apr, may, jun, jul] = [at(3), at(4), at(5), at(6)]
    expect(may).toBeGreaterThan(1.05 * apr)
    expect(may).toBeGreaterThan(1.05 * jun)
    expect(jul).toBe(Math.min(...monthly))
  })

  it('has accounts for every role: a leader per unit, leaders of two units, an OC who leads a unit', () => {
    for (const u of data.units) expect(data.roles.filter((r) => r.role === 'leader' && r.unitId === u.id)).toHaveLength(1)
    const roles = new Set(data.roles.map((r) => r.role))
    expect(roles).toEqual(new Set(['leader', 'area_chief', 'directorate', 'economics']))
    const unitsPerLeader = new Map<string, number>()
    for (const r of data.roles.filter((x) => x.role === 'leader')) unitsPerLeader.set(r.personId, (unitsPerLeader.get(r.personId) ?? 0) + 1)
    expect([...unitsPerLeader.values()].filter((n) => n === 2).length).toBeGreaterThanOrEqual(2)
    const ocIds = new Set(data.roles.filter((r) => r.role === 'area_chief').map((r) => r.personId))
    expect([...unitsPerLeader.keys()].some((id) => ocIds.has(id))).toBe(true)
    expect(new Set(data.people.map((p) => p.email)).size).toBe(data.people.length)
    for (const p of data.people) expect(p.email).toMatch(/^(leder\.[a-z0-9-]+|oc\.[a-z]+|direktion|oekonomi)@demo\.dk$/)
    expect(data.people.map((p) => p.email)).toEqual(expect.arrayContaining(['direktion@demo.dk', 'oekonomi@demo.dk']))
  })

  it("authors every forecast by the unit's leader, one per month given, month 0–12", () => {
    const keys = new Set<string>()
    for (const f of data.forecasts) {
      const leader = data.roles.find((r) => r.role === 'leader' && r.unitId === f.unitId)
      expect(f.updatedBy).toBe(leader?.personId)
      expect(f.month).toBeGreaterThanOrEqual(0)
      expect(f.month).toBeLessThanOrEqual(12)
      keys.add(`${f.unitId}/${f.year}/${f.month}`)
      expect(f.updatedAt < `${TODAY}T00:00:00.000Z`).toBe(true)
    }
    expect(keys.size).toBe(data.forecasts.length)
  })

  it('writes 4–8 actions per unit and year, with reasons for dropped ones and some overdue', () => {
    const byUnitYear = new Map<string, number>()
    for (const a of data.actionPlan) {
      if (a.status === 'dropped') expect(a.dropReason).toBeTruthy()
      if (a.status !== 'dropped') byUnitYear.set(`${a.unitId}/${a.year}`, (byUnitYear.get(`${a.unitId}/${a.year}`) ?? 0) + 1)
      if (a.doneOn) expect(a.doneOn < TODAY).toBe(true)
    }
    for (const n of byUnitYear.values()) expect(n).toBeGreaterThanOrEqual(3)
    expect(data.actionPlan.some((a) => a.status !== 'done' && a.status !== 'dropped' && a.dueDate < TODAY)).toBe(true)
  })

  it('keeps two rule sets: the defaults and a stricter daycare set from this year', () => {
    expect(data.ruleSets.map((r) => [r.unitType, r.effectiveFrom])).toEqual([
      [null, `${data.period.year - 2}-01-01`],
      ['daycare', `${data.period.year}-01-01`],
    ])
  })

  it('closes last year and records its December lights, judged by the rule set then in force', () => {
    const closed = data.period.year - 1
    expect(data.yearCloses).toEqual([expect.objectContaining({ year: closed })])
    expect(data.recordedLights).toHaveLength(data.units.length * 4)
    for (const r of data.recordedLights) {
      expect([r.year, r.month]).toEqual([closed, 12])
      expect(r.ruleSetId).toBe(data.ruleSets[0]?.id)
    }
    const finals = data.recordedLights.filter((r) => r.indicator === 'budget').map((r) => r.light.facts)
    expect(finals.every((f) => f.kind === 'budget' && f.final)).toBe(true)
  })
})

describe('the latest period', () => {
  const colourCount = (indicator: IndicatorKey, colour: Colour) => [...lights.values()].filter((l) => l[indicator]!.colour === colour).length

  it('shows each unit as designed', () => {
    for (const d of data.designs) {
      const l = lights.get(d.unitId) as UnitLights
      expect(Object.fromEntries(INDICATORS.map((k) => [k, l[k]!.colour]))).toEqual(d.colours)
    }
  })

  it('shows green, yellow and red for every indicator, and grey somewhere', () => {
    const table = Object.fromEntries(INDICATORS.map((k) => [k, Object.fromEntries(COLOURS.map((c) => [c, colourCount(k, c)]))]))
    for (const k of INDICATORS) for (const c of ['green', 'yellow', 'red'] as const) expect(table[k]?.[c], `${k} ${c}`).toBeGreaterThanOrEqual(3)
    expect(INDICATORS.some((k) => colourCount(k, 'grey') > 0)).toBe(true)
    expect(colourCount('budget', 'grey')).toBeGreaterThanOrEqual(2) // missing forecasts
  })

  it("has exactly one unit whose overrun is more than a third of its area's", () => {
    const byArea = new Map<string, number>()
    for (const u of data.units) byArea.set(u.areaId, (byArea.get(u.areaId) ?? 0) + unitOverrun(lights.get(u.id) as UnitLights))
    const dominating = data.units.filter((u) => unitOverrun(lights.get(u.id) as UnitLights) > (byArea.get(u.areaId) as number) / 3)
    expect(dominating.map((u) => u.id)).toEqual([data.designs.find((d) => d.dominant)?.unitId])
    expect(lights.get(dominating[0]?.id as string)?.budget!.colour).toBe('red')
  })

  it('names the highlight accounts: a red leader, a leader of two units, each OC, directorate, economics', () => {
    const emails = DEMO_ACCOUNTS_HIGHLIGHT.map((a) => a.email)
    expect(new Set(emails).size).toBe(emails.length)
    for (const e of emails) expect(data.people.some((p) => p.email === e)).toBe(true)
    const red = DEMO_ACCOUNTS_HIGHLIGHT[0]
    const redPerson = data.people.find((p) => p.email === red?.email)
    const redUnits = data.roles.filter((r) => r.role === 'leader' && r.personId === redPerson?.id).map((r) => r.unitId as string)
    expect(redUnits.some((id) => lights.get(id)?.budget!.colour === 'red')).toBe(true)
    expect(DEMO_ACCOUNTS_HIGHLIGHT.filter((a) => a.role === 'area_chief')).toHaveLength(data.areas.length)
    expect(emails).toEqual(expect.arrayContaining(['direktion@demo.dk', 'oekonomi@demo.dk']))
  })
})
