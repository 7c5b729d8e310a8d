// A file of months (figures, indicator values) may not speak of a month that has not begun.
import { comparePeriod, periodKey, periodOf } from '../dates'
import type { IsoDate, Period } from '../types'
import { cellIssue, type ImportIssue, type ReadRow } from './rows'

/** The lines whose month has begun; the others as issues. */
export function rowsUpToThisMonth(rows: readonly ReadRow[], today: IsoDate): { known: ReadRow[]; issues: ImportIssue[] } {
  const thisMonth = periodOf(today)
  const issues: ImportIssue[] = []
  const known = rows.filter((row) => {
    if (comparePeriod(row.values.period as Period, thisMonth) <= 0) return true
    issues.push(cellIssue(row.line, row.headers.period!, row.cells.period!, `ligger efter denne måned (${periodKey(thisMonth)}).`))
    return false
  })
  return { known, issues }
}
