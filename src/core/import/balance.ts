// A balance accounts file: one line per unit's account and due date (an account reconciled each
// quarter has four). Its lines become the unit's accounts as the file states them; here they are
// checked on their own — a key twice, a reconciliation after today or before the account's year
// began (an account belongs to the year of its due date, and did not exist before it) — with the
// issue sentences of rows.ts. The database is compared in server/import/balanceImport.ts.
import { compareIso } from '../dates'
import type { IsoDate } from '../types'
import { cellIssue, lineIssue, type ImportIssue, type ReadRow } from './rows'

export interface AccountLine {
  line: number
  costCentre: string
  number: string
  name: string
  dueDate: IsoDate
  reconciledOn: IsoDate | null
}

/** Which stored accounts a file speaks for: a unit's accounts of one year (by due date). */
export const accountScope = (unitId: string, dueDate: IsoDate) => `${unitId}|${dueDate.slice(0, 4)}`

export function accountLines(rows: readonly ReadRow[], today: IsoDate): { accounts: AccountLine[]; issues: ImportIssue[] } {
  const accounts: AccountLine[] = []
  const issues: ImportIssue[] = []
  const seen = new Map<string, number>()
  for (const { line, values, cells, headers } of rows) {
    const account: AccountLine = {
      line,
      costCentre: values.costCentre as string,
      number: values.accountNumber as string,
      name: values.accountName as string,
      dueDate: values.dueDate as IsoDate,
      reconciledOn: (values.reconciledOn as IsoDate | null) ?? null,
    }
    const key = `${account.costCentre}|${account.number}|${account.dueDate}`
    const first = seen.get(key)
    if (first !== undefined) {
      issues.push(lineIssue(line, `omkostningssted ${account.costCentre}, konto ${account.number} med frist ${account.dueDate} står også i linje ${first}.`))
      continue
    }
    seen.set(key, line)
    const reconciled = account.reconciledOn
    if (reconciled !== null && compareIso(reconciled, today) > 0) {
      issues.push(cellIssue(line, headers.reconciledOn!, cells.reconciledOn!, `ligger efter i dag (${today}).`))
      continue
    }
    const yearBegan = `${account.dueDate.slice(0, 4)}-01-01`
    if (reconciled !== null && compareIso(reconciled, yearBegan) < 0) {
      issues.push(
        cellIssue(
          line,
          headers.reconciledOn!,
          cells.reconciledOn!,
          `ligger før kontoen fandtes: en konto med frist ${account.dueDate} hører til ${account.dueDate.slice(0, 4)}.`,
        ),
      )
      continue
    }
    accounts.push(account)
  }
  return { accounts, issues }
}
