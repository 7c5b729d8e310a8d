// The municipality's settings, kept by the economics team: its name and the text that stands for
// its logo on print, the names its committees go by (HNG, BUU), the economics team's contact for
// units without one of their own, how many days after "Dialog afholdt" the minutes lock, and the
// yearly cycle's dates. A change applies from a date and is kept: each version is a new entry, and
// the one in force on a day is the latest that began by then. Checked alike by the form and the
// server: a change may not begin before today (the minutes' lock of past days stays as it was
// judged), nor on a day that already has one. An indicator switched off applies from the version's
// day to every screen, the months before it included (core/indicators/inUse.ts).
import { z } from 'zod'
import { compareIso } from '../dates'
import { boundedText, emailSchema, indicatorKeySchema, isoDateSchema, nonEmptyText } from '../schemaPrimitives'
import { INDICATORS, type IsoDate } from '../types'
import { DEFAULT_YEARLY_CYCLE } from '../yearlyCycle'
import { dottedDate } from './ruleSetChange'

export const MAX_LOCK_DAYS = 90

const CYCLE_IDS = DEFAULT_YEARLY_CYCLE.map((e) => e.id) as [string, ...string[]]
/** Days in each month of a year that is not a leap year: a date every year has. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export const cycleDateSchema = z
  .object({
    id: z.enum(CYCLE_IDS, { error: 'Ukendt begivenhed i årshjulet.' }),
    month: z.number({ error: 'Vælg en måned.' }).int().min(1, { error: 'Vælg en måned.' }).max(12, { error: 'Vælg en måned.' }),
    /** null: the event spans its whole month. */
    day: z.number({ error: 'Dagen skal være et tal.' }).int().min(1, { error: 'Dagen skal være mellem 1 og 31.' }).nullable(),
  })
  .refine((d) => d.day === null || d.day <= DAYS_IN_MONTH[d.month - 1]!, {
    error: 'Den dag findes ikke i den måned hvert år.',
    path: ['day'],
  })

export const municipalitySettingsSchema = z.object({
  name: nonEmptyText('Kommunens navn', 100),
  /** Printed at the top of what the app prints, where the municipality's logo would stand. */
  logoText: nonEmptyText('Logoteksten', 60),
  hngName: nonEmptyText('Navnet på HNG', 100),
  buuName: nonEmptyText('Navnet på BUU', 100),
  economicsContact: z.object({
    name: nonEmptyText('Kontaktens navn', 100),
    email: emailSchema,
    phone: boundedText('Telefonnummeret', 40),
  }),
  lockDays: z
    .number({ error: 'Antal dage skal være et helt tal.' })
    .int({ error: 'Antal dage skal være et helt tal.' })
    .min(1, { error: 'Referatet skal kunne rettes mindst 1 dag.' })
    .max(MAX_LOCK_DAYS, { error: `Højst ${MAX_LOCK_DAYS} dage.` }),
  /**
   * The indicators switched off for the whole municipality; at least one stays in use. Versions
   * made before there was this choice have none off.
   */
  indicatorsOff: z
    .array(indicatorKeySchema)
    .default([])
    .refine((off) => new Set(off).size === off.length, { error: 'Et nøgletal kan kun slås fra én gang.' })
    .refine((off) => INDICATORS.some((key) => !off.includes(key)), { error: 'Mindst ét nøgletal skal være i brug.' }),
  /** Every event of the cycle, once. */
  cycle: z.array(cycleDateSchema).refine((events) => events.length === CYCLE_IDS.length && CYCLE_IDS.every((id) => events.some((e) => e.id === id)), {
    error: 'Årshjulet skal have hver begivenhed én gang.',
  }),
})
export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>

export const settingsInputSchema = z.object({ effectiveFrom: isoDateSchema, settings: municipalitySettingsSchema })
export type SettingsInput = z.infer<typeof settingsInputSchema>

export interface SettingsVersion {
  effectiveFrom: IsoDate
  settings: MunicipalitySettings
}

/** The cycle's default dates (core/yearlyCycle.ts), as settings hold them. */
export const DEFAULT_CYCLE_DATES: MunicipalitySettings['cycle'] = DEFAULT_YEARLY_CYCLE.map((e) => ({ id: e.id, month: e.month, day: e.day ?? null }))

/** The version in force on the day: the latest that began by then; null before the first. */
export function settingsInForce<T extends SettingsVersion>(versions: readonly T[], day: IsoDate): T | null {
  let found: T | null = null
  for (const v of versions) {
    if (compareIso(v.effectiveFrom, day) <= 0 && (!found || compareIso(v.effectiveFrom, found.effectiveFrom) >= 0)) found = v
  }
  return found
}

export interface SettingsIssue {
  field: 'effectiveFrom'
  message: string
}

/** Why a change cannot be made as it stands (beyond its schema): an empty list when it can. */
export function settingsChangeIssues(input: SettingsInput, ctx: { existing: readonly SettingsVersion[]; today: IsoDate }): SettingsIssue[] {
  if (compareIso(input.effectiveFrom, ctx.today) < 0) {
    return [{ field: 'effectiveFrom', message: `En ændring kan tidligst gælde fra i dag (${dottedDate(ctx.today)}).` }]
  }
  if (ctx.existing.some((v) => v.effectiveFrom === input.effectiveFrom)) {
    return [{ field: 'effectiveFrom', message: `Der er allerede en ændring fra ${dottedDate(input.effectiveFrom)}. Vælg en anden dato.` }]
  }
  return []
}

export type SettingsStanding = 'inForce' | 'coming' | 'replaced'

/** Each version's standing on the day: the one in force, those to come, and the replaced ones. */
export function settingsStandings<T extends SettingsVersion & { id: string }>(versions: readonly T[], day: IsoDate): Map<string, SettingsStanding> {
  const inForce = settingsInForce(versions, day)
  return new Map(versions.map((v) => [v.id, v === inForce ? 'inForce' : compareIso(v.effectiveFrom, day) > 0 ? 'coming' : 'replaced']))
}

export type SettingsField = Exclude<keyof MunicipalitySettings, 'economicsContact'> | `economicsContact.${keyof MunicipalitySettings['economicsContact']}`

/** The fields a version changes from the one before it (or from the starting settings). */
export function changedSettings(before: MunicipalitySettings, after: MunicipalitySettings): SettingsField[] {
  const fields: SettingsField[] = []
  for (const key of ['name', 'logoText', 'hngName', 'buuName', 'lockDays'] as const) if (before[key] !== after[key]) fields.push(key)
  for (const key of ['name', 'email', 'phone'] as const)
    if (before.economicsContact[key] !== after.economicsContact[key]) fields.push(`economicsContact.${key}`)
  const off = (s: MunicipalitySettings) => [...s.indicatorsOff].sort().join()
  if (off(before) !== off(after)) fields.push('indicatorsOff')
  const cycle = (s: MunicipalitySettings) => JSON.stringify([...s.cycle].sort((a, b) => a.id.localeCompare(b.id)))
  if (cycle(before) !== cycle(after)) fields.push('cycle')
  return fields
}
