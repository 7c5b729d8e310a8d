// Liveness (/api/health) and the demo accounts (/api/demo/accounts, demo mode only).
import { z } from 'zod'
import { idSchema, roleSchema } from '../schemaPrimitives'

export const healthSchema = z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']) })

export const demoAccountsSchema = z.array(
  z.object({
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    unitId: idSchema.optional(),
    unitName: z.string().optional(),
    areaId: idSchema.optional(),
    areaName: z.string().optional(),
  }),
)
