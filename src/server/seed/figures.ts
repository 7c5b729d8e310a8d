// Spend to date per month with the seasons of a Danish school or daycare: salaries steady with the
// holiday pay (ferietillæg/feriepenge) in May, fewer substitutes in July, and purchases that come in
// lumps a few times a year and almost stop in July. The budget profile s(m) is twelfths, or for
// some units an imported seasonal profile.
import type { UnitType } from '../../core/types'
import { rngFor, type Rng } from './prng'

//                      Jan  Feb  Mar  Apr  May   Jun  Jul   Aug   Sep  Oct  Nov  Dec
const SALARY_SEASON = [1.0, 1.0, 1.0, 1.0, 1.14, 1.0, 0.95, 1.0, 1.0, 1.0, 1.0, 1.02]
const OTHER_SEASON = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.35, 1.25, 1.0, 1.0, 1.0, 1.2]
/** Months where a big purchase may land (never May–July, so the seasons stay readable). */
const LUMP_MONTHS = [0, 1, 2, 3, 7, 8, 9, 10, 11]

function salaryShare(unitType: UnitType): number {
  return unitType === 'school' ? 0.78 : 0.85
}

function normalise(w: number[]): number[] {
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) => x / sum)
}

function combine(salary: number[], other: number[], share: number): number[] {
  const s = normalise(salary)
  const o = normalise(other)
  return s.map((x, i) => share * x + (1 - share) * (o[i] as number))
}

/** One year's monthly spend weights (sum 1) for a unit. */
export function monthWeights(rng: Rng, unitType: UnitType, lumpy: boolean): number[] {
  const other = OTHER_SEASON.map((w) => w * rng.between(0.85, 1.15))
  const lumps = rng.int(1, lumpy ? 3 : 2)
  for (let i = 0; i < lumps; i++) {
    const m = rng.pick(LUMP_MONTHS)
    other[m] = (other[m] as number) * (lumpy ? rng.between(2, 3.5) : rng.between(1.4, 2))
  }
  return combine(SALARY_SEASON, other, salaryShare(unitType))
}

const share6 = (x: number): number => Math.round(x * 1e6) / 1e6

/** Cumulative profile shares s(1..12), rounded as stored (numeric(9,6)); s(12) = 1. */
export function profileShares(unitType: UnitType, seasonal: boolean): number[] {
  const w = seasonal ? combine(SALARY_SEASON, OTHER_SEASON, salaryShare(unitType)) : Array<number>(12).fill(1 / 12)
  let acc = 0
  return w.map((x, i) => {
    acc += x
    return i === 11 ? 1 : share6(acc)
  })
}

/** Spend to date at the end of each month of a year that ends at yearEnd. */
export function spendSeries(unitId: string, year: number, unitType: UnitType, lumpy: boolean, yearEnd: number): number[] {
  const w = monthWeights(rngFor(`spend:${unitId}:${year}`), unitType, lumpy)
  let acc = 0
  return w.map((x) => {
    acc += x
    return Math.round(yearEnd * acc * 100) / 100
  })
}
