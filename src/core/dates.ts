// ISO calendar dates ('YYYY-MM-DD') and periods (year + month 1–12). Every date is read as a local
// calendar day and written back the same way, so no time zone or daylight-saving shift can move a
// date by one day. Nothing here reads the clock.
import { addDays, addMonths, differenceInCalendarDays, isValid, lightFormat, parseISO } from 'date-fns'
import type { IsoDate, Period } from './types'

const ISO_FORMAT = 'yyyy-MM-dd'
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_PATTERN.test(value)) return false
  const date = parseISO(value)
  return isValid(date) && lightFormat(date, ISO_FORMAT) === value
}

/** Parses an ISO date to local midnight; throws on anything that is not a real date. */
export function parseIsoDate(value: IsoDate): Date {
  if (!isIsoDate(value)) throw new Error(`Ugyldig dato: "${value}" (forventet ÅÅÅÅ-MM-DD)`)
  return parseISO(value)
}

export function formatIsoDate(date: Date): IsoDate {
  return lightFormat(date, ISO_FORMAT)
}

/** Adds calendar months, clamping to the month's end: 31 Jan + 1 = 28 Feb (29 in a leap year). */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  return formatIsoDate(addMonths(parseIsoDate(date), months))
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(addDays(parseIsoDate(date), days))
}

/** Whole calendar days from a to b: positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(parseIsoDate(b), parseIsoDate(a))
}

/** Orders two ISO dates; valid ISO dates sort correctly as strings. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return compareIso(a, b) <= 0 ? a : b
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return compareIso(a, b) >= 0 ? a : b
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function assertPeriod(period: Period): void {
  const { year, month } = period
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`Ugyldig periode: ${year}-${month} (måned skal være 1–12)`)
  }
}

export function startOfMonthIso(period: Period): IsoDate {
  assertPeriod(period)
  return `${pad(period.year, 4)}-${pad(period.month, 2)}-01`
}

/** The last calendar day of the period's month (29 Feb in a leap year). */
export function endOfMonthIso(period: Period): IsoDate {
  const first = parseIsoDate(startOfMonthIso(period))
  return formatIsoDate(addDays(addMonths(first, 1), -1))
}

/** The period (year, month) a date falls in. */
export function periodOf(date: IsoDate): Period {
  parseIsoDate(date)
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) }
}

/** Moves a period by n months (negative goes back), across year ends. */
export function shiftPeriod(period: Period, months: number): Period {
  assertPeriod(period)
  const index = period.year * 12 + (period.month - 1) + months
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1)
}

export function nextPeriod(period: Period): Period {
  return shiftPeriod(period, 1)
}

/** The n periods ending with (and including) `period`, oldest first. */
export function periodsBack(period: Period, n: number): Period[] {
  const count = Math.max(0, Math.floor(n))
  return Array.from({ length: count }, (_, i) => shiftPeriod(period, i - count + 1))
}

export function comparePeriod(a: Period, b: Period): number {
  return a.year !== b.year ? a.year - b.year : a.month - b.month
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.month === b.month
}

/** 'YYYY-MM', handy as a map key. */
export function periodKey(period: Period): string {
  return `${pad(period.year, 4)}-${pad(period.month, 2)}`
}

// Made on first use: an Intl formatter is costly to build and cheap to use, and most screens never need it.
let copenhagenFormatter: Intl.DateTimeFormat | undefined

/**
 * The calendar day in Copenhagen of a moment written as ISO 8601 with a zone: a preparation marked
 * ready at 23:30 UTC on 31 March belongs to 1 April (summer time). Reads no clock.
 */
export function copenhagenDayOf(timestamp: string): IsoDate {
  const instant = new Date(timestamp)
  if (Number.isNaN(instant.getTime())) throw new Error(`Ugyldigt tidspunkt: "${timestamp}"`)
  copenhagenFormatter ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' })
  const parts = copenhagenFormatter.formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}
