// What every kind of file does alike once its lines are compared with what is stored: each record
// new, changed, unchanged or removed, shown as the preview's rows and counts, and written with an
// audit row each (old and new value) in one statement, however many there are.
import type { ImportPreview } from '../../core/http/imports'
import type { ImportIssue } from '../../core/import/rows'
import type { Db } from '../db/db'
import type { KnownUnit } from './importUnits'
import type { ImportPlan } from './run'

export type Change = 'new' | 'changed' | 'unchanged' | 'removed'
export type Written = Exclude<Change, 'unchanged'>

export interface RecordChange<T> {
  change: Change
  before: T | null
  /** As it will be; for a removed record, as it was. */
  after: T
  unit: KnownUnit & { costCentre: string }
  sourceLines: number
}

/** The audit log's action of an import's write. */
export const IMPORT_ACTION: Readonly<Record<Written, string>> = { new: 'import.create', changed: 'import.update', removed: 'import.delete' }

export interface AuditRow {
  action: string
  table: string
  recordId: string
  oldValue: unknown
  newValue: unknown
}

/** The audit rows of an import's writes, in the import's name and transaction. */
export async function auditImport(tx: Db, rows: readonly AuditRow[], personId: string, importId: string): Promise<void> {
  if (rows.length === 0) return
  const json = rows.map((r) => ({ action: r.action, table_name: r.table, record_id: r.recordId, old_value: r.oldValue, new_value: r.newValue }))
  await tx.query(
    `insert into audit_log (person_id, action, table_name, record_id, old_value, new_value, device_id, mutation_id)
     select $1, x.action, x.table_name, x.record_id, x.old_value, x.new_value, 'import', $3
       from jsonb_to_recordset($2::jsonb) as x(action text, table_name text, record_id text, old_value jsonb, new_value jsonb)`,
    [personId, JSON.stringify(json), importId],
  )
}

/** The audit row of one change of a record (a removed record's new value is none). */
export function auditOf<T>(table: string, c: RecordChange<T>, recordId: string): AuditRow {
  return { action: IMPORT_ACTION[c.change as Written], table, recordId, oldValue: c.before, newValue: c.change === 'removed' ? null : c.after }
}

export interface ChangeWriter<T> {
  /** Removes these stored records. */
  remove: (records: T[]) => Promise<void>
  /** Writes these records, new or changed. */
  upsert: (records: T[]) => Promise<void>
  audit: (c: RecordChange<T>) => AuditRow
}

/** The changes written: the removed records, then the new and changed ones, then an audit row each. */
export async function writeChanges<T>(tx: Db, changes: readonly RecordChange<T>[], w: ChangeWriter<T>, personId: string, importId: string): Promise<void> {
  const written = changes.filter((c) => c.change !== 'unchanged')
  const removed = written.filter((c) => c.change === 'removed').map((c) => c.after)
  const upserted = written.filter((c) => c.change !== 'removed').map((c) => c.after)
  if (removed.length > 0) await w.remove(removed)
  if (upserted.length > 0) await w.upsert(upserted)
  await auditImport(tx, written.map(w.audit), personId, importId)
}

export interface ScopedRecords<L, T> {
  /** What makes a record the same one from file to file (its natural key). */
  key: (record: T) => string
  /** What a file speaks for (a unit's year, a unit's month): a record of a scope it names but no longer lists is removed. */
  scope: (record: T) => string
  /** The record a line makes: its stored one's id, if it has one. */
  build: (line: L, unitId: string, before: T | null) => T
  same: (a: T, b: T) => boolean
}

/** A file's lines against the stored records of the scopes it names: new, changed, unchanged, and removed. */
export function compareInScopes<L extends { costCentre: string }, T extends { unitId: string }>(
  lines: readonly L[],
  stored: readonly T[],
  units: ReadonlyMap<string, KnownUnit>,
  how: ScopedRecords<L, T>,
): RecordChange<T>[] {
  const unitById = new Map([...units].map(([costCentre, u]) => [u.id, { ...u, costCentre }]))
  const byKey = new Map(stored.map((r) => [how.key(r), r]))
  const listed = new Set<string>()
  const scopes = new Set<string>()
  const changes = lines.map((line): RecordChange<T> => {
    const unit = { ...units.get(line.costCentre)!, costCentre: line.costCentre }
    const probe = how.build(line, unit.id, null)
    const before = byKey.get(how.key(probe)) ?? null
    const after = before ? how.build(line, unit.id, before) : probe
    listed.add(how.key(after))
    scopes.add(how.scope(after))
    return { change: before === null ? 'new' : how.same(before, after) ? 'unchanged' : 'changed', before, after, unit, sourceLines: 1 }
  })
  for (const record of stored) {
    if (listed.has(how.key(record)) || !scopes.has(how.scope(record))) continue
    changes.push({ change: 'removed', before: record, after: record, unit: unitById.get(record.unitId)!, sourceLines: 0 })
  }
  return changes
}

type PreviewRow = ImportPreview['rows'][number]

export interface ChangesPlan<T> {
  read: { lines: number; issues: ImportIssue[] }
  /** Every issue found after reading, from whichever check. */
  issues: ImportIssue[]
  changes: RecordChange<T>[]
  unitOf: (record: T) => string
  /** A change's row beyond its unit: its own key and the values it writes. */
  row: (c: RecordChange<T>) => Pick<PreviewRow, 'label' | 'values'>
  /** The rows' order within a unit. */
  order: (a: PreviewRow, b: PreviewRow) => number
  write: ImportPlan['write']
}

/** The plan of a file whose lines were compared with the stored records one for one. */
export function planOfChanges<T>(p: ChangesPlan<T>): ImportPlan {
  const count = (c: Change) => p.changes.filter((x) => x.change === c).length
  return {
    rows: p.changes
      .map((c) => ({ unitName: c.unit.name, costCentre: c.unit.costCentre, ...p.row(c), sourceLines: c.sourceLines, change: c.change }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'da') || p.order(a, b)),
    counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), removed: count('removed') },
    lines: p.read.lines,
    leftOut: 0,
    issues: [...p.read.issues, ...p.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    changedUnits: new Set(p.changes.filter((c) => c.change !== 'unchanged').map((c) => p.unitOf(c.after))),
    write: p.write,
  }
}
