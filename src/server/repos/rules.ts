// Rule sets, closed years, recorded lights, imported values and the latest imported month: what the
// indicators are judged by, per municipality.
import type { ImportedValue } from '../../core/lights'
import type { IndicatorKey, Light, Period, RuleSet, Thresholds, UnitType } from '../../core/types'
import type { Db } from '../db/db'

export async function ruleSetsOf(db: Db, municipalityId: string): Promise<RuleSet[]> {
  const rows = await db.query<{ id: string; municipality_id: string; unit_type: UnitType | null; effective_from: string; thresholds: Thresholds }>(
    `select id, municipality_id, unit_type, effective_from, thresholds from rule_set
      where municipality_id = $1 order by effective_from, created_at, id`,
    [municipalityId],
  )
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipality_id,
    unitType: r.unit_type,
    effectiveFrom: r.effective_from,
    thresholds: r.thresholds,
  }))
}

export async function closedYearsOf(db: Db, municipalityId: string): Promise<number[]> {
  const rows = await db.query<{ year: number }>('select year from year_close where municipality_id = $1 order by year', [municipalityId])
  return rows.map((r) => Number(r.year))
}

export async function recordedLightsOf(db: Db, unitIds: string[]): Promise<Map<string, Light[]>> {
  const rows = await db.query<{ unit_id: string; light: Light }>(
    'select unit_id, light from recorded_light where unit_id = any($1) order by unit_id, year, month, indicator',
    [unitIds],
  )
  const map = new Map<string, Light[]>()
  for (const r of rows) map.set(r.unit_id, [...(map.get(r.unit_id) ?? []), { ...r.light, source: 'recorded' }])
  return map
}

/** The indicator values imported ready-made for the units (imported_indicator_value), by unit. */
export async function importedValuesOf(db: Db, unitIds: string[]): Promise<Map<string, ImportedValue[]>> {
  const rows = await db.query<{ unit_id: string; year: number; month: number; indicator: IndicatorKey; value: string | number }>(
    'select unit_id, year, month, indicator, value from imported_indicator_value where unit_id = any($1)',
    [unitIds],
  )
  const map = new Map<string, ImportedValue[]>()
  for (const r of rows) {
    const value = { indicator: r.indicator, period: { year: Number(r.year), month: Number(r.month) }, value: Number(r.value) }
    map.set(r.unit_id, [...(map.get(r.unit_id) ?? []), value])
  }
  return map
}

/** The latest month with figures for any unit of the municipality: the period everyone is judged at. */
export async function latestPeriodOf(db: Db, municipalityId: string): Promise<Period | null> {
  const rows = await db.query<{ year: number; month: number }>(
    `select f.year, f.month from monthly_figure f
       join unit u on u.id = f.unit_id join area a on a.id = u.area_id
      where a.municipality_id = $1 order by f.year desc, f.month desc limit 1`,
    [municipalityId],
  )
  const row = rows[0]
  return row ? { year: Number(row.year), month: Number(row.month) } : null
}
