// Balance accounts (balancekonti): four reconciled monthly, the rest each quarter, due on the 15th
// of the month after. Most are reconciled on time; the designed balance colour of the latest
// period decides how many are late or still open, and those are mostly the recent ones. The number
// of misses is found by asking core's own balance light, so the data fits however core counts.
import { addDaysIso, compareIso, endOfMonthIso, minIso } from '../../core/dates'
import { balanceLight } from '../../core/indicators/balance'
import type { BalanceAccount, Colour, IsoDate, Period, Thresholds } from '../../core/types'
import { BALANCE_ACCOUNTS } from './names'
import { rngFor, type Rng } from './prng'
import type { DemoUnit, UnitDesign } from './types'

const MONTHLY_ACCOUNTS = 4
const QUARTER_DUE_MONTHS = [1, 4, 7, 10]
const pad = (n: number): string => String(n).padStart(2, '0')

/** Due dates from the first period on, up to and including the first one after today. */
function dueDates(first: Period, today: IsoDate, monthly: boolean): IsoDate[] {
  const start = `${first.year}-${pad(first.month)}-01`
  const dates: IsoDate[] = []
  for (let year = first.year; ; year++) {
    for (let month = 1; month <= 12; month++) {
      if (!monthly && !QUARTER_DUE_MONTHS.includes(month)) continue
      const date = `${year}-${pad(month)}-15`
      if (compareIso(date, start) < 0) continue
      dates.push(date)
      if (compareIso(date, today) > 0) return dates
    }
  }
}

/** Candidates to miss, most likely first: the latest due dates, shuffled within each date. */
function missOrder(rng: Rng, due: BalanceAccount[]): BalanceAccount[] {
  const dates = [...new Set(due.map((a) => a.dueDate))].sort().reverse()
  return dates.flatMap((d) => rng.shuffle(due.filter((a) => a.dueDate === d)))
}

function markMissed(rng: Rng, account: BalanceAccount, latestDue: IsoDate | undefined, today: IsoDate): void {
  // On the latest due date a missed account is mostly still open; older ones were reconciled late.
  if (account.dueDate === latestDue && rng.chance(0.7)) account.reconciledOn = null
  else account.reconciledOn = minIso(addDaysIso(account.dueDate, rng.int(4, 45)), addDaysIso(today, -1))
}

export function unitBalanceAccounts(unit: DemoUnit, design: UnitDesign, first: Period, last: Period, today: IsoDate, t: Thresholds): BalanceAccount[] {
  const rng = rngFor(`balance:${unit.id}`)
  const asOf = minIso(today, endOfMonthIso(last))
  const kinds = BALANCE_ACCOUNTS.slice(0, unit.unitType === 'school' ? 8 : 6)
  const accounts: BalanceAccount[] = []
  kinds.forEach(([number, name], i) => {
    for (const dueDate of dueDates(first, today, i < MONTHLY_ACCOUNTS)) {
      const onTime = addDaysIso(dueDate, -rng.int(0, 12))
      const isDue = compareIso(dueDate, asOf) <= 0
      accounts.push({
        id: `balance-${unit.id}-${number}-${dueDate}`,
        unitId: unit.id,
        number,
        name,
        dueDate,
        // Not due yet: reconciled only when it was done early (and before today).
        reconciledOn: isDue || (compareIso(onTime, today) < 0 && rng.chance(0.3)) ? onTime : null,
      })
    }
  })
  accounts.sort((a, b) => compareIso(a.dueDate, b.dueDate) || a.number.localeCompare(b.number))

  const due = accounts.filter((a) => compareIso(a.dueDate, asOf) <= 0)
  const order = missOrder(rng, due)
  const colourWith = (k: number): Colour => {
    const missed = new Set(order.slice(0, k).map((a) => a.id))
    const trial = accounts.map((a) => (missed.has(a.id) ? { ...a, reconciledOn: null } : a))
    const ruleSet = { id: 'design', municipalityId: '', unitType: null, effectiveFrom: '2000-01-01', thresholds: t }
    return balanceLight({ period: last, asOf, accounts: trial, ruleSet }).colour
  }
  const fits: number[] = []
  for (let k = 0; k <= order.length && fits.length < 3; k++) if (colourWith(k) === design.colours.balance) fits.push(k)
  // When the colour cannot be reached this early in the year, fall back to a clean record.
  const count = fits.length ? (fits[rng.int(0, fits.length - 1)] as number) : 0
  const latestDue = due[due.length - 1]?.dueDate
  for (const a of order.slice(0, count)) markMissed(rng, a, latestDue, today)
  // A few old slips that no longer count for the current year, so the history is not spotless.
  if (design.profile !== 'good') {
    const older = rng.shuffle(due.filter((a) => Number(a.dueDate.slice(0, 4)) < last.year)).slice(0, rng.int(0, 3))
    for (const a of older) markMissed(rng, a, undefined, today)
  }
  return accounts
}
