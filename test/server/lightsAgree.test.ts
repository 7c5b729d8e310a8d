// The device and the server paint the same lights from the same data, on every month of a year.
// The server's path is the real one (GET /api/units and /api/units/:id through services/judge.ts);
// the device's is localLights over that detail with the forecasts it holds as synced records
// (useLocalLights). Figures come in one or two months late, and a forecast is given every month
// that alternates green, yellow and red, so any difference in which forecast judges shows as a
// different colour — as it did in January, with figures up to November and forecasts given in
// November and December.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shiftPeriod } from '../../src/core/dates'
import { overallColour } from '../../src/core/lights'
import { DEFAULT_THRESHOLDS } from '../../src/core/rules'
import type { Period, UnitLights } from '../../src/core/types'
import type { UnitDetail, UnitsResponse } from '../../src/client/api/types'
import { localLights, mergeForecasts, type LocalForecast } from '../../src/client/features/lights/localLights'
import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'
import { freshDb } from '../helpers/db'
import { insertFixtures, PEOPLE } from '../helpers/fixtures'
import { get, login } from '../helpers/http'

const BUDGET = 10_000_000
// Green, yellow and red against the budget, given in turn month by month.
const AMOUNTS = [9_900_000, 10_050_000, 10_500_000]
const YEAR = 2026
/** One municipality per lag, since the period judged is the municipality's latest month with figures. */
const LAGS = [1, 2] as const
const unitOf = (lag: number) => `unit-lys-${lag}`

const periodIndex = (p: Period) => p.year * 12 + p.month

async function insertMunicipality(db: Db, lag: number): Promise<void> {
  const m = `kommune-lys-${lag}`
  await db.query(`insert into municipality (id, name) values ($1, $1)`, [m])
  await db.query(`insert into area (id, municipality_id, name, kind) values ($1, $2, 'Område Lys', 'school')`, [`area-lys-${lag}`, m])
  await db.query(`insert into unit (id, area_id, name, unit_type, cost_centre, ean, economics_contact) values ($1, $2, $1, 'school', $1, $4, $3)`, [
    unitOf(lag),
    `area-lys-${lag}`,
    { name: 'Økonomi', email: 'oekonomi@test.dk', phone: '11 22 33 44' },
    `579800000000${lag}`,
  ])
  await db.query(`insert into rule_set (id, municipality_id, unit_type, effective_from, thresholds) values ($1, $2, null, '2020-01-01', $3)`, [
    `rs-lys-${lag}`,
    m,
    DEFAULT_THRESHOLDS,
  ])
}

/** Figures of every month up to `last`, spending a little off the profile so forecast accuracy varies. */
async function figuresUpTo(db: Db, unitId: string, last: Period): Promise<void> {
  for (let p: Period = { year: YEAR - 1, month: 1 }; periodIndex(p) <= periodIndex(last); p = shiftPeriod(p, 1)) {
    const share = p.month / 12
    const spend = BUDGET * share * (1 + ((p.month % 3) - 1) * 0.02)
    await db.query(
      `insert into monthly_figure (unit_id, year, month, budget, carry_over, spend_to_date, profile_share)
       values ($1, $2, $3, $4, 0, $5, $6) on conflict do nothing`,
      [unitId, p.year, p.month, BUDGET, spend.toFixed(2), share.toFixed(6)],
    )
  }
}

/** The forecasts given in every month up to and including `now`'s, as the device holds them after a sync. */
async function forecastsUpTo(db: Db, unitId: string, now: Period): Promise<LocalForecast[]> {
  const local: LocalForecast[] = []
  for (let p: Period = { year: YEAR - 1, month: 1 }; periodIndex(p) <= periodIndex(now); p = shiftPeriod(p, 1)) {
    const id = `fc-${unitId}-${p.year}-${p.month}`
    const amount = AMOUNTS[periodIndex(p) % AMOUNTS.length]!
    const updatedAt = `${p.year}-${String(p.month).padStart(2, '0')}-10T08:00:00.000Z`
    await db.query(`insert into forecast (id, unit_id, year, month, amount, updated_at) values ($1, $2, $3, $4, $5, $6) on conflict do nothing`, [
      id,
      unitId,
      p.year,
      p.month,
      amount,
      updatedAt,
    ])
    local.push({ id, scopeId: unitId, deleted: false, data: { year: p.year, month: p.month, amount, explanation: null, updatedAt } })
  }
  return local
}

const colours = (lights: UnitLights) => Object.values(lights).map((l) => `${l.indicator}:${l.colour}`)

let db: Db
let app: FastifyInstance
let cookie: string
let today = `${YEAR}-01-15`

beforeAll(async () => {
  db = await freshDb()
  await insertFixtures(db)
  for (const lag of LAGS) await insertMunicipality(db, lag)
  app = await buildApp({ db, demo: false, today: () => today })
  await app.ready()
  cookie = await login(app, PEOPLE.directorate.email)
})

afterAll(async () => {
  await app.close()
  await db.close()
})

describe('device and server give the same lights for the same data', () => {
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
  it.each(months)(`on the 15th of month %i of ${YEAR}, figures one and two months late`, async (month) => {
    today = `${YEAR}-${String(month).padStart(2, '0')}-15`
    const now = { year: YEAR, month }
    for (const lag of LAGS) {
      const unitId = unitOf(lag)
      const period = shiftPeriod(now, -lag)
      await figuresUpTo(db, unitId, period)
      const synced = await forecastsUpTo(db, unitId, now)
      const detail = (await get(app, `/api/units/${unitId}`, cookie)).json<UnitDetail>()
      expect(detail.period).toEqual(period)

      // The device with the records it synced, and before it has any (the detail's forecasts alone).
      for (const local of [synced, []]) {
        const device = localLights(detail, mergeForecasts(detail.forecasts, local), today)
        expect(device).toEqual(detail.lights)
        expect(overallColour(device)).toBe(detail.overall)
      }
      // The budget is judged by the latest forecast given for the period's year: this month's, or
      // December's once that year is over.
      const latestGiven = period.year === now.year ? now : { year: period.year, month: 12 }
      expect(detail.lights.budget!.facts).toMatchObject({ forecast: AMOUNTS[periodIndex(latestGiven) % AMOUNTS.length] })

      // The home's first paint (the list) says what the device computes afterwards: the page never flips.
      const list = (await get(app, '/api/units', cookie)).json<UnitsResponse>()
      expect(colours(list.units.find((u) => u.id === unitId)!.lights)).toEqual(colours(detail.lights))
    }
  })
})
