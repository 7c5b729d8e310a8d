// The municipality's settings (core/config/settings.ts): listed with who made each version, a new
// version made from a date, and the version in force on a day. Before the economics team has made
// any, the municipality's own row and config stand (the demo's names, contact and lock days, or
// the installation's DIALOGUE_LOCK_DAYS), with the yearly cycle's default dates.
import { randomUUID } from 'node:crypto'
import {
  DEFAULT_CYCLE_DATES,
  municipalitySettingsSchema,
  settingsChangeIssues,
  settingsInForce,
  type MunicipalitySettings,
  type SettingsInput,
  type SettingsIssue,
} from '../../core/config/settings'
import type { SettingsEntry } from '../../core/http/config'
import type { IndicatorKey, IsoDate } from '../../core/types'
import type { Db } from '../db/db'
import { theMunicipality } from '../repos/municipality'
import { lockForSyncWrite } from '../sync/lock'
import { utcIso } from '../sync/tables'

const DEFAULT_CONTACT = { name: 'Økonomiteamet', email: 'oekonomi@kommune.dk', phone: '' }

/** The seed's or a migration's municipality config, as far as settings read it. */
interface StartingConfig {
  displayNames?: { hng?: string; buu?: string }
  economicsContact?: Partial<MunicipalitySettings['economicsContact']>
}

export async function listSettings(db: Db, municipalityId: string): Promise<SettingsEntry[]> {
  const rows = await db.query<{ id: string; effective_from: string; settings: MunicipalitySettings; created_at: string; created_by_name: string | null }>(
    `select s.id, s.effective_from, s.settings, ${utcIso('s.created_at')} as created_at, p.name as created_by_name
       from municipality_settings s left join person p on p.id = s.created_by
      where s.municipality_id = $1 order by s.effective_from`,
    [municipalityId],
  )
  // Parsed, so that a version stored before a field was added reads with the field's default.
  return rows.map((r) => ({
    id: r.id,
    effectiveFrom: r.effective_from,
    settings: municipalitySettingsSchema.parse(r.settings),
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  }))
}

/**
 * What stands before the first version: the municipality's row and config (its name, the names of
 * its committees, its economics contact), the installation's lock days (DIALOGUE_LOCK_DAYS) and
 * the cycle's default dates.
 */
export async function startingSettings(db: Db, municipalityId: string, lockDays: number): Promise<MunicipalitySettings> {
  const [row] = await db.query<{ name: string; config: StartingConfig }>('select name, config from municipality where id = $1', [municipalityId])
  const name = row?.name ?? 'Kommunen'
  const config = row?.config ?? {}
  const contact = { ...DEFAULT_CONTACT, ...config.economicsContact }
  const starting = {
    name,
    logoText: name,
    hngName: config.displayNames?.hng ?? 'HNG',
    buuName: config.displayNames?.buu ?? 'Børne- og Ungdomsudvalget',
    economicsContact: contact,
    lockDays,
    cycle: DEFAULT_CYCLE_DATES,
    indicatorsOff: [],
  }
  // A config contact that would not pass as settings (no e-mail, say) gives way to the default one.
  const checked = municipalitySettingsSchema.safeParse(starting)
  return checked.success ? checked.data : municipalitySettingsSchema.parse({ ...starting, economicsContact: DEFAULT_CONTACT })
}

/** The settings in force on the day. */
export async function settingsOn(db: Db, municipalityId: string, day: IsoDate, lockDays: number): Promise<MunicipalitySettings> {
  const found = settingsInForce(await listSettings(db, municipalityId), day)
  return found?.settings ?? startingSettings(db, municipalityId, lockDays)
}

/** The indicators switched off on the day (none before the first version). */
export async function indicatorsOffOn(db: Db, municipalityId: string, day: IsoDate): Promise<IndicatorKey[]> {
  return settingsInForce(await listSettings(db, municipalityId), day)?.settings.indicatorsOff ?? []
}

export type SettingsOutcome = { ok: true; entry: SettingsEntry } | { ok: false; issues: SettingsIssue[] }

export function createSettings(db: Db, w: { municipalityId: string; personId: string; today: IsoDate; input: SettingsInput }): Promise<SettingsOutcome> {
  return db.transaction(async (tx): Promise<SettingsOutcome> => {
    // One writer at a time, so two changes from the same day cannot both pass the check.
    await lockForSyncWrite(tx)
    const issues = settingsChangeIssues(w.input, { existing: await listSettings(tx, w.municipalityId), today: w.today })
    if (issues.length > 0) return { ok: false, issues }
    const id = `settings-${randomUUID()}`
    await tx.query(`insert into municipality_settings (id, municipality_id, effective_from, settings, created_by) values ($1, $2, $3, $4::jsonb, $5)`, [
      id,
      w.municipalityId,
      w.input.effectiveFrom,
      JSON.stringify(w.input.settings),
      w.personId,
    ])
    await tx.query(
      `insert into audit_log (person_id, action, table_name, record_id, old_value, new_value, device_id, mutation_id)
       values ($1, 'config.create', 'municipality_settings', $2, null, $3::jsonb, 'config', $2)`,
      [w.personId, id, JSON.stringify(w.input)],
    )
    const made = (await listSettings(tx, w.municipalityId)).find((s) => s.id === id)
    if (!made) throw new Error(`settings ${id} were written but are not there`)
    return { ok: true, entry: made }
  })
}

/** The minutes' lock days in force today, as the routes ask for them (AppContext.lockDays). */
export function lockDaysOf(db: Db, today: () => IsoDate, installationDefault: number): () => Promise<number> {
  return async () => {
    const municipality = await theMunicipality(db)
    return municipality ? (await settingsOn(db, municipality.id, today(), installationDefault)).lockDays : installationDefault
  }
}
