// Sign-in and "who am I": the shapes of /api/auth/login, /api/me and /api/session.
import { z } from 'zod'
import { idSchema, indicatorKeySchema, isoDateSchema, roleSchema } from '../schemaPrimitives'

/** A person as the API shows them. Read back from the database, so not re-judged as input. */
export const personViewSchema = z.object({ id: idSchema, name: z.string(), email: z.string() })

export const meSchema = z.object({
  person: personViewSchema,
  roles: z.array(z.object({ role: roleSchema, unitId: idSchema.optional(), areaId: idSchema.optional() })),
  units: z.array(z.object({ id: idSchema, name: z.string(), areaId: idSchema })),
  /**
   * The areas in scope, with their municipality: what the device needs to ask the access policy
   * (core/principal.ts principalOf). Optional only for a person cached by a build before it.
   */
  areas: z.array(z.object({ id: idSchema, name: z.string(), municipalityId: idSchema.optional() })),
  /**
   * The municipality the app serves, by the name and logo text its settings give today (the logo
   * text heads what is printed), and the indicators switched off today (core/indicators/inUse.ts);
   * optional for a person cached by an older build.
   */
  municipality: z
    .object({ id: idSchema, name: z.string(), logoText: z.string().optional(), indicatorsOff: z.array(indicatorKeySchema).optional() })
    .nullable()
    .optional(),
})

export const loginResponseSchema = z.object({ person: personViewSchema })

/** The server's settings that the device's rules need to judge as the server does. */
export const serverSettingsSchema = z.object({
  /** Days after "Dialog afholdt" that a dialogue locks (DIALOGUE_LOCK_DAYS; core/history/dialogueLock.ts). */
  dialogueLockDays: z.number().int().min(0),
})

/**
 * `me` is null when nobody is signed in: the app asks on every start, and that is no error.
 * `today` is the server's date for the rules, which the device judges by too (a server started on a
 * chosen date, or a device whose clock is a day off, still agree on which month it is); `settings`
 * what else those rules take from the server.
 */
export const sessionResponseSchema = z.object({ me: meSchema.nullable(), today: isoDateSchema, settings: serverSettingsSchema })
