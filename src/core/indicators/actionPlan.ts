// Action plan (Handleplan — "Indfrier institutionen handleplanen?"): actions done by their due date
// ÷ actions due so far. Dropped actions (with a reason) are no longer due.
import { compareIso } from '../dates'
import type { ActionPlanFacts, ActionPlanItem, IsoDate, Light, Period, RuleSet } from '../types'
import { actionPlanBand } from './bands'
import { makeLight } from './common'

export interface ActionPlanInput {
  period: Period
  /** The day the plan is judged at: the end of the period, or today while the period runs. */
  asOf: IsoDate
  items: ActionPlanItem[]
  ruleSet: RuleSet
}

export function isDoneOnTime(item: ActionPlanItem): boolean {
  return item.status === 'done' && item.doneOn !== null && compareIso(item.doneOn, item.dueDate) <= 0
}

export function actionPlanLight(input: ActionPlanInput): Light {
  const { period, ruleSet } = input
  const due = input.items.filter((i) => i.year === period.year && i.status !== 'dropped' && compareIso(i.dueDate, input.asOf) <= 0)
  const doneOnTime = due.filter(isDoneOnTime).length
  const facts: ActionPlanFacts = {
    kind: 'actionPlan',
    due: due.length,
    doneOnTime,
    fulfilment: due.length === 0 ? null : doneOnTime / due.length,
    target: ruleSet.thresholds.actionPlanTarget,
  }
  if (facts.fulfilment === null) return makeLight('actionPlan', 'grey', period, ruleSet, facts, 'noActionsDue')
  return makeLight('actionPlan', actionPlanBand(facts.fulfilment, ruleSet.thresholds), period, ruleSet, facts)
}
