// The plan of a figures file: its lines checked against the municipality (a cost centre the app
// knows, importUnits.ts; no month after this one, core/import/thisMonth.ts), summed per unit and
// month, compared with what is stored.
import { periodKey } from '../../core/dates'
import { sumFigures } from '../../core/import/figures'
import { rowsUpToThisMonth } from '../../core/import/thisMonth'
import type { IsoDate } from '../../core/types'
import type { Db } from '../db/db'
import { planFigures, writeFigures } from './figures'
import { readKnown } from './importUnits'
import type { ImportPlan } from './run'
import type { Source } from './source'

export async function planFiguresImport(db: Db, source: Source, today: IsoDate): Promise<ImportPlan> {
  const { read, units, ofUnits } = await readKnown(db, 'figures', source)
  const { known, issues: monthIssues } = rowsUpToThisMonth(ofUnits.known, today)
  const issues = [...ofUnits.issues, ...monthIssues]
  const summed = sumFigures(known, source.excludeAccounts)
  const unitOf = (costCentre: string) => units.get(costCentre)!
  const changes = await planFigures(db, summed.sums, (cc) => unitOf(cc).id)
  const count = (c: string) => changes.filter((x) => x.change === c).length
  return {
    rows: changes
      .map((c) => ({
        unitName: unitOf(c.sum.costCentre).name,
        costCentre: c.sum.costCentre,
        label: periodKey(c.sum.period),
        values: { budget: c.after.budget, carryOver: c.after.carryOver, spendToDate: c.after.spendToDate, profileShare: c.after.profileShare },
        sourceLines: c.sum.lines.length,
        change: c.change,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'da') || a.label.localeCompare(b.label)),
    counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), removed: 0 },
    lines: read.lines,
    leftOut: summed.leftOut,
    issues: [...read.issues, ...issues, ...summed.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    changedUnits: new Set(changes.filter((c) => c.change !== 'unchanged').map((c) => c.after.unitId)),
    write: (tx, personId, importId) => writeFigures(tx, changes, personId, importId),
  }
}
