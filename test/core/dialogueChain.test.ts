import { describe, expect, it } from 'vitest'
import { developmentPlanDates, nextAfterFollowUp, proposeDialogues } from '../../src/core/dialogueChain'
import type { Colour, IndicatorKey } from '../../src/core/types'

describe('proposeDialogues: one row of the dialogue-chain table per outcome', () => {
  it.each<[IndicatorKey, Colour, string, string | null]>([
    ['budget', 'green', 'recognition', null],
    ['budget', 'red', 'support', '2025-02-28'], // after 1 month, from 31 January
    ['actionPlan', 'green', 'recognition', null],
    ['actionPlan', 'red', 'support', '2025-02-28'],
    ['forecast', 'green', 'recognition', null],
    ['forecast', 'red', 'support', '2025-04-30'], // after 3 months
    ['balance', 'green', 'recognition', null],
    ['balance', 'red', 'support', '2025-04-30'],
  ])('%s %s → %s, follow-up %s', (indicator, colour, kind, followUpOn) => {
    expect(proposeDialogues('2025-01-31', { [indicator]: colour })).toEqual([{ indicator, kind, followUpOn }])
  })

  it.each<[IndicatorKey, Colour]>([
    ['budget', 'yellow'],
    ['actionPlan', 'grey'],
    ['forecast', 'yellow'],
    ['balance', 'grey'],
  ])('%s %s calls for no OC dialogue', (indicator, colour) => {
    expect(proposeDialogues('2025-01-31', { [indicator]: colour })).toEqual([])
  })

  it('lists several outcomes in the fixed indicator order', () => {
    expect(proposeDialogues('2028-01-31', { balance: 'red', budget: 'red', forecast: 'yellow', actionPlan: 'green' })).toEqual([
      { indicator: 'budget', kind: 'support', followUpOn: '2028-02-29' }, // leap year
      { indicator: 'actionPlan', kind: 'recognition', followUpOn: null },
      { indicator: 'balance', kind: 'support', followUpOn: '2028-04-30' },
    ])
  })
})

describe('nextAfterFollowUp', () => {
  it.each<[IndicatorKey, string, string]>([
    ['budget', '2024-08-31', '2025-02-28'],
    ['actionPlan', '2027-08-31', '2028-02-29'], // leap year
    ['forecast', '2025-03-15', '2025-09-15'],
    ['balance', '2025-12-31', '2026-06-30'],
  ])('%s improved on %s → visit after 6 months, %s', (indicator, date, nextOn) => {
    expect(nextAfterFollowUp(date, indicator, true)).toEqual({ outcome: 'visit', nextOn })
  })

  it.each<[IndicatorKey, string, number, string]>([
    ['budget', '2028-01-31', 1, '2028-02-29'], // monthly dialogues on the forecasts
    ['actionPlan', '2025-01-31', 1, '2025-02-28'],
    ['forecast', '2025-11-30', 3, '2026-02-28'], // a follow-up conversation 3 months later
    ['balance', '2027-11-30', 3, '2028-02-29'],
  ])('%s not improved on %s → development plan every %i month(s), next %s', (indicator, date, rhythmMonths, nextOn) => {
    expect(nextAfterFollowUp(date, indicator, false)).toEqual({ outcome: 'developmentPlan', rhythmMonths, nextOn })
  })
})

describe('developmentPlanDates', () => {
  it.each<[IndicatorKey, string, number, string[]]>([
    ['budget', '2028-01-31', 4, ['2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31']], // no drift after February
    ['actionPlan', '2025-12-31', 2, ['2026-01-31', '2026-02-28']],
    ['forecast', '2025-01-31', 3, ['2025-04-30', '2025-07-31', '2025-10-31']],
    ['balance', '2025-11-30', 2, ['2026-02-28', '2026-05-30']],
    ['budget', '2025-01-01', 0, []],
  ])('%s from %s, %i dates', (indicator, start, count, expected) => {
    expect(developmentPlanDates(start, indicator, count)).toEqual(expected)
  })
})
