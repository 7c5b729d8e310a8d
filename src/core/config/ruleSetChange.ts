// A new rule set (the måltal and intervals of the four indicators) from the economics team, checked
// alike by its form and by the server. It applies from its date on, to every period whose last day
// falls on or after it (core/rules.ts); a closed year's lights are recorded and stay as they were,
// so a set may not begin inside one — it would say one thing and the recorded lights another.
import { z } from 'zod'
import { compareIso } from '../dates'
import { thresholdsSchema } from '../lightSchemas'
import { isoDateSchema, unitTypeSchema } from '../schemaPrimitives'
import type { IsoDate, RuleSet, Thresholds, UnitType } from '../types'

export const ruleSetInputSchema = z.object({
  /** null: every unit type without a set of its own. */
  unitType: unitTypeSchema.nullable(),
  effectiveFrom: isoDateSchema,
  thresholds: thresholdsSchema,
})
export type RuleSetInput = z.infer<typeof ruleSetInputSchema>

export type RuleSetField = 'unitType' | 'effectiveFrom' | `thresholds.${keyof Thresholds}`

export interface RuleSetIssue {
  field: RuleSetField
  message: string
}

export interface RuleSetChangeContext {
  existing: readonly RuleSet[]
  closedYears: readonly number[]
}

/** "01.07.2026": how the economics team writes a date. */
export function dottedDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`
}

/** "alle enhedstyper", "skoler", "dagtilbud": what a set is for, in a sentence. */
export function ruleSetAudience(unitType: UnitType | null): string {
  if (unitType === null) return 'alle enhedstyper'
  return unitType === 'school' ? 'skoler' : 'dagtilbud'
}

/** What is wrong with a new set, beyond its values' own ranges (ruleSetInputSchema); empty when it may be made. */
export function ruleSetChangeIssues(input: RuleSetInput, ctx: RuleSetChangeContext): RuleSetIssue[] {
  const issues: RuleSetIssue[] = []
  const year = Number(input.effectiveFrom.slice(0, 4))
  const lastClosed = Math.max(...ctx.closedYears, Number.NEGATIVE_INFINITY)
  if (year <= lastClosed) {
    issues.push({
      field: 'effectiveFrom',
      message: `Et regelsæt kan ikke gælde fra ${dottedDate(input.effectiveFrom)}: ${lastClosed} er lukket, og årets lys er registreret. Vælg en dato i ${lastClosed + 1} eller senere.`,
    })
  }
  const twin = ctx.existing.find((s) => s.unitType === input.unitType && compareIso(s.effectiveFrom, input.effectiveFrom) === 0)
  if (twin) {
    issues.push({
      field: 'effectiveFrom',
      message: `Der findes allerede et regelsæt for ${ruleSetAudience(input.unitType)} fra ${dottedDate(input.effectiveFrom)}. Vælg en anden dato.`,
    })
  }
  const { balanceTarget, balanceGreenMargin } = input.thresholds
  // Green lies above target + margin: beyond 100 % no unit could ever be green.
  if (balanceTarget + balanceGreenMargin > 1) {
    issues.push({ field: 'thresholds.balanceGreenMargin', message: 'Måltallet og margenen for balancekonti må tilsammen højst være 100 %.' })
  }
  return issues
}

export type RuleSetStanding = 'inForce' | 'coming' | 'replaced'

/**
 * Per set: in force today (the latest begun, for its unit type or for all), still to come, or
 * followed by a newer one of its kind. Which set judges a given unit and period is ruleSetFor's.
 */
export function ruleSetStandings(sets: readonly RuleSet[], today: IsoDate): Map<string, RuleSetStanding> {
  const standings = new Map<string, RuleSetStanding>()
  const latestBegun = new Map<UnitType | null, RuleSet>()
  for (const set of sets) {
    if (compareIso(set.effectiveFrom, today) > 0) {
      standings.set(set.id, 'coming')
      continue
    }
    const best = latestBegun.get(set.unitType)
    if (!best || compareIso(set.effectiveFrom, best.effectiveFrom) >= 0) latestBegun.set(set.unitType, set)
  }
  for (const set of sets) if (!standings.has(set.id)) standings.set(set.id, latestBegun.get(set.unitType) === set ? 'inForce' : 'replaced')
  return standings
}
