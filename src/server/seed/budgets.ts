// Each unit's corrected budget B per year: the original budget (price and wage adjusted each year)
// plus the carry-over (overførsel) of last year's result, bounded to ±5 %. Also the target the
// latest period is built to hit: the year-end forecast P that gives the designed budget colour, and
// one unit whose overrun dominates its area's.
import type { Thresholds } from '../../core/types'
import { rngFor } from './prng'
import type { DemoUnit, Profile, UnitDesign } from './types'

export interface YearBudget {
  year: number
  original: number
  carryOver: number
  /** Corrected budget incl. carry-over. */
  budget: number
  /** Final spend of a complete year; the expected year-end spend of the current one. */
  yearEnd: number
}

export interface UnitBudgets {
  unitId: string
  years: YearBudget[]
}

const CARRY_LIMIT = 0.05
const YEARLY_ADJUSTMENT = 0.025

/** The year's result as a share of B, by how the unit usually does. */
const RESULT_RANGE: Record<Profile, [number, number]> = {
  good: [-0.03, -0.003],
  borderline: [-0.012, 0.008],
  struggling: [0.004, 0.035],
  missing: [-0.015, 0.015],
}

const round = (x: number, step: number): number => Math.round(x / step) * step
const kr = (x: number): number => Math.round(x * 100) / 100

/** The current (last) year's yearEnd is left at B; the caller sets it from the designed forecast. */
export function unitBudgets(design: UnitDesign, years: number[]): UnitBudgets {
  const rng = rngFor(`budgets:${design.unitId}`)
  const first = years[0] as number
  const result: YearBudget[] = []
  for (const year of years) {
    const original = round(design.baseBudget * (1 + YEARLY_ADJUSTMENT) ** (year - first), 1000)
    const prev = result[result.length - 1]
    const carry = prev
      ? Math.max(-CARRY_LIMIT * prev.original, Math.min(CARRY_LIMIT * prev.original, prev.budget - prev.yearEnd))
      : original * rng.between(-0.02, 0.03)
    const carryOver = Math.round(carry)
    const budget = original + carryOver
    const isCurrent = year === years[years.length - 1]
    const [lo, hi] = RESULT_RANGE[design.profile]
    const yearEnd = isCurrent ? budget : kr(budget * (1 + rng.between(lo, hi)))
    result.push({ year, original, carryOver, budget, yearEnd })
  }
  return { unitId: design.unitId, years: result }
}

/** The designed deviation d = (P − B)/B of the latest forecast. */
export function designedDeviation(design: UnitDesign, t: Thresholds): number {
  const rng = rngFor(`deviation:${design.unitId}`)
  if (design.dominant) return 0.06
  switch (design.colours.budget) {
    case 'green':
      return rng.between(-0.035, -0.003)
    case 'yellow':
      return rng.between(0.3, 0.8) * t.budgetTolerance
    case 'red':
      return 1.6 * t.budgetTolerance + rng.between(0.002, 0.03)
    default:
      // No forecast is given, but the year still runs somewhere near budget.
      return rng.between(-0.02, 0.02)
  }
}

export interface OverrunTarget {
  unit: DemoUnit
  design: UnitDesign
  budget: number
  deviation: number
  tolerance: number
}

const overrunOf = (t: OverrunTarget): number => (t.design.colours.budget === 'grey' ? 0 : Math.max(0, t.deviation * t.budget))
const minRed = (t: OverrunTarget): number => 1.6 * t.tolerance + 0.002
const maxRed = (t: OverrunTarget): number => 1.6 * t.tolerance + 0.05

/**
 * Makes exactly the designed unit dominate its area's overrun (more than a third of it), and keeps
 * every other unit at most ~30 % of its area's, by moving red deviations within the red band.
 * Mutates the deviations.
 */
export function balanceOverruns(targets: OverrunTarget[]): void {
  const byArea = new Map<string, OverrunTarget[]>()
  for (const t of targets) byArea.set(t.unit.areaId, [...(byArea.get(t.unit.areaId) ?? []), t])
  for (const list of byArea.values()) {
    const dominant = list.find((t) => t.design.dominant)
    for (let guard = 0; guard < 100; guard++) {
      const total = list.reduce((s, t) => s + overrunOf(t), 0)
      if (dominant) {
        if (overrunOf(dominant) / total >= 0.45) break
        const others = list.filter((t) => t !== dominant && t.design.colours.budget === 'red' && t.deviation > minRed(t) * 1.01)
        const biggest = others.sort((a, b) => overrunOf(b) - overrunOf(a))[0]
        if (!biggest) break
        biggest.deviation = Math.max(minRed(biggest), biggest.deviation * 0.7)
        continue
      }
      const biggest = [...list].sort((a, b) => overrunOf(b) - overrunOf(a))[0]
      if (!biggest || overrunOf(biggest) / total <= 0.3) break
      if (biggest.design.colours.budget !== 'red' || biggest.deviation <= minRed(biggest) * 1.01) {
        // It cannot shrink and stay red: let the other red units overrun a little more instead.
        const others = list.filter((t) => t !== biggest && t.design.colours.budget === 'red' && t.deviation < maxRed(t))
        if (others.length === 0) break
        for (const t of others) t.deviation = Math.min(maxRed(t), t.deviation * 1.15)
        continue
      }
      const rest = total - overrunOf(biggest)
      const wanted = (0.28 * rest) / 0.72 / biggest.budget
      biggest.deviation = Math.max(minRed(biggest), wanted)
    }
  }
}
