// Multi-row INSERTs, chunked well below PostgreSQL's 65,535 parameters per statement: a few dozen
// statements seed the whole demo instead of thousands of single-row round trips.
import type { Db } from '../db/db'

const MAX_PARAMS = 20_000

export async function insertRows(db: Db, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length))
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk)
    const params: unknown[] = []
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`${table}: row has ${row.length} values, expected ${columns.length}`)
      const marks = row.map((value) => {
        params.push(value)
        return `$${params.length}`
      })
      return `(${marks.join(', ')})`
    })
    await db.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, params)
  }
}
