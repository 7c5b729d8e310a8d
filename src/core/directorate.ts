// The directorate's report: units whose figures affect their whole area disproportionately
// (DOMAIN.md "The directorate").
import { RATIO_EPSILON } from './indicators/bands'

export interface DirectorateUnit {
  id: string
  areaId: string
  budget: number
  /** Overrun in kroner (P − B); anything ≤ 0 counts as no overrun. */
  overrun: number
}

export interface DominanceRule {
  /** A unit dominates when its share of the area's total overrun is more than this … */
  shareOfOverrun: number
  /** … or more than this many times its share of the area's budget. */
  budgetShareFactor: number
}

export const DEFAULT_DOMINANCE_RULE: Readonly<DominanceRule> = Object.freeze({ shareOfOverrun: 1 / 3, budgetShareFactor: 2 })

export type DominanceReason = 'shareOfOverrun' | 'budgetShare'

export type DominatingUnit<T extends DirectorateUnit> = T & {
  overrunShare: number // of the area's total overrun
  budgetShare: number // of the area's total budget
  reasons: DominanceReason[]
}

/** Units with an overrun that weigh on their area more than the rule allows, in input order. */
export function dominatingUnits<T extends DirectorateUnit>(units: readonly T[], rule: DominanceRule = DEFAULT_DOMINANCE_RULE): Array<DominatingUnit<T>> {
  const totals = new Map<string, { overrun: number; budget: number }>()
  for (const u of units) {
    const t = totals.get(u.areaId) ?? { overrun: 0, budget: 0 }
    t.overrun += Math.max(0, u.overrun)
    t.budget += Math.abs(u.budget)
    totals.set(u.areaId, t)
  }
  const result: Array<DominatingUnit<T>> = []
  for (const u of units) {
    const t = totals.get(u.areaId)
    if (!t || u.overrun <= 0 || t.overrun <= 0) continue
    const overrunShare = u.overrun / t.overrun
    const budgetShare = t.budget === 0 ? 0 : Math.abs(u.budget) / t.budget
    const reasons: DominanceReason[] = []
    if (overrunShare > rule.shareOfOverrun + RATIO_EPSILON) reasons.push('shareOfOverrun')
    if (overrunShare > rule.budgetShareFactor * budgetShare + RATIO_EPSILON) reasons.push('budgetShare')
    if (reasons.length > 0) result.push({ ...u, overrunShare, budgetShare, reasons })
  }
  return result
}
