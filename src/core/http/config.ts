// The municipality's configuration, for the economics team. GET /api/config/settings lists the
// versions of its settings (names, contact, lock days, the yearly cycle's dates) and the one in
// force; POST makes a new version from a date. GET /api/config/rule-sets lists every
// rule set (måltal and intervals) with who made it and when — the history, as a set is never changed
// or removed, only followed by a newer one — and POST /api/config/rule-sets makes one. A refused set
// answers 422 with the fields and why, in the error body's details (core/http/errors.ts).
import { z } from 'zod'
import { municipalitySettingsSchema } from '../config/settings'
import { ruleSetSchema } from '../lightSchemas'
import { isoDateSchema, timestampSchema } from '../schemaPrimitives'

export const ruleSetEntrySchema = ruleSetSchema.extend({
  createdAt: timestampSchema,
  /** null for the sets the municipality started with (the demo's, or a migration's). */
  createdByName: z.string().nullable(),
})

export const ruleSetListSchema = z.object({
  /** Oldest first, as they took effect. */
  ruleSets: z.array(ruleSetEntrySchema),
  /** The years whose lights are recorded: a new set cannot begin inside one. */
  closedYears: z.array(z.number().int()),
  /** The server's day, so the screen says which sets are in force and which are to come. */
  today: isoDateSchema,
})

export type RuleSetEntry = z.infer<typeof ruleSetEntrySchema>
export type RuleSetList = z.infer<typeof ruleSetListSchema>

/** A version of the municipality's settings, with who made it and when. */
export const settingsEntrySchema = z.object({
  id: z.string(),
  effectiveFrom: isoDateSchema,
  settings: municipalitySettingsSchema,
  createdAt: timestampSchema,
  createdByName: z.string().nullable(),
})

export const settingsListSchema = z.object({
  /** Oldest first, as they took effect. */
  versions: z.array(settingsEntrySchema),
  /** What stands today: the version in force, or the municipality's starting settings before the first. */
  inForce: municipalitySettingsSchema,
  /** What stood before the first version: the municipality's own row, the installation's lock days. */
  starting: municipalitySettingsSchema,
  today: isoDateSchema,
})

export type SettingsEntry = z.infer<typeof settingsEntrySchema>
export type SettingsList = z.infer<typeof settingsListSchema>
