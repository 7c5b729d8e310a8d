import { describe, expect, it } from 'vitest'
import {
  formatAmount,
  formatDate,
  formatDifference,
  formatMonthName,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatShortDate,
  formatSignedPercent,
  formatThousands,
} from '../../src/client/shared/format'

const NB = '\u00a0'

describe('formatAmount (da-DK)', () => {
  it.each([
    [12_400_000, `12,4${NB}mio.${NB}kr.`],
    [12_123_456, `12,1${NB}mio.${NB}kr.`],
    [1_000_000, `1,0${NB}mio.${NB}kr.`],
    [999_999, `999.999${NB}kr.`],
    [845_000, `845.000${NB}kr.`],
    [845_000.6, `845.001${NB}kr.`],
    [0, `0${NB}kr.`],
    [-302_500, `-302.500${NB}kr.`],
    [-2_500_000, `-2,5${NB}mio.${NB}kr.`],
  ])('%d → %s', (value, expected) => {
    expect(formatAmount(value)).toBe(expected)
  })

  it('writes English amounts in DKK', () => {
    expect(formatAmount(12_400_000, 'en')).toBe(`DKK${NB}12.4${NB}m`)
    expect(formatAmount(845_000, 'en')).toBe(`DKK${NB}845,000`)
  })
})

describe('formatPercent (da-DK)', () => {
  it.each([
    [0.025, `2,5${NB}%`],
    [0.01, `1${NB}%`],
    [0.016, `1,6${NB}%`],
    [0.015, `1,5${NB}%`],
    [0.95, `95${NB}%`],
    [1, `100${NB}%`],
    [0, `0${NB}%`],
    [0.12345, `12,3${NB}%`],
  ])('%d → %s', (value, expected) => {
    expect(formatPercent(value)).toBe(expected)
  })

  it('signs deviations', () => {
    expect(formatSignedPercent(0.025)).toBe(`+2,5${NB}%`)
    expect(formatSignedPercent(-0.016)).toBe(`-1,6${NB}%`)
    expect(formatSignedPercent(0)).toBe(`0${NB}%`)
  })
})

describe('dates (da-DK)', () => {
  it.each([
    ['2026-10-31', '31. oktober 2026'],
    ['2026-01-01', '1. januar 2026'],
    ['2024-02-29', '29. februar 2024'],
    ['2026-12-31', '31. december 2026'],
  ])('formatDate(%s) → %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected)
  })

  it('never shifts the day by time zone', () => {
    expect(formatDate('2026-03-29')).toBe('29. marts 2026')
  })

  it('formats months, periods and short dates', () => {
    expect(formatMonthName(10)).toBe('oktober')
    expect(formatPeriod({ year: 2026, month: 5 })).toBe('maj 2026')
    expect(formatShortDate('2026-10-31')).toBe('31. okt. 2026')
    expect(formatDate('2026-10-31', 'en')).toBe('31 October 2026')
  })

  it('groups whole numbers', () => {
    expect(formatNumber(1234567)).toBe('1.234.567')
  })
})

describe('formatThousands', () => {
  it.each([
    [47_612_000, '47.612'],
    [23_591, '24'],
    [-1_100_400, '-1.100'],
  ])('%d → %s', (value, expected) => {
    expect(formatThousands(value)).toBe(expected)
  })
})

describe('formatDifference', () => {
  it('writes the overrun in full kroner with sign and the per cent with one decimal', () => {
    expect(formatDifference(3_370_000, 0.06)).toBe(`+3.370.000${NB}kr. (+6,0${NB}%)`)
    expect(formatDifference(-845_000.4, -0.0123)).toBe(`-845.000${NB}kr. (-1,2${NB}%)`)
    expect(formatDifference(0, 0)).toBe(`0${NB}kr. (0,0${NB}%)`)
    expect(formatDifference(250_000, null)).toBe(`+250.000${NB}kr.`)
    expect(formatDifference(3_370_000, 0.06, 'en')).toBe(`DKK${NB}+3,370,000 (+6.0%)`)
  })
})
