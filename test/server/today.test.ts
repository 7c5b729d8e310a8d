import { describe, expect, it } from 'vitest'
import { serverClock, todayInCopenhagen } from '../../src/server/today'

describe('the server clock', () => {
  it.each([
    ['2026-06-30T21:59:59Z', '2026-06-30'], // 23:59:59 summer time
    ['2026-06-30T22:00:00Z', '2026-07-01'], // midnight in Copenhagen, still June in UTC
    ['2026-12-31T22:59:59Z', '2026-12-31'], // 23:59:59 winter time
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('reads %s as %s in Copenhagen', (instant, expected) => {
    expect(todayInCopenhagen(new Date(instant))).toBe(expected)
  })

  it('is Copenhagen’s today without a chosen date', () => {
    const now = new Date('2026-12-02T10:00:00Z')
    expect(serverClock(undefined, () => now)()).toBe('2026-12-02')
    expect(serverClock('', () => now)()).toBe('2026-12-02')
  })

  it('starts on a chosen date and goes on a day when a real day has passed', () => {
    let now = new Date('2026-12-02T22:30:00Z') // 23:30 in Copenhagen
    const today = serverClock('2027-01-31', () => now)
    expect(today()).toBe('2027-01-31')
    now = new Date('2026-12-02T23:30:00Z') // past midnight in Copenhagen
    expect(today()).toBe('2027-02-01')
    now = new Date('2027-01-02T23:30:00Z')
    expect(today()).toBe('2027-03-04')
  })

  it.each(['2027-02-30', '15-01-2027', 'i morgen'])('refuses %s as a chosen date, saying what it wants', (value) => {
    expect(() => serverClock(value)).toThrow(`TODAY skal være en dato som 2027-01-15, ikke "${value}".`)
  })
})
