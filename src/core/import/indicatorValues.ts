// A file of indicator values worked out elsewhere (a finance report that already has the budget's
// deviation or the reconciliation rate): one line per unit, month and indicator. Checked here on
// its own — a key twice, a fulfilment or rate outside 0–100 % — with the issue sentences of rows.ts.
// The app judges such a value by the thresholds in force (core/indicators/imported.ts) and says it
// was imported; the database is compared in server/import/indicatorValuesImport.ts.
import { periodKey } from '../dates'
import type { IndicatorKey, Period } from '../types'
import { cellIssue, lineIssue, type ImportIssue, type ReadRow } from './rows'

export interface IndicatorValueLine {
  line: number
  costCentre: string
  period: Period
  indicator: IndicatorKey
  /** A fraction: 0.042 is 4,2 %. */
  value: number
}

/** The indicators whose value is a share of something (actions done, accounts reconciled): 0–100 %. */
const SHARES: ReadonlySet<IndicatorKey> = new Set(['actionPlan', 'balance'])

/** Which stored values a file speaks for: a unit's month. */
export const valueScope = (unitId: string, period: Period) => `${unitId}|${periodKey(period)}`

export function indicatorValueLines(rows: readonly ReadRow[]): { values: IndicatorValueLine[]; issues: ImportIssue[] } {
  const values: IndicatorValueLine[] = []
  const issues: ImportIssue[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const { line, cells, headers } = row
    // readRows has typed each cell by its field (core/import/fields.ts).
    const value: IndicatorValueLine = { line, ...(row.values as Omit<IndicatorValueLine, 'line'>) }
    const key = `${value.costCentre}|${periodKey(value.period)}|${value.indicator}`
    const first = seen.get(key)
    if (first !== undefined) {
      issues.push(
        lineIssue(
          line,
          `omkostningssted ${value.costCentre} har nøgletallet '${String(cells.indicator)}' for ${periodKey(value.period)} også i linje ${first}.`,
        ),
      )
      continue
    }
    seen.set(key, line)
    if (SHARES.has(value.indicator) && (value.value < 0 || value.value > 1)) {
      issues.push(cellIssue(line, headers.value!, cells.value!, `er ikke en andel mellem 0 % og 100 %, som nøgletallet '${String(cells.indicator)}' er.`))
      continue
    }
    values.push(value)
  }
  return { values, issues }
}
