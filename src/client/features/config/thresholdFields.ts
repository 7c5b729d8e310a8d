// The five values of a rule set, in the order the table and the form show them.
import type { Thresholds } from '../../../core/types'

export const THRESHOLD_FIELDS = [
  'budgetTolerance',
  'actionPlanTarget',
  'forecastInterval',
  'balanceTarget',
  'balanceGreenMargin',
] as const satisfies ReadonlyArray<keyof Thresholds>
