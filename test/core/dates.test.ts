import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addDaysIso,
  addMonthsIso,
  compareIso,
  comparePeriod,
  copenhagenDayOf,
  daysBetween,
  endOfMonthIso,
  isIsoDate,
  minIso,
  nextPeriod,
  parseIsoDate,
  periodKey,
  periodOf,
  periodsBack,
  previousPeriod,
  shiftPeriod,
  startOfMonthIso,
} from '../../src/core/dates'

describe('addMonthsIso', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2024-08-31', 6, '2025-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-30', 1, '2025-04-30'], // across the spring DST change
    ['2025-10-26', 0, '2025-10-26'], // the autumn DST day itself
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonthsIso(date, n)).toBe(expected)
  })
})

describe('endOfMonthIso and startOfMonthIso', () => {
  it.each([
    [2025, 2, '2025-02-28'],
    [2028, 2, '2028-02-29'],
    [2000, 2, '2000-02-29'],
    [2100, 2, '2100-02-28'],
    [2025, 4, '2025-04-30'],
    [2025, 12, '2025-12-31'],
  ])('%i-%i ends %s', (year, month, expected) => {
    expect(endOfMonthIso({ year, month })).toBe(expected)
  })
  it('starts on the first', () => expect(startOfMonthIso({ year: 2025, month: 3 })).toBe('2025-03-01'))
  it.each([0, 13, 1.5])('refuses month %s', (month) => {
    expect(() => endOfMonthIso({ year: 2025, month })).toThrow(/periode/)
  })
})

describe('daysBetween', () => {
  it.each([
    ['2025-03-29', '2025-03-31', 2], // spring DST
    ['2025-10-25', '2025-10-27', 2], // autumn DST
    ['2025-12-31', '2026-01-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2025-03-31', '2025-03-01', -30],
    ['2025-05-05', '2025-05-05', 0],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected)
  })
})

describe('ISO dates', () => {
  it.each([
    ['2025-02-28', true],
    ['2028-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00', false],
    ['', false],
    ['i morgen', false],
  ])('isIsoDate(%s) = %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok)
  })
  it('parseIsoDate throws a Danish error', () => expect(() => parseIsoDate('2025-02-29')).toThrow(/Ugyldig dato/))
  it('compares and picks the earlier', () => {
    expect(compareIso('2025-01-02', '2025-01-10')).toBe(-1)
    expect(compareIso('2025-01-10', '2025-01-02')).toBe(1)
    expect(compareIso('2025-01-10', '2025-01-10')).toBe(0)
    expect(minIso('2025-06-30', '2025-06-12')).toBe('2025-06-12')
  })
  it('adds days across a year end', () => expect(addDaysIso('2025-12-31', 1)).toBe('2026-01-01'))
})

describe('periods', () => {
  it.each([
    ['2025-01-01', 2025, 1],
    ['2028-02-29', 2028, 2],
    ['2025-12-31', 2025, 12],
  ])('periodOf(%s)', (date, year, month) => expect(periodOf(date)).toEqual({ year, month }))
  it.each([
    [
      { year: 2025, month: 1 },
      { year: 2024, month: 12 },
    ],
    [
      { year: 2025, month: 7 },
      { year: 2025, month: 6 },
    ],
  ])('previousPeriod(%o) = %o', (p, expected) => expect(previousPeriod(p)).toEqual(expected))
  it('nextPeriod wraps into next year', () => expect(nextPeriod({ year: 2025, month: 12 })).toEqual({ year: 2026, month: 1 }))
  it('shiftPeriod goes back over several years', () => expect(shiftPeriod({ year: 2025, month: 2 }, -26)).toEqual({ year: 2022, month: 12 }))
  it('periodsBack lists n periods ending with the given one, oldest first', () => {
    expect(periodsBack({ year: 2025, month: 2 }, 3)).toEqual([
      { year: 2024, month: 12 },
      { year: 2025, month: 1 },
      { year: 2025, month: 2 },
    ])
    expect(periodsBack({ year: 2025, month: 2 }, 12)).toHaveLength(12)
    expect(periodsBack({ year: 2025, month: 2 }, 0)).toEqual([])
  })
  it('orders and keys periods', () => {
    expect(comparePeriod({ year: 2024, month: 12 }, { year: 2025, month: 1 })).toBeLessThan(0)
    expect(periodKey({ year: 2025, month: 3 })).toBe('2025-03')
  })
})

describe.each(['Pacific/Auckland', 'America/Sao_Paulo', 'Europe/Copenhagen'])('in time zone %s', (tz) => {
  const before = process.env.TZ
  beforeAll(() => {
    process.env.TZ = tz
  })
  afterAll(() => {
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  })
  it('keeps calendar days', () => {
    expect(addMonthsIso('2025-01-31', 1)).toBe('2025-02-28')
    expect(endOfMonthIso({ year: 2028, month: 2 })).toBe('2028-02-29')
    expect(daysBetween('2025-03-29', '2025-04-07')).toBe(9)
    expect(periodOf('2025-04-01')).toEqual({ year: 2025, month: 4 })
  })
})

describe('copenhagenDayOf: the day a moment falls on in Copenhagen', () => {
  it.each([
    ['2025-03-30T21:59:59Z', '2025-03-30'], // 23:59:59 summer time
    ['2025-03-30T22:00:00Z', '2025-03-31'],
    ['2025-01-31T22:59:59Z', '2025-01-31'], // 23:59:59 winter time
    ['2025-01-31T23:00:00Z', '2025-02-01'],
    ['2025-06-01T00:30:00+02:00', '2025-06-01'],
    ['2028-02-29T12:00:00Z', '2028-02-29'],
  ])('%s → %s', (timestamp, day) => {
    expect(copenhagenDayOf(timestamp)).toBe(day)
  })
  it('refuses what is not a moment', () => {
    expect(() => copenhagenDayOf('i går')).toThrow(/Ugyldigt tidspunkt/)
  })
})
