import { describe, expect, it } from 'vitest'
import { budgetOfYear, EXPLANATION_REQUIRED, forecastMoveRefusal, needsExplanation, previousForecast } from '../../src/core/history/forecastMove'
import { figure, forecast } from './fixtures'

// B = 12 mio., interval 1,5 % → 180.000 kr. from the previous forecast of 12 mio.
const B = 12_000_000
const PREVIOUS = 12_000_000
const INTERVAL = 0.015

describe('needsExplanation, at the boundaries of the interval', () => {
  it.each([
    ['no move', 12_000_000, false],
    ['exactly the interval up', 12_180_000, false],
    ['exactly the interval down', 11_820_000, false],
    ['one øre over, up', 12_180_000.01, true],
    ['one øre over, down', 11_819_999.99, true],
    ['well over', 12_300_000, true],
    ['well under', 11_000_000, true],
  ])('%s (%d) → %s', (_name, amount, expected) => {
    expect(needsExplanation(amount, PREVIOUS, B, INTERVAL)).toBe(expected)
  })

  it('measures the interval on |B|, also for a negative budget (an income unit)', () => {
    expect(needsExplanation(-12_180_000, -12_000_000, -B, INTERVAL)).toBe(false)
    expect(needsExplanation(-12_180_000.01, -12_000_000, -B, INTERVAL)).toBe(true)
  })

  it('never without a previous forecast or a budget', () => {
    expect(needsExplanation(99_000_000, null, B, INTERVAL)).toBe(false)
    expect(needsExplanation(99_000_000, PREVIOUS, null, INTERVAL)).toBe(false)
  })
})

describe('forecastMoveRefusal', () => {
  const move = (amount: number, explanation: string | null) => forecastMoveRefusal({ amount, explanation, previous: PREVIOUS, budget: B, interval: INTERVAL })

  it.each<[string, number, string | null, boolean]>([
    ['on the interval, no explanation', 12_180_000, null, false],
    ['one øre over, no explanation', 12_180_000.01, null, true],
    ['one øre over, an empty explanation', 12_180_000.01, '', true],
    ['one øre over, only spaces', 12_180_000.01, '  \n ', true],
    ['one øre over, only a zero-width space', 12_180_000.01, '\u200B', true],
    ['one øre over, only zero-width characters', 12_180_000.01, '\u200C\u200D\u2060\uFEFF', true],
    ['one øre over, explained', 12_180_000.01, 'Flere vikarer efter sygdom', false],
  ])('%s → refused: %s', (_name, amount, explanation, refused) => {
    expect(move(amount, explanation)).toEqual(refused ? { field: 'explanation', message: EXPLANATION_REQUIRED } : null)
  })
})

describe('what a forecast is compared with', () => {
  it('the previous forecast is the one in force before the target month, never the target month’s own', () => {
    const forecasts = [forecast(9, 11_000_000), forecast(10, 12_000_000), forecast(11, 14_000_000)]
    expect(previousForecast(forecasts, { year: 2025, month: 11 })?.amount).toBe(12_000_000)
    expect(previousForecast(forecasts, { year: 2025, month: 10 })?.amount).toBe(11_000_000)
    expect(previousForecast(forecasts, { year: 2025, month: 1 })).toBeUndefined()
    expect(previousForecast([forecast(0, 9_000_000)], { year: 2025, month: 1 })?.amount).toBe(9_000_000)
  })

  it('the budget B is the latest month’s corrected budget of the year', () => {
    const figures = [figure(1, { budget: 10_000_000 }), figure(3, { budget: 12_500_000 }), figure(2, { budget: 11_000_000 }), figure(12, { budget: 1 }, 2024)]
    expect(budgetOfYear(figures, 2025)).toBe(12_500_000)
    expect(budgetOfYear(figures, 2026)).toBeNull()
  })
})
