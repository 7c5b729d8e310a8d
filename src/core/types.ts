// The shared vocabulary of the domain (DOMAIN.md). Dates are ISO strings 'YYYY-MM-DD' and months
// are 1–12, so nothing here depends on a time zone or on the clock.
import type { z } from 'zod'
import type { lightSchema, ruleSetSchema, thresholdsSchema } from './lightSchemas'
import type {
  developmentPlanSchema,
  dialogueActionSchema,
  dialogueKindSchema,
  dialoguePurposeSchema,
  dialogueSchema,
  dialogueTopicSchema,
  unitMarkSchema,
} from './dialogueSchemas'
import type {
  actionPlanItemSchema,
  balanceAccountSchema,
  dialoguePreparationSchema,
  explanationSchema,
  forecastEntrySchema,
  initiativeSchema,
  monthlyFigureSchema,
} from './schemas'
import type { actionStatusSchema, periodSchema, roleSchema, unitTypeSchema } from './schemaPrimitives'

export type IsoDate = string

export const INDICATORS = ['budget', 'actionPlan', 'forecast', 'balance'] as const
export type IndicatorKey = (typeof INDICATORS)[number]

export const COLOURS = ['green', 'yellow', 'red', 'grey'] as const
export type Colour = (typeof COLOURS)[number]

// The types below are the schemas' own (z.infer): a record's shape is written once, in
// schemas.ts, lightSchemas.ts and schemaPrimitives.ts. Type-only imports, so no import cycle at
// run time (those modules import the constants above).
export type UnitType = z.infer<typeof unitTypeSchema>
export type Role = z.infer<typeof roleSchema>

/** year, and month 1–12. */
export type Period = z.infer<typeof periodSchema>

/**
 * Target figures (måltal). Fractions, not per cent: 0.01 is 1 %.
 * - budgetTolerance: budget is yellow while 0 < (P − B)/B ≤ this; red above.
 * - actionPlanTarget: action plan is red below this fulfilment; yellow from it up to (not incl.) 1; green at 1.
 * - forecastInterval: forecast accuracy: ± this share of B is inside; the outer fifth of it is yellow.
 * - balanceTarget: balance accounts are red below this rate.
 * - balanceGreenMargin: balance accounts are yellow from the target up to target + this; green above.
 */
export type Thresholds = z.infer<typeof thresholdsSchema>

/** unitType null: applies to every unit type. */
export type RuleSet = z.infer<typeof ruleSetSchema>

/**
 * Imported per unit and month.
 * - budget: the corrected annual budget B, including the carry-over from last year.
 * - spendToDate: spend so far this year F, at the end of the month.
 * - profileShare: cumulative share s(m) of the year's budget profile at the end of the month (0–1).
 */
export type MonthlyFigure = z.infer<typeof monthlyFigureSchema>

/**
 * year: the year whose year-end spend is forecast; month 0–12: the month it was given in, where
 * 0 is December of the year before.
 */
export type ForecastEntry = z.infer<typeof forecastEntrySchema>

export type ActionStatus = z.infer<typeof actionStatusSchema>
export type ActionPlanItem = z.infer<typeof actionPlanItemSchema>
export type BalanceAccount = z.infer<typeof balanceAccountSchema>

/**
 * A judged light. ruleSetId: the rule set it was judged by. source: computed from figures,
 * imported ready-made by the economics team, or recorded for a closed period.
 */
export type Light = z.infer<typeof lightSchema>
export type MissingReason = NonNullable<Light['missing']>

/**
 * What a light was judged from, by indicator (the fields are named as in DOMAIN.md):
 * - budget: B, P (the final spend once the year is closed, then final is true), F, the budget
 *   accrued to date by the monthly profile B × s(m), P − B in kroner and (P − B) / B.
 * - actionPlan: actions due so far (dropped ones excluded), done on time, their share.
 * - forecast: P' given last month, the implied spend E, F at the end of the month, F − E in kroner
 *   and (F − E) / B.
 * - balance: accounts due so far, reconciled on time, their rate, target + margin (greenAbove),
 *   due and not reconciled (open), reconciled after their due date (late).
 */
export type IndicatorFacts = Light['facts']
export type BudgetFacts = Extract<IndicatorFacts, { kind: 'budget' }>
export type ActionPlanFacts = Extract<IndicatorFacts, { kind: 'actionPlan' }>
export type ForecastFacts = Extract<IndicatorFacts, { kind: 'forecast' }>
export type BalanceFacts = Extract<IndicatorFacts, { kind: 'balance' }>

export type UnitLights = Partial<Record<IndicatorKey, Light>>

/** What the leader writes for the OC: an indicator's causes, the initiatives, the dialogue preparation. */
export type Explanation = z.infer<typeof explanationSchema>
export type Initiative = z.infer<typeof initiativeSchema>
/** readyAt: when the leader marked it ready (an ISO timestamp); null while it is a draft. */
export type DialoguePreparation = z.infer<typeof dialoguePreparationSchema>

/** The dialogue chain's records (dialogueSchemas.ts). */
export type DialogueKind = z.infer<typeof dialogueKindSchema>
export type DialoguePurpose = z.infer<typeof dialoguePurposeSchema>
export type DialogueTopic = z.infer<typeof dialogueTopicSchema>
export type Dialogue = z.infer<typeof dialogueSchema>
export type DialogueAction = z.infer<typeof dialogueActionSchema>
export type DevelopmentPlan = z.infer<typeof developmentPlanSchema>
export type UnitMark = z.infer<typeof unitMarkSchema>
