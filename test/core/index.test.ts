import { describe, expect, it } from 'vitest'
import * as core from '../../src/core'

describe('src/core/index re-exports the public API', () => {
  it.each([
    'addMonthsIso',
    'endOfMonthIso',
    'daysBetween',
    'periodOf',
    'previousPeriod',
    'periodsBack',
    'compareIso',
    'DEFAULT_THRESHOLDS',
    'ruleSetFor',
    'budgetLight',
    'actionPlanLight',
    'forecastLight',
    'balanceLight',
    'judgeImported',
    'unitLights',
    'lightHistory',
    'overallColour',
    'colourRank',
    'compareUnitsWorstFirst',
    'unitOverrun',
    'latestPeriod',
    'proposeDialogues',
    'nextAfterFollowUp',
    'developmentPlanDates',
    'DEFAULT_YEARLY_CYCLE',
    'nextDue',
    'currentPhase',
    'dominatingUnits',
    'loginBodySchema',
    'unitSchema',
    'INDICATORS',
    'COLOURS',
  ])('%s', (name) => {
    expect((core as Record<string, unknown>)[name]).toBeDefined()
  })
})
