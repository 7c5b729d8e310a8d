// Response and request schemas of the HTTP API. They validate input, shape output, and are the
// source of /api/openapi.json. Records reuse src/core's schemas (one truth for a record's shape);
// the action plan has its own output shape because core's refinements are for input.
import { z } from 'zod'
import { balanceAccountSchema, forecastEntrySchema, lightSchema, monthlyFigureSchema, ruleSetSchema } from '../../core/schemas'
import { COLOURS } from '../../core/types'

export const ErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const Colour = z.enum(COLOURS)
const UnitType = z.enum(['school', 'daycare'])
const RoleName = z.enum(['leader', 'area_chief', 'directorate', 'economics'])
export const PeriodSchema = z.object({ year: z.number().int(), month: z.number().int().min(1).max(12) })
const num = z.number()
export const LightSchema = lightSchema

export const UnitLightsSchema = z.object({
  budget: LightSchema,
  actionPlan: LightSchema,
  forecast: LightSchema,
  balance: LightSchema,
})

export const PersonSchema = z.object({ id: z.string(), name: z.string(), email: z.string() })

export const MeSchema = z.object({
  person: PersonSchema,
  roles: z.array(z.object({ role: RoleName, unitId: z.string().optional(), areaId: z.string().optional() })),
  units: z.array(z.object({ id: z.string(), name: z.string(), areaId: z.string() })),
  areas: z.array(z.object({ id: z.string(), name: z.string() })),
})

export const LoginBodySchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
})

export const UnitSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  unitType: UnitType,
  areaId: z.string(),
  areaName: z.string(),
  overall: Colour,
  lights: UnitLightsSchema,
  overrun: num,
})

export const UnitListSchema = z.object({ asOf: IsoDateSchema.nullable(), units: z.array(UnitSummarySchema) })

export const UnitDetailSchema = z.object({
  unit: z.object({
    id: z.string(), name: z.string(), unitType: UnitType, areaId: z.string(), areaName: z.string(),
    costCentre: z.string(), ean: z.string(),
    economicsContact: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  }),
  asOf: IsoDateSchema.nullable(),
  period: PeriodSchema.nullable(),
  figures: z.array(monthlyFigureSchema),
  forecasts: z.array(forecastEntrySchema),
  actionPlan: z.array(z.object({
    id: z.string(), unitId: z.string(), year: num, title: z.string(), dueDate: IsoDateSchema,
    status: z.enum(['planned', 'in_progress', 'done', 'dropped']), doneOn: IsoDateSchema.nullable(), dropReason: z.string().nullable(),
  })),
  balanceAccounts: z.array(balanceAccountSchema),
  lights: UnitLightsSchema,
  overall: Colour,
  history: z.array(z.object({ period: PeriodSchema, lights: UnitLightsSchema })),
  ruleSet: ruleSetSchema,
})

export const DemoAccountsSchema = z.array(z.object({
  email: z.string(), name: z.string(), role: RoleName,
  unitId: z.string().optional(), unitName: z.string().optional(),
  areaId: z.string().optional(), areaName: z.string().optional(),
}))
