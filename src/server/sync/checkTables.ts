// At start: every declared synced kind must find its table with the columns its declaration needs
// (its fields, its scope id and the sync bookkeeping). A kind declared without its migration, or a
// field added to a schema but not to the table, fails here with a clear message — not on the first
// push that touches it.
import type { SyncKind } from '../../core/sync/kind'
import type { Db } from '../db/db'
import { BOOKKEEPING_COLUMNS, sqlTable } from './tables'

export async function checkSyncTables(db: Db, kinds: readonly SyncKind[]): Promise<void> {
  const names = kinds.map((k) => sqlTable(k).name)
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns where table_schema = current_schema() and table_name = any($1)`,
    [names],
  )
  const problems: string[] = []
  for (const kind of kinds) {
    const t = sqlTable(kind)
    const have = new Set(rows.filter((r) => r.table_name === t.name).map((r) => r.column_name))
    if (have.size === 0) {
      problems.push(`synced kind '${kind.name}': table ${t.name} does not exist (add its migration)`)
      continue
    }
    const missing = [...BOOKKEEPING_COLUMNS, t.scopeColumn, ...t.columns.map((c) => c.column)].filter((c) => !have.has(c))
    if (missing.length > 0) problems.push(`synced kind '${kind.name}': table ${t.name} lacks column(s) ${missing.join(', ')}`)
  }
  if (problems.length > 0) throw new Error(`The database does not match the synced kinds:\n  ${problems.join('\n  ')}`)
}
