// The plan of a file of indicator values: its lines checked (a cost centre the app knows, no month
// after this one, core's checks) and compared with the stored values. The file speaks for the
// units' months it names: a value of such a unit and month that the file no longer lists is
// removed — that indicator is then computed from the figures again — and nothing else is touched,
// so importing the previous file puts things back. Written in bulk with an audit row each.
import { periodKey } from '../../core/dates'
import { indicatorValueLines, valueScope, type IndicatorValueLine } from '../../core/import/indicatorValues'
import { readRows } from '../../core/import/rows'
import { rowsUpToThisMonth } from '../../core/import/thisMonth'
import { INDICATORS, type IndicatorKey, type IsoDate, type Period } from '../../core/types'
import type { Db } from '../db/db'
import { rowsOfKnownUnits, unitsByCostCentre, type KnownUnit } from './importUnits'
import type { ImportPlan } from './run'
import type { Source } from './source'

type Change = 'new' | 'changed' | 'unchanged' | 'removed'

interface StoredValue {
  unitId: string
  period: Period
  indicator: IndicatorKey
  value: number
}

interface ValueChange {
  change: Change
  before: StoredValue | null
  /** As it will be; for a removed value, as it was. */
  after: StoredValue
  unit: KnownUnit & { costCentre: string }
}

const keyOf = (v: { unitId: string; period: Period; indicator: IndicatorKey }) => `${valueScope(v.unitId, v.period)}|${v.indicator}`
// Stored as numeric(12, 6): compared at that precision, so a file read again is no change.
const sameValue = (a: number, b: number) => Math.round(a * 1e6) === Math.round(b * 1e6)

async function storedValues(db: Db, unitIds: string[]): Promise<StoredValue[]> {
  const rows = await db.query<{ unit_id: string; year: number; month: number; indicator: IndicatorKey; value: string | number }>(
    'select unit_id, year, month, indicator, value from imported_indicator_value where unit_id = any($1)',
    [unitIds],
  )
  return rows.map((r) => ({ unitId: r.unit_id, period: { year: Number(r.year), month: Number(r.month) }, indicator: r.indicator, value: Number(r.value) }))
}

function compare(lines: readonly IndicatorValueLine[], stored: readonly StoredValue[], units: ReadonlyMap<string, KnownUnit>): ValueChange[] {
  const byKey = new Map(stored.map((v) => [keyOf(v), v]))
  const unitById = new Map([...units].map(([costCentre, u]) => [u.id, { ...u, costCentre }]))
  const listed = new Set<string>()
  const scopes = new Set<string>()
  const changes: ValueChange[] = lines.map((line) => {
    const unit = { ...units.get(line.costCentre)!, costCentre: line.costCentre }
    const after: StoredValue = { unitId: unit.id, period: line.period, indicator: line.indicator, value: Math.round(line.value * 1e6) / 1e6 }
    const before = byKey.get(keyOf(after)) ?? null
    listed.add(keyOf(after))
    scopes.add(valueScope(unit.id, line.period))
    return { change: before === null ? 'new' : sameValue(before.value, after.value) ? 'unchanged' : 'changed', before, after, unit }
  })
  for (const value of stored) {
    if (listed.has(keyOf(value)) || !scopes.has(valueScope(value.unitId, value.period))) continue
    changes.push({ change: 'removed', before: value, after: value, unit: unitById.get(value.unitId)! })
  }
  return changes
}

const order = (indicator: unknown) => INDICATORS.indexOf(indicator as IndicatorKey)
const asRow = (v: StoredValue) => ({ unit_id: v.unitId, year: v.period.year, month: v.period.month, indicator: v.indicator, value: v.value })

async function writeValues(tx: Db, changes: readonly ValueChange[], personId: string, importId: string): Promise<void> {
  const written = changes.filter((c) => c.change !== 'unchanged')
  if (written.length === 0) return
  const removed = written.filter((c) => c.change === 'removed').map((c) => asRow(c.after))
  if (removed.length > 0) {
    await tx.query(
      `delete from imported_indicator_value v using jsonb_to_recordset($1::jsonb) as x(unit_id text, year int, month int, indicator text)
        where v.unit_id = x.unit_id and v.year = x.year and v.month = x.month and v.indicator = x.indicator`,
      [JSON.stringify(removed)],
    )
  }
  const upserted = written.filter((c) => c.change !== 'removed').map((c) => asRow(c.after))
  if (upserted.length > 0) {
    await tx.query(
      `insert into imported_indicator_value (unit_id, year, month, indicator, value, import_id)
       select x.unit_id, x.year, x.month, x.indicator, x.value, $2
         from jsonb_to_recordset($1::jsonb) as x(unit_id text, year int, month int, indicator text, value numeric)
       on conflict (unit_id, year, month, indicator) do update set value = excluded.value, import_id = excluded.import_id`,
      [JSON.stringify(upserted), importId],
    )
  }
  const action: Record<Exclude<Change, 'unchanged'>, string> = { new: 'import.create', changed: 'import.update', removed: 'import.delete' }
  const audit = written.map((c) => ({
    action: action[c.change as Exclude<Change, 'unchanged'>],
    record_id: `${c.after.unitId}:${periodKey(c.after.period)}:${c.after.indicator}`,
    old_value: c.before,
    new_value: c.change === 'removed' ? null : c.after,
  }))
  await tx.query(
    `insert into audit_log (person_id, action, table_name, record_id, old_value, new_value, device_id, mutation_id)
     select $1, x.action, 'imported_indicator_value', x.record_id, x.old_value, x.new_value, 'import', $3
       from jsonb_to_recordset($2::jsonb) as x(action text, record_id text, old_value jsonb, new_value jsonb)`,
    [personId, JSON.stringify(audit), importId],
  )
}

export async function planIndicatorValuesImport(db: Db, source: Source, today: IsoDate): Promise<ImportPlan> {
  const read = readRows('indicatorValues', source.table, source.mapping, source.scale)
  const units = await unitsByCostCentre(db)
  const ofUnits = rowsOfKnownUnits(read.rows, units)
  const upToNow = rowsUpToThisMonth(ofUnits.known, today)
  const checked = indicatorValueLines(upToNow.known)
  const unitIds = [...new Set(checked.values.map((v) => units.get(v.costCentre)!.id))]
  const changes = compare(checked.values, await storedValues(db, unitIds), units)
  const count = (c: Change) => changes.filter((x) => x.change === c).length
  return {
    rows: changes
      .map((c) => ({
        unitName: c.unit.name,
        costCentre: c.unit.costCentre,
        label: periodKey(c.after.period),
        values: { indicator: c.after.indicator, value: c.after.value },
        sourceLines: c.change === 'removed' ? 0 : 1,
        change: c.change,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'da') || a.label.localeCompare(b.label) || order(a.values.indicator) - order(b.values.indicator)),
    counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), removed: count('removed') },
    lines: read.lines,
    leftOut: 0,
    issues: [...read.issues, ...ofUnits.issues, ...upToNow.issues, ...checked.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    changedUnits: new Set(changes.filter((c) => c.change !== 'unchanged').map((c) => c.after.unitId)),
    write: (tx, personId, importId) => writeValues(tx, changes, personId, importId),
  }
}
