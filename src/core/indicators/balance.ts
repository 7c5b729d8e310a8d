// Balance accounts reconciled (Afstemt balancekonti): accounts reconciled by their due date ÷
// accounts due so far, as known on asOf. A reconciliation dated after asOf is not known yet, so a
// later import changes today's light but not the rate of a period already past. Like the action
// plan, the rate is the year's: accounts due in an earlier year belong to that year's result.
import { compareIso } from '../dates'
import type { BalanceAccount, BalanceFacts, IsoDate, Light, Period, RuleSet } from '../types'
import { balanceBand } from './bands'
import { makeLight } from './common'

export interface BalanceInput {
  period: Period
  asOf: IsoDate
  accounts: BalanceAccount[]
  ruleSet: RuleSet
}

export type AccountState = 'notDue' | 'onTime' | 'late' | 'open'

/** Where one account stands on asOf. */
export function accountState(account: BalanceAccount, asOf: IsoDate): AccountState {
  if (compareIso(account.dueDate, asOf) > 0) return 'notDue'
  const done = account.reconciledOn
  if (done === null || compareIso(done, asOf) > 0) return 'open'
  return compareIso(done, account.dueDate) <= 0 ? 'onTime' : 'late'
}

export function balanceLight(input: BalanceInput): Light {
  const { period, ruleSet } = input
  const t = ruleSet.thresholds
  const ofYear = input.accounts.filter((a) => Number(a.dueDate.slice(0, 4)) === period.year)
  const states = ofYear.map((a) => accountState(a, input.asOf))
  const count = (s: AccountState): number => states.filter((x) => x === s).length
  const due = states.length - count('notDue')
  const reconciledOnTime = count('onTime')
  const facts: BalanceFacts = {
    kind: 'balance',
    due,
    reconciledOnTime,
    rate: due === 0 ? null : reconciledOnTime / due,
    target: t.balanceTarget,
    // Rounded so that 0.95 + 0.03 reads 0.98, not 0.9799999999999999.
    greenAbove: Math.round((t.balanceTarget + t.balanceGreenMargin) * 1e9) / 1e9,
    open: count('open'),
    late: count('late'),
  }
  if (facts.rate === null) return makeLight('balance', 'grey', period, ruleSet, facts, 'noAccountsDue')
  return makeLight('balance', balanceBand(facts.rate, t), period, ruleSet, facts)
}
