// Schemas of thresholds, rule sets and lights, e.g. for a recorded light read back from JSON.
import { z } from 'zod'
import {
  amountSchema,
  colourSchema,
  countSchema,
  idSchema,
  indicatorKeySchema,
  isoDateSchema,
  periodSchema,
  shareSchema,
  unitTypeSchema,
} from './schemaPrimitives'

const fraction = (what: string) =>
  z
    .number({ error: `${what} skal være et tal.` })
    .min(0, { error: `${what} skal være mellem 0 og 1.` })
    .max(1, { error: `${what} skal være mellem 0 og 1.` })

export const thresholdsSchema = z.object({
  budgetTolerance: fraction('Budgettolerancen'),
  actionPlanTarget: fraction('Måltallet for handleplanen'),
  forecastInterval: fraction('Intervallet for prognoser').refine((v) => v > 0, { error: 'Intervallet for prognoser skal være større end 0.' }),
  balanceTarget: fraction('Måltallet for balancekonti'),
  balanceGreenMargin: fraction('Margenen for balancekonti'),
})

export const ruleSetSchema = z.object({
  id: idSchema,
  municipalityId: idSchema,
  unitType: unitTypeSchema.nullable(),
  effectiveFrom: isoDateSchema,
  thresholds: thresholdsSchema,
})

const maybe = amountSchema.nullable()

const factsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('budget'),
    budget: amountSchema,
    forecast: maybe,
    spendToDate: amountSchema,
    accruedBudget: amountSchema,
    difference: maybe,
    deviation: maybe,
    tolerance: amountSchema,
    final: z.boolean(),
  }),
  z.object({ kind: z.literal('actionPlan'), due: countSchema, doneOnTime: countSchema, fulfilment: shareSchema.nullable(), target: amountSchema }),
  z.object({
    kind: z.literal('forecast'),
    previousForecast: maybe,
    impliedSpend: maybe,
    actualSpend: amountSchema,
    budget: amountSchema,
    difference: maybe,
    accuracy: maybe,
    interval: amountSchema,
  }),
  z.object({
    kind: z.literal('balance'),
    due: countSchema,
    reconciledOnTime: countSchema,
    rate: shareSchema.nullable(),
    target: amountSchema,
    greenAbove: amountSchema,
    open: countSchema,
    late: countSchema,
  }),
])

export const lightSchema = z.object({
  indicator: indicatorKeySchema,
  colour: colourSchema,
  period: periodSchema,
  ruleSetId: idSchema,
  source: z.enum(['computed', 'imported', 'recorded']),
  missing: z.enum(['noFigures', 'noForecast', 'noPriorForecast', 'noActionsDue', 'noAccountsDue']).nullable(),
  facts: factsSchema,
})
