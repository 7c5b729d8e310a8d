// An action plan file: one line per unit's action — its title, due date, status, the date it was
// done and, for one that is dropped, why. An action belongs to the plan of its due date's year,
// and within a unit and year it is known by its title (case and runs of spaces aside), so a file
// that states the plan again finds the same actions. Each line is checked here on its own — a
// title twice, a done date after today or beside a status that is not done — and against the
// record's own rules (core/schemas.ts: a done action has its date, a dropped one its reason), with
// the issue sentences of rows.ts. The database is compared in server/import/actionPlanImport.ts.
import { compareIso } from '../dates'
import { MAX_TITLE_LENGTH } from '../limits'
import { actionPlanItemSchema } from '../schemas'
import type { ActionStatus, IsoDate } from '../types'
import { cellIssue, lineIssue, type ImportIssue, type ReadRow } from './rows'

export interface ActionLine {
  line: number
  costCentre: string
  year: number
  title: string
  dueDate: IsoDate
  status: ActionStatus
  doneOn: IsoDate | null
  dropReason: string | null
}

/** An action's title as compared: case and runs of spaces do not make another action. */
export const actionTitleKey = (title: string) => title.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da')

/** Which stored actions a file speaks for: a unit's plan of one year. */
export const actionScope = (unitId: string, year: number) => `${unitId}|${year}`

/** The record's own rules (a done action has its date, a dropped one its reason), said at their column. */
function recordIssue(row: ReadRow, action: ActionLine): ImportIssue | null {
  const checked = actionPlanItemSchema.safeParse({ id: 'import', unitId: 'import', ...action })
  if (checked.success) return null
  const issue = checked.error.issues[0]!
  const field = String(issue.path[0] ?? 'status')
  const column = row.headers[field] ?? row.headers.status!
  return cellIssue(row.line, column, null, issue.message)
}

function lineIssueOf(row: ReadRow, action: ActionLine, today: IsoDate): ImportIssue | null {
  const { headers, cells } = row
  if (action.title.length > MAX_TITLE_LENGTH) return cellIssue(row.line, headers.title!, cells.title!, `er for lang (højst ${MAX_TITLE_LENGTH} tegn).`)
  if (action.doneOn !== null && action.status !== 'done') {
    return cellIssue(row.line, headers.doneOn!, cells.doneOn!, `er udfyldt, men status er ikke udført ('${String(cells.status)}').`)
  }
  if (action.doneOn !== null && compareIso(action.doneOn, today) > 0) {
    return cellIssue(row.line, headers.doneOn!, cells.doneOn!, `ligger efter i dag (${today}).`)
  }
  return recordIssue(row, action)
}

export function actionLines(rows: readonly ReadRow[], today: IsoDate): { actions: ActionLine[]; issues: ImportIssue[] } {
  const actions: ActionLine[] = []
  const issues: ImportIssue[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const { line, values } = row
    const dueDate = values.dueDate as IsoDate
    const action: ActionLine = {
      line,
      costCentre: values.costCentre as string,
      year: Number(dueDate.slice(0, 4)),
      title: values.title as string,
      dueDate,
      status: values.status as ActionStatus,
      doneOn: (values.doneOn as IsoDate | null) ?? null,
      dropReason: (values.dropReason as string | null) ?? null,
    }
    const key = `${action.costCentre}|${action.year}|${actionTitleKey(action.title)}`
    const first = seen.get(key)
    if (first !== undefined) {
      issues.push(lineIssue(line, `omkostningssted ${action.costCentre} har handlingen '${action.title}' i ${action.year} også i linje ${first}.`))
      continue
    }
    seen.set(key, line)
    const issue = lineIssueOf(row, action, today)
    if (issue) issues.push(issue)
    else actions.push(action)
  }
  return { actions, issues }
}
