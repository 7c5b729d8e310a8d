// How the synced records of src/core/sync map onto SQL: table and column names, casts, and the
// one expression that reads a record as JSON (camelCase, timestamps as JavaScript writes them), the
// same as the pull functions of migration 002 (a test compares them), so push answers and pull
// pages carry identical values — the server's stamps (who changed it last, when, who made it) too.
import { SYNC_TABLE_SPECS, SYNC_TABLES, type FieldKind, type SyncTable } from '../../core/sync/tables'

const CASTS: Record<FieldKind, string> = {
  text: 'text', int: 'int', amount: 'numeric', date: 'date', timestamp: 'timestamptz', bool: 'boolean', json: 'jsonb',
}

export interface SqlColumn {
  field: string
  column: string
  kind: FieldKind
  cast: string
}

export interface SqlTable {
  name: string
  columns: SqlColumn[]
  /** jsonb of the record's fields (no id/unitId). */
  valuesExpr: string
  /** jsonb of the server's stamps { updatedBy, updatedByName, updatedAt, createdBy, createdByName }. */
  stampExpr: string
  /** jsonb of the whole synced record { id, unitId, ...fields, ...stamps }. */
  recordExpr: string
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

const utcIso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

// to_char keeps the milliseconds and the Z of Date.prototype.toISOString, so equal moments compare equal.
function readColumn(c: SqlColumn): string {
  return c.kind === 'timestamp' ? utcIso(c.column) : c.column
}

// Names by primary key, one row each: cheap, and a person renamed later shows under the new name.
// Plain column names (no table alias), so the expression also works in RETURNING.
const STAMP_PAIRS = [
  `'updatedBy', updated_by`,
  `'updatedByName', (select p.name from person p where p.id = updated_by)`,
  `'updatedAt', ${utcIso('updated_at')}`,
  `'createdBy', created_by`,
  `'createdByName', (select p.name from person p where p.id = created_by)`,
].join(', ')

function build(table: SyncTable): SqlTable {
  const columns = Object.entries(SYNC_TABLE_SPECS[table].fields).map(([field, kind]) => ({ field, column: snake(field), kind, cast: CASTS[kind] }))
  const pairs = columns.map((c) => `'${c.field}', ${readColumn(c)}`).join(', ')
  return {
    name: snake(table),
    columns,
    valuesExpr: `jsonb_build_object(${pairs})`,
    stampExpr: `jsonb_build_object(${STAMP_PAIRS})`,
    recordExpr: `jsonb_build_object('id', id, 'unitId', unit_id, ${pairs}, ${STAMP_PAIRS})`,
  }
}

export const SQL_TABLES: Readonly<Record<SyncTable, SqlTable>> = Object.fromEntries(SYNC_TABLES.map((t) => [t, build(t)])) as Record<SyncTable, SqlTable>

/** A value as a query parameter: JSON columns take text (node-postgres would send arrays as SQL arrays). */
export function sqlParam(kind: FieldKind, value: unknown): unknown {
  if (value === undefined || value === null) return null
  return kind === 'json' ? JSON.stringify(value) : value
}
