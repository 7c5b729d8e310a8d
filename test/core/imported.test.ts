import { describe, expect, it } from 'vitest'
import { judgeImported } from '../../src/core/indicators/imported'
import type { Colour, IndicatorKey } from '../../src/core/types'
import { ruleSet } from './fixtures'

const period = { year: 2025, month: 5 }
const rs = ruleSet({}, 'rs-import')

describe('judgeImported applies the same thresholds', () => {
  it.each<[IndicatorKey, number, Colour]>([
    ['budget', -0.05, 'green'],
    ['budget', 0, 'green'],
    ['budget', 0.0001, 'yellow'],
    ['budget', 0.01, 'yellow'],
    ['budget', 0.0101, 'red'],
    ['actionPlan', 1, 'green'],
    ['actionPlan', 0.999, 'yellow'],
    ['actionPlan', 0.8, 'yellow'],
    ['actionPlan', 0.799, 'red'],
    ['forecast', 0, 'green'],
    ['forecast', 0.012, 'green'], // 0,8 × 1,5 % exactly
    ['forecast', -0.012, 'green'],
    ['forecast', 0.0121, 'yellow'],
    ['forecast', 0.015, 'yellow'],
    ['forecast', -0.015, 'yellow'],
    ['forecast', 0.0151, 'red'],
    ['forecast', -0.0151, 'red'],
    ['balance', 1, 'green'],
    ['balance', 0.9801, 'green'],
    ['balance', 0.98, 'yellow'],
    ['balance', 0.95 + 0.03, 'yellow'],
    ['balance', 0.95, 'yellow'],
    ['balance', 0.9499, 'red'],
  ])('%s = %d → %s', (indicator, value, colour) => {
    const light = judgeImported(indicator, value, period, rs)
    expect(light).toMatchObject({ indicator, colour, period, source: 'imported', ruleSetId: 'rs-import', missing: null })
    expect(light.facts.kind).toBe(indicator)
  })

  it('keeps the value in the facts', () => {
    expect(judgeImported('budget', 0.02, period, rs).facts).toMatchObject({ deviation: 0.02, tolerance: 0.01 })
    expect(judgeImported('balance', 0.97, period, rs).facts).toMatchObject({ rate: 0.97, greenAbove: 0.98 })
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (value) => {
    expect(() => judgeImported('budget', value, period, rs)).toThrow(/ikke et tal/)
  })
})
