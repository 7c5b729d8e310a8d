// How a synced kind (src/core/sync/kinds.ts) maps onto its SQL table: table and column names,
// casts, and the one expression that reads a record as JSON (camelCase, timestamps as JavaScript
// writes them). The pull function (pullSql.ts) is generated from the same mapping, so push answers
// and pull pages carry identical values — the server's stamps (who changed it last, when, who
// made it) too. Nothing here is written per kind: a new kind needs only its declaration.
import type { FieldKind } from '../../core/sync/fieldKinds'
import type { SyncKind } from '../../core/sync/kind'

const CASTS: Record<FieldKind, string> = {
  text: 'text',
  int: 'int',
  amount: 'numeric',
  date: 'date',
  timestamp: 'timestamptz',
  bool: 'boolean',
  json: 'jsonb',
}

export interface SqlColumn {
  field: string
  column: string
  kind: FieldKind
  cast: string
}

export interface SqlTable {
  kind: SyncKind
  name: string
  /** The column of the record's scope id (unit_id, area_id, municipality_id). */
  scopeColumn: string
  columns: SqlColumn[]
  /** jsonb of the record's fields (no id/scope). */
  valuesExpr: string
  /** jsonb of the server's stamps { updatedBy, updatedByName, updatedAt, createdBy, createdByName }. */
  stampExpr: string
  /** jsonb of the whole synced record { id, <scope>, ...fields, ...stamps }. */
  recordExpr: string
}

/** Bookkeeping columns every synced table has beside its fields (checked at start, see checkTables). */
export const BOOKKEEPING_COLUMNS = [
  'id',
  'version',
  'field_versions',
  'field_writers',
  'field_seqs',
  'seq',
  'deleted',
  'created_by',
  'updated_by',
  'updated_at',
] as const

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export const utcIso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

// to_char keeps the milliseconds and the Z of Date.prototype.toISOString, so equal moments compare equal.
export function readColumn(c: SqlColumn, alias = ''): string {
  return c.kind === 'timestamp' ? utcIso(`${alias}${c.column}`) : `${alias}${c.column}`
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

const tableCache = new WeakMap<SyncKind, SqlTable>()

export function sqlTable(kind: SyncKind): SqlTable {
  const cached = tableCache.get(kind)
  if (cached) return cached
  const columns = Object.entries(kind.fields).map(([field, fieldKind]) => ({ field, column: snake(field), kind: fieldKind, cast: CASTS[fieldKind] }))
  const pairs = columns.map((c) => `'${c.field}', ${readColumn(c)}`).join(', ')
  const scopeColumn = snake(kind.scopeField)
  const table: SqlTable = {
    kind,
    name: snake(kind.name),
    scopeColumn,
    columns,
    valuesExpr: `jsonb_build_object(${pairs})`,
    stampExpr: `jsonb_build_object(${STAMP_PAIRS})`,
    recordExpr: `jsonb_build_object('id', id, '${kind.scopeField}', ${scopeColumn}, ${pairs}, ${STAMP_PAIRS})`,
  }
  tableCache.set(kind, table)
  return table
}

/** A value as a query parameter: JSON columns take text (node-postgres would send arrays as SQL arrays). */
export function sqlParam(kind: FieldKind, value: unknown): unknown {
  if (value === undefined || value === null) return null
  return kind === 'json' ? JSON.stringify(value) : value
}
