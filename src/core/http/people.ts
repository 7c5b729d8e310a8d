// People and roles, for the economics team (core/config/people.ts has the rules): GET
// /api/config/people lists everyone with their roles and the units and areas a role may be held
// towards; POST makes a person, PUT /{personId} changes one (the roles replaced whole); POST
// /{personId}/deactivate ends their sessions at once and keeps them out, /reactivate lets them in
// again; POST /{personId}/reset-link makes a one-time link to choose a password, for the team to
// pass on. The link's token is used at POST /api/auth/reset-password, which needs no session.
import { z } from 'zod'
import { newPasswordSchema } from '../config/people'
import { idSchema, roleSchema, timestampSchema } from '../schemaPrimitives'

export const personEntrySchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  /** Whether the person has chosen a password (people an import made have none until a reset link). */
  hasPassword: z.boolean(),
  roles: z.array(z.object({ role: roleSchema, unitId: idSchema.nullable(), areaId: idSchema.nullable() })),
})

export const peopleListSchema = z.object({
  people: z.array(personEntrySchema),
  units: z.array(z.object({ id: idSchema, name: z.string(), areaId: idSchema })),
  areas: z.array(z.object({ id: idSchema, name: z.string() })),
})

export const resetLinkSchema = z.object({
  /** The app's address of the link, without the origin: "/logind#nulstil=…" (a fragment never reaches a server's log). */
  path: z.string(),
  expiresAt: timestampSchema,
})

export const resetPasswordBodySchema = z.object({
  token: z.string({ error: 'Linket er ufuldstændigt.' }).min(20, { error: 'Linket er ufuldstændigt.' }).max(200, { error: 'Linket er ugyldigt.' }),
  password: newPasswordSchema,
})

export type PersonEntry = z.infer<typeof personEntrySchema>
export type PeopleList = z.infer<typeof peopleListSchema>
export type ResetLink = z.infer<typeof resetLinkSchema>
