// The plan of a file of indicator values: its lines checked (a cost centre the app knows, no month
// after this one, core's checks) and compared with the stored values. The file speaks for the
// units' months it names: a value of such a unit and month that the file no longer lists is
// removed — that indicator is then computed from the figures again — and nothing else is touched,
// so importing the previous file puts things back. Written in bulk with an audit row each.
import { periodKey } from '../../core/dates'
import { indicatorValueLines, valueScope, type IndicatorValueLine } from '../../core/import/indicatorValues'
import { rowsUpToThisMonth } from '../../core/import/thisMonth'
import { INDICATORS, type IndicatorKey, type IsoDate, type Period } from '../../core/types'
import type { Db } from '../db/db'
import { readKnown } from './importUnits'
import { auditOf, compareInScopes, planOfChanges, writeChanges, type RecordChange, type ScopedRecords } from './changes'
import type { ImportPlan } from './run'
import type { Source } from './source'

interface StoredValue {
  unitId: string
  period: Period
  indicator: IndicatorKey
  value: number
}

type ValueChange = RecordChange<StoredValue>

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

const VALUES: ScopedRecords<IndicatorValueLine, StoredValue> = {
  key: keyOf,
  scope: (v) => valueScope(v.unitId, v.period),
  build: (line, unitId) => ({ unitId, period: line.period, indicator: line.indicator, value: Math.round(line.value * 1e6) / 1e6 }),
  same: (a, b) => sameValue(a.value, b.value),
}

const order = (indicator: unknown) => INDICATORS.indexOf(indicator as IndicatorKey)
const asRow = (v: StoredValue) => ({ unit_id: v.unitId, year: v.period.year, month: v.period.month, indicator: v.indicator, value: v.value })

function writeValues(tx: Db, changes: readonly ValueChange[], personId: string, importId: string): Promise<void> {
  const rows = (values: StoredValue[]) => JSON.stringify(values.map(asRow))
  return writeChanges(
    tx,
    changes,
    {
      remove: async (values) =>
        void (await tx.query(
          `delete from imported_indicator_value v using jsonb_to_recordset($1::jsonb) as x(unit_id text, year int, month int, indicator text)
            where v.unit_id = x.unit_id and v.year = x.year and v.month = x.month and v.indicator = x.indicator`,
          [rows(values)],
        )),
      upsert: async (values) =>
        void (await tx.query(
          `insert into imported_indicator_value (unit_id, year, month, indicator, value, import_id)
           select x.unit_id, x.year, x.month, x.indicator, x.value, $2
             from jsonb_to_recordset($1::jsonb) as x(unit_id text, year int, month int, indicator text, value numeric)
           on conflict (unit_id, year, month, indicator) do update set value = excluded.value, import_id = excluded.import_id`,
          [rows(values), importId],
        )),
      audit: (c) => auditOf('imported_indicator_value', c, `${c.after.unitId}:${periodKey(c.after.period)}:${c.after.indicator}`),
    },
    personId,
    importId,
  )
}

export async function planIndicatorValuesImport(db: Db, source: Source, today: IsoDate): Promise<ImportPlan> {
  const { read, units, ofUnits } = await readKnown(db, 'indicatorValues', source)
  const upToNow = rowsUpToThisMonth(ofUnits.known, today)
  const checked = indicatorValueLines(upToNow.known)
  const unitIds = [...new Set(checked.values.map((v) => units.get(v.costCentre)!.id))]
  const changes = compareInScopes(checked.values, await storedValues(db, unitIds), units, VALUES)
  return planOfChanges({
    read,
    issues: [...ofUnits.issues, ...upToNow.issues, ...checked.issues],
    changes,
    unitOf: (v) => v.unitId,
    row: (c) => ({ label: periodKey(c.after.period), values: { indicator: c.after.indicator, value: c.after.value } }),
    order: (a, b) => a.label.localeCompare(b.label) || order(a.values.indicator) - order(b.values.indicator),
    write: (tx, personId, importId) => writeValues(tx, changes, personId, importId),
  })
}
