// seedDemo on a fresh database: everything in once, nothing the second time, one shared argon2id
// hash, and lights computed from the stored rows equal those computed from the generated data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unitLights } from '../../src/core/lights'
import type { Db } from '../../src/server/db/db'
import { loadUnitFacts } from '../../src/server/repos/figures'
import { generateDemo, seedDemo } from '../../src/server/seed/demo'
import { freshDb } from '../helpers/db'

const TODAY = '2026-11-23'
const TABLES = [
  'municipality',
  'area',
  'unit',
  'person',
  'role_assignment',
  'rule_set',
  'monthly_figure',
  'forecast',
  'action_plan_item',
  'balance_account',
  'year_close',
  'recorded_light',
  'dialogue',
  'dialogue_action',
  'note',
  'development_plan',
  'unit_mark',
] as const

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of TABLES) out[t] = Number((await db.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0]?.n)
  return out
}

describe('seedDemo', () => {
  let db: Db
  const data = generateDemo(TODAY)
  /** The dialogue chain is a history of writes: a record for each create. */
  const created = (kind: string) => data.dialogueChain.filter((w) => w.kind === kind && w.create).length

  beforeAll(async () => {
    db = await freshDb()
  })
  afterAll(async () => {
    await db.close()
  })

  it('inserts the whole demo once, quickly', async () => {
    const started = performance.now()
    expect(await seedDemo(db, { today: TODAY, password: 'demo' })).toEqual({ seeded: true })
    const ms = performance.now() - started
    // A generous guard against a per-row insert creeping back in; the real figure is well under it.
    expect(ms).toBeLessThan(10_000)
    expect(await counts(db)).toEqual({
      municipality: 1,
      area: data.areas.length,
      unit: data.units.length,
      person: data.people.length,
      role_assignment: data.roles.length,
      rule_set: data.ruleSets.length,
      monthly_figure: data.figures.length,
      forecast: data.forecasts.length,
      action_plan_item: data.actionPlan.length,
      balance_account: data.balanceAccounts.length,
      year_close: data.yearCloses.length,
      recorded_light: data.recordedLights.length,
      dialogue: created('dialogue'),
      dialogue_action: created('dialogueAction'),
      note: created('note'),
      development_plan: created('developmentPlan'),
      unit_mark: created('unitMark'),
    })
  })

  it('is a no-op the second time', async () => {
    const before = await counts(db)
    expect(await seedDemo(db, { today: '2027-03-01', password: 'other' })).toEqual({ seeded: false })
    expect(await counts(db)).toEqual(before)
  })

  it('gives every demo account the same argon2id hash', async () => {
    const hashes = await db.query<{ password_hash: string }>('select distinct password_hash from person')
    expect(hashes).toHaveLength(1)
    expect(hashes[0]?.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('stores the figures exactly: lights from the database equal lights from the generated data', async () => {
    const ids = data.units.map((u) => u.id)
    const facts = await loadUnitFacts(db, ids, data.period.year - 2)
    const opts = { today: TODAY, ruleSets: data.ruleSets, closedYears: [data.period.year - 1] }
    for (const unit of data.units) {
      const input = { unit: { id: unit.id, municipalityId: data.municipality.id, unitType: unit.unitType } }
      const stored = facts.get(unit.id)
      if (!stored) throw new Error(unit.id)
      const fromDb = unitLights({ ...input, ...stored }, data.period, opts)
      const fromData = unitLights(
        {
          ...input,
          figures: data.figures.filter((f) => f.unitId === unit.id),
          forecasts: data.forecasts.filter((f) => f.unitId === unit.id),
          actionPlan: data.actionPlan.filter((a) => a.unitId === unit.id),
          balanceAccounts: data.balanceAccounts.filter((b) => b.unitId === unit.id),
        },
        data.period,
        opts,
      )
      expect(fromDb).toEqual(fromData)
    }
  })
})
