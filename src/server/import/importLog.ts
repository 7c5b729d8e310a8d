// The import history: who imported which file (by name and sha256) when, what it changed — or,
// for a refused file, its errors. Written in the import's own transaction when it is imported,
// and on its own when it is refused (nothing else of a refused file is written).
import type { ImportCounts as Counts, ImportLogEntry as LogEntry } from '../../core/http/imports'
import type { ImportKind as ImportKind } from '../../core/import/fields'
import type { ImportIssue } from '../../core/import/rows'
import type { Db } from '../db/db'
import { utcIso } from '../sync/tables'

export interface LogWrite {
  id: string
  personId: string
  kind: ImportKind
  fileName: string
  sha256: string
  status: 'imported' | 'refused'
  counts: Counts | null
  errors: ImportIssue[]
  errorCount: number
}

export async function logImport(db: Db, w: LogWrite): Promise<void> {
  await db.query(
    `insert into import_log (id, person_id, kind, file_name, sha256, status, counts, errors, error_count)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
    [w.id, w.personId, w.kind, w.fileName, w.sha256, w.status, w.counts === null ? null : JSON.stringify(w.counts), JSON.stringify(w.errors), w.errorCount],
  )
}

/** The latest imports first. */
export async function importHistory(db: Db, limit = 100): Promise<LogEntry[]> {
  const rows = await db.query<{
    id: string
    at: string
    person_name: string | null
    kind: ImportKind
    file_name: string
    sha256: string
    status: 'imported' | 'refused'
    counts: Counts | null
    errors: ImportIssue[]
    error_count: number
  }>(
    `select l.id, ${utcIso('l.at')} as at, p.name as person_name, l.kind, l.file_name, l.sha256, l.status, l.counts, l.errors, l.error_count
       from import_log l left join person p on p.id = l.person_id
      order by l.at desc, l.id desc limit $1`,
    [limit],
  )
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    personName: r.person_name ?? '',
    kind: r.kind,
    fileName: r.file_name,
    sha256: r.sha256,
    status: r.status,
    counts: r.counts,
    errors: r.errors,
    errorCount: r.error_count,
  }))
}
