// Every kind of file names its unit by cost centre: the units the app knows by theirs, and a line
// of a cost centre it does not know as an issue, in the words every import uses.
import type { ImportKind } from '../../core/import/fields'
import { cellIssue, readRows, type ImportIssue, type ReadRow } from '../../core/import/rows'
import type { Db } from '../db/db'
import type { Source } from './source'

export interface KnownUnit {
  id: string
  name: string
}

/** Every unit by its cost centre. */
export async function unitsByCostCentre(db: Db): Promise<Map<string, KnownUnit>> {
  const rows = await db.query<{ id: string; name: string; cost_centre: string }>('select id, name, cost_centre from unit')
  return new Map(rows.map((r) => [r.cost_centre, { id: r.id, name: r.name }]))
}

/** The lines whose cost centre the app knows; the others as issues. */
export function rowsOfKnownUnits(rows: readonly ReadRow[], units: ReadonlyMap<string, KnownUnit>): { known: ReadRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  const known = rows.filter((row) => {
    if (units.has(row.values.costCentre as string)) return true
    issues.push(cellIssue(row.line, row.headers.costCentre!, row.cells.costCentre!, 'er ikke et omkostningssted, appen kender. Importér organisationen først.'))
    return false
  })
  return { known, issues }
}

/** A file read through its mapping, with the units by cost centre and its lines of units the app knows. */
export async function readKnown(db: Db, kind: ImportKind, source: Source) {
  const read = readRows(kind, source.table, source.mapping, source.scale)
  const units = await unitsByCostCentre(db)
  return { read, units, ofUnits: rowsOfKnownUnits(read.rows, units) }
}
