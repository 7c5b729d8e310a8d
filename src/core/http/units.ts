// The unit list and a unit's detail (/api/units, /api/units/:unitId). Records reuse core's record
// schemas; what the server reads back from its own tables (names, contact, EAN) is described as
// text, not judged again as input, so stored data never turns a read into a 500.
import { z } from 'zod'
import { lightSchema, ruleSetSchema } from '../lightSchemas'
import {
  actionPlanItemSchema,
  amountSchema,
  balanceAccountSchema,
  colourSchema,
  forecastEntrySchema,
  idSchema,
  isoDateSchema,
  monthlyFigureSchema,
  periodSchema,
  unitTypeSchema,
} from '../schemas'

export const unitParamsSchema = z.object({ unitId: idSchema.max(200) })

export const unitLightsSchema = z.object({
  budget: lightSchema.optional(),
  actionPlan: lightSchema.optional(),
  forecast: lightSchema.optional(),
  balance: lightSchema.optional(),
})

const unitHeadSchema = z.object({
  id: idSchema,
  name: z.string(),
  unitType: unitTypeSchema,
  areaId: idSchema,
  areaName: z.string(),
})

export const unitSummarySchema = unitHeadSchema.extend({
  overall: colourSchema,
  lights: unitLightsSchema,
  /** P − B in kroner, for the worst-first order. */
  overrun: amountSchema,
})

export const unitListSchema = z.object({ asOf: isoDateSchema.nullable(), units: z.array(unitSummarySchema) })

export const unitDetailSchema = z.object({
  unit: unitHeadSchema.extend({
    costCentre: z.string(),
    ean: z.string(),
    economicsContact: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  }),
  asOf: isoDateSchema.nullable(),
  period: periodSchema.nullable(),
  figures: z.array(monthlyFigureSchema),
  forecasts: z.array(forecastEntrySchema),
  // The item's shape without its input refinements (a done item needs a date, …): those judge
  // what a person enters, not what the server has stored.
  actionPlan: z.array(z.object(actionPlanItemSchema.shape)),
  balanceAccounts: z.array(balanceAccountSchema),
  lights: unitLightsSchema,
  overall: colourSchema,
  history: z.array(z.object({ period: periodSchema, lights: unitLightsSchema })),
  ruleSet: ruleSetSchema,
})
