// A finance export has one line per cost centre, account (art) and period, revenue negative; the
// app keeps one figure per unit and month. The lines are summed to it here, leaving out the
// account groups the mapping excludes (capital, internal transfers), and the sums say how many
// lines made each, so the preview can show where a total came from.
import { comparePeriod, periodKey } from '../dates'
import type { Period } from '../types'
import { lineIssue, type ImportIssue, type ReadRow } from './rows'

export interface FigureSum {
  costCentre: string
  period: Period
  budget: number
  carryOver: number
  spendToDate: number
  /** The budget-weighted profile share of the lines that have one; null when none has. */
  profileShare: number | null
  /** The file's lines summed into it, in file order. */
  lines: number[]
}

const øre = (kroner: number) => Math.round(kroner * 100)
const kroner = (ore: number) => ore / 100

/** Whether a line's account falls in an excluded group, by prefix: "9" leaves out 9100, 9250 and every other account from 9. */
export function isExcludedAccount(account: unknown, excluded: readonly string[]): boolean {
  return typeof account === 'string' && excluded.some((prefix) => account.startsWith(prefix))
}

interface Sum {
  costCentre: string
  period: Period
  budget: number
  carryOver: number
  spendToDate: number
  weighted: number
  weight: number
  shares: number[]
  lines: number[]
}

/**
 * The figure lines summed per cost centre and month (amounts in øre, so 0,1 + 0,2 is 0,3). A key
 * seen twice is an error: the same cost centre, month and account — or, in a file without an
 * account column, the same cost centre and month.
 */
export function sumFigures(rows: readonly ReadRow[], excluded: readonly string[]): { sums: FigureSum[]; leftOut: number; issues: ImportIssue[] } {
  const sums = new Map<string, Sum>()
  const seen = new Map<string, number>()
  const issues: ImportIssue[] = []
  let leftOut = 0
  for (const { line, values } of rows) {
    if (isExcludedAccount(values.account, excluded)) {
      leftOut++
      continue
    }
    const costCentre = values.costCentre as string
    const period = values.period as Period
    const account = typeof values.account === 'string' ? values.account : null
    const lineKey = `${costCentre}|${periodKey(period)}|${account ?? ''}`
    const first = seen.get(lineKey)
    if (first !== undefined) {
      const what =
        account === null
          ? `omkostningssted ${costCentre} og periode ${periodKey(period)}`
          : `omkostningssted ${costCentre}, art ${account} og periode ${periodKey(period)}`
      issues.push(lineIssue(line, `${what} står også i linje ${first}.`))
      continue
    }
    seen.set(lineKey, line)
    const key = `${costCentre}|${periodKey(period)}`
    const sum = sums.get(key) ?? { costCentre, period, budget: 0, carryOver: 0, spendToDate: 0, weighted: 0, weight: 0, shares: [], lines: [] }
    const budget = values.budget as number
    sum.budget += øre(budget)
    sum.carryOver += øre((values.carryOver as number | null) ?? 0)
    sum.spendToDate += øre(values.spendToDate as number)
    if (typeof values.profileShare === 'number') {
      sum.weighted += values.profileShare * Math.abs(budget)
      sum.weight += Math.abs(budget)
      sum.shares.push(values.profileShare)
    }
    sum.lines.push(line)
    sums.set(key, sum)
  }
  const result = [...sums.values()]
    .map<FigureSum>((s) => ({
      costCentre: s.costCentre,
      period: s.period,
      budget: kroner(s.budget),
      carryOver: kroner(s.carryOver),
      spendToDate: kroner(s.spendToDate),
      profileShare: profileOf(s),
      lines: s.lines,
    }))
    .sort((a, b) => a.costCentre.localeCompare(b.costCentre, 'da') || comparePeriod(a.period, b.period))
  return { sums: result, leftOut, issues }
}

/** Lines without a budget (revenue lines of 0) weigh nothing; if all are 0 the shares are averaged. */
function profileOf(s: Sum): number | null {
  if (s.shares.length === 0) return null
  const share = s.weight > 0 ? s.weighted / s.weight : s.shares.reduce((a, b) => a + b, 0) / s.shares.length
  return Math.round(share * 1e6) / 1e6
}
