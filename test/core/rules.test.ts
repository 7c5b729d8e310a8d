import { describe, expect, it } from 'vitest'
import { DEFAULT_THRESHOLDS, defaultRuleSet, ruleSetFor, ruleSetForPeriod, ruleSetInForce } from '../../src/core/rules'
import type { RuleSet, UnitType } from '../../src/core/types'

const set = (id: string, effectiveFrom: string, unitType: UnitType | null = null, municipalityId = 'm1'): RuleSet => ({
  id,
  municipalityId,
  unitType,
  effectiveFrom,
  thresholds: { ...DEFAULT_THRESHOLDS },
})

const sets = [
  set('general-2024', '2024-01-01'),
  set('general-2025', '2025-01-01'),
  set('school-2024', '2024-06-01', 'school'),
  set('other-municipality', '2020-01-01', null, 'm2'),
]

describe('DEFAULT_THRESHOLDS', () => {
  it('are the defaults of DOMAIN.md', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      budgetTolerance: 0.01,
      actionPlanTarget: 0.8,
      forecastInterval: 0.015,
      balanceTarget: 0.95,
      balanceGreenMargin: 0.03,
    })
  })
  it('cannot be changed by accident', () => expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true))
})

describe('ruleSetFor', () => {
  it.each<[UnitType, string, string]>([
    ['daycare', '2024-01-01', 'general-2024'], // exactly on effectiveFrom
    ['daycare', '2024-12-31', 'general-2024'], // the day before a change
    ['daycare', '2025-01-01', 'general-2025'], // the day of a change
    ['school', '2024-05-31', 'general-2024'], // before the school set
    ['school', '2024-06-01', 'school-2024'], // the school set beats a general one
    ['school', '2025-06-01', 'school-2024'], // … even a newer general one
  ])('%s on %s → %s', (unitType, date, expected) => {
    expect(ruleSetFor(sets, { municipalityId: 'm1', unitType, date }).id).toBe(expected)
  })

  it.each([
    ['m1', '2023-12-31'],
    ['m3', '2025-01-01'],
  ])('throws a clear error when nothing applies (%s, %s)', (municipalityId, date) => {
    expect(() => ruleSetFor(sets, { municipalityId, unitType: 'school', date })).toThrow(/Ingen regelsæt/)
  })

  it('on equal dates the later one in the list wins', () => {
    const twins = [set('first', '2025-01-01'), set('second', '2025-01-01')]
    expect(ruleSetFor(twins, { municipalityId: 'm1', unitType: 'school', date: '2025-02-01' }).id).toBe('second')
  })
})

describe('ruleSetInForce: what the form of a new set starts from', () => {
  const m1 = sets.filter((s) => s.municipalityId === 'm1')
  it.each<[UnitType | null, string, string | undefined]>([
    [null, '2025-06-01', 'general-2025'], // the general set, even where schools have their own
    ['school', '2025-06-01', 'school-2024'],
    ['daycare', '2025-06-01', 'general-2025'], // no set of its own: the general one
    [null, '2023-12-31', undefined], // nothing has begun
  ])('%s on %s → %s', (unitType, date, expected) => expect(ruleSetInForce(m1, unitType, date)?.id).toBe(expected))
})

describe('ruleSetForPeriod: a period is judged by the set in force on its last day', () => {
  const withMidMonth = [...sets, set('mid-march', '2025-03-15')]
  it.each([
    [2024, 12, 'general-2024'], // a change on 1 January never repaints December
    [2025, 2, 'general-2025'],
    [2025, 3, 'mid-march'], // in force on 31 March
  ])('%i-%i → %s', (year, month, expected) => {
    expect(ruleSetForPeriod(withMidMonth, { municipalityId: 'm1', unitType: 'daycare', period: { year, month } }).id).toBe(expected)
  })
})

describe('defaultRuleSet', () => {
  it('is a general set with the default thresholds', () => {
    const rs = defaultRuleSet('m9')
    expect(rs).toMatchObject({ municipalityId: 'm9', unitType: null, thresholds: DEFAULT_THRESHOLDS })
    expect(ruleSetFor([rs], { municipalityId: 'm9', unitType: 'school', date: '2025-01-01' })).toBe(rs)
  })
})
