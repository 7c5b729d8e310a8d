// One cell of an imported file read as the value it stands for: an amount, a date, a period or a
// budget profile share, as Danish finance systems and spreadsheets write them. A value that could
// be read two ways is refused rather than guessed: a wrong guess moves an amount by a factor 1000.
import { isIsoDate, periodOf } from '../dates'
import { AMOUNT_LIMIT, isBlank as isBlankText } from '../limits'
import { periodSchema } from '../schemaPrimitives'
import type { IsoDate, Period } from '../types'

/** number: a numeric XLSX cell; an XLSX date cell arrives as a 'YYYY-MM-DD' string. */
export type Cell = string | number
/** message: Danish, about the value ("er ikke et beløb"); the caller says which line and column. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/** What is wrong with a value, said after it: "'12,3,4' er ikke et beløb". */
const SAYS = {
  notAmount: 'er ikke et beløb',
  tooLarge: 'er for stort et beløb',
  notDate: 'er ikke en dato (brug fx 31-05-2026)',
  notPeriod: 'er ikke en periode (brug fx 2026-05 eller maj 2026)',
  notShare: 'er ikke en andel (brug fx 0,4167 eller 41,67 %)',
  shareRange: 'er ikke en andel mellem 0 og 1 (0 % og 100 %)',
  signedShareRange: 'er ikke en andel mellem -10 og 10 (-1000 % og 1000 %)',
} as const

const MAX_SIGNED_SHARE = 10

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message })
// Spaces of every kind a spreadsheet writes between digit groups: space, no-break and narrow no-break.
const SPACES = /[\s\u00a0\u202f]+/g
const tidy = (text: string): string => text.replace(SPACES, ' ').trim()

export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && isBlankText(cell))
}

/** Rounds to øre; toPrecision(15) first, as Excel keeps 15 digits, so 1.005 is 1.01 and not 1.00. */
function roundToOre(value: number): number {
  const ore = Math.round(Number((Math.abs(value) * 100).toPrecision(15)))
  return (Math.sign(value) * ore) / 100 + 0 // + 0 turns -0 into 0
}

/**
 * The amount's digits with '.' as the decimal point, or null. The last of '.' and ',' is the decimal
 * mark when both occur; a lone ',' is a decimal comma; a lone '.' before exactly three digits groups
 * thousands ("12.345"), unless what precedes it cannot be a first group ("0.500", "1234.567");
 * after grouped digits ("1 234.567") it could be either, so it is refused.
 */
function plainDecimal(text: string): string | null {
  const [hasDot, hasComma] = [text.includes('.'), text.includes(',')]
  let decimal: string | null = null
  if (hasDot && hasComma) decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ','
  else if (hasComma && text.indexOf(',') === text.lastIndexOf(',')) decimal = ','
  else if (hasDot && text.indexOf('.') === text.lastIndexOf('.')) {
    if (/\.\d{3}$/.test(text) && !/^\d+\.\d{3}$/.test(text)) return null
    decimal = /^[1-9]\d{0,2}\.\d{3}$/.test(text) ? null : '.'
  }
  const at = decimal === null ? -1 : text.lastIndexOf(decimal)
  const whole = at < 0 ? text : text.slice(0, at)
  const fraction = at < 0 ? '' : text.slice(at + 1)
  if (at >= 0 && !/^\d+$/.test(fraction)) return null
  if (/^\d+$/.test(whole)) return fraction ? `${whole}.${fraction}` : whole
  // Grouped: one kind of separator (dot, comma or space, not the decimal mark), groups of three.
  const grouped = /^[1-9]\d{0,2}(?:([., ])\d{3})(?:\1\d{3})*$/.exec(whole)
  if (!grouped || grouped[1] === decimal) return null
  return whole.replace(/[., ]/g, '') + (fraction ? `.${fraction}` : '')
}

// NaN when the text is not an amount.
function amountOfText(cell: string): number {
  const text = tidy(cell).replace(/^kr\.?\s*|\s*kr\.?$/gi, '')
  // Accounting writes a negative in parentheses; SAP puts the minus after the amount.
  const signed = /^\((.*)\)$/.exec(text) ?? /^[-−–]\s*(.*)$/.exec(text) ?? /^(.*?)\s*[-−–]$/.exec(text)
  const decimal = plainDecimal(signed ? (signed[1] ?? '') : text)
  return decimal === null ? NaN : (signed ? -1 : 1) * Number(decimal)
}

export function parseAmount(cell: Cell): Parsed<number> {
  const value = typeof cell === 'number' ? cell : amountOfText(cell)
  if (Number.isNaN(value)) return fail(SAYS.notAmount)
  const rounded = roundToOre(value) // Infinity, too, is too large an amount
  return Math.abs(rounded) >= AMOUNT_LIMIT ? fail(SAYS.tooLarge) : ok(rounded)
}

const pad2 = (n: string | number): string => String(n).padStart(2, '0')
const isoOrNull = (year = '', month = '', day = ''): IsoDate | null => {
  const iso = `${year}-${pad2(month)}-${pad2(day)}`
  return isIsoDate(iso) ? iso : null
}

export const EXCEL_SERIAL_MAX = 2_958_465 // 9999-12-31

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is 29 February 1900, a day that
 * never was (Excel kept Lotus 1-2-3's leap-year bug) — refused; from 61 on the serials count from 1899-12-30.
 */
function fromExcelSerial(serial: number): IsoDate | null {
  const day = Math.floor(serial) // a fraction is the time of day
  if (!(day >= 1 && day <= EXCEL_SERIAL_MAX) || day === 60) return null
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10)
}

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?Z?)?`
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`)
const DANISH_DATE = new RegExp(String.raw`^(\d{1,2})([-./])(\d{1,2})\2(\d{4})${TIME}$`)

export function parseImportDate(cell: Cell): Parsed<IsoDate> {
  const text = typeof cell === 'number' ? String(cell) : tidy(cell)
  const [, year, month, day] = ISO_DATE.exec(text) ?? []
  const [, dayFirst, , monthSecond, yearLast] = DANISH_DATE.exec(text) ?? []
  const serial = typeof cell === 'number' || /^\d+$/.test(text)
  const iso = serial ? fromExcelSerial(Number(text)) : year ? isoOrNull(year, month, day) : isoOrNull(yearLast, monthSecond, dayFirst)
  return iso === null ? fail(SAYS.notDate) : ok(iso)
}

// Danish names, their three-letter abbreviations, and the English ones an SAP export in English writes.
const MONTH_NAMES =
  'januar january|februar february|marts march|april|maj may|juni june|juli july|august|september sept|oktober october|november|december'.split('|')

function monthOfName(name: string): number | null {
  const index = MONTH_NAMES.findIndex((names) => names.split(' ').some((full) => full === name || (name.length === 3 && full.startsWith(name))))
  return index < 0 ? null : index + 1
}

export function parsePeriod(cell: Cell): Parsed<Period> {
  // A number cell is a period only as a whole YYYYMM: 2026.1 could have been 2026.10 before Excel read it.
  const text = typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : '') : tidy(cell).toLowerCase()
  let [year, month]: [number, number | null] = [NaN, NaN]
  const yearFirst = /^(\d{4})(?:[-/.](\d{1,2})|(\d{2}))$/.exec(text) // 2026-5, 2026/05, 202605 (not 20265)
  const monthFirst = /^(\d{1,2})[-/.](\d{4})$/.exec(text)
  const named = /^(\p{L}+)\.?[\s-]*(\d{4})$/u.exec(text)
  if (yearFirst) [year, month] = [Number(yearFirst[1]), Number(yearFirst[2] ?? yearFirst[3])]
  else if (monthFirst) [year, month] = [Number(monthFirst[2]), Number(monthFirst[1])]
  else if (named) [year, month] = [Number(named[2]), monthOfName(named[1] ?? '')]
  else if (typeof cell === 'string' && /\D/.test(text)) {
    // A full date stands for its month; a string of digits only is YYYYMM or nothing, never a serial.
    const date = parseImportDate(cell)
    if (date.ok) return ok(periodOf(date.value))
  }
  const period = periodSchema.safeParse({ year, month })
  return period.success ? ok(period.data) : fail(SAYS.notPeriod)
}

/** A share with a sign, as a deviation is (−4,2 %): within ±1000 %, so a stray amount is caught. */
export function parseSignedShare(cell: Cell): Parsed<number> {
  return parseFraction(cell, (value) => Math.abs(value) > MAX_SIGNED_SHARE, SAYS.signedShareRange)
}

export function parseShare(cell: Cell): Parsed<number> {
  return parseFraction(cell, (value) => value < 0 || value > 1, SAYS.shareRange)
}

function parseFraction(cell: Cell, outOfRange: (value: number) => boolean, rangeMessage: string): Parsed<number> {
  if (typeof cell === 'number') return !Number.isFinite(cell) ? fail(SAYS.notShare) : outOfRange(cell) ? fail(rangeMessage) : ok(cell + 0)
  // No thousands here (a share is below 1, a per cent at most 100), so one '.' or ',' is the decimal mark.
  const parts = /^([-−]?)(\d+)(?:[.,](\d+))?\s*(%?)$/.exec(tidy(cell))
  if (!parts) return fail(SAYS.notShare)
  const [, sign = '', whole = '', fraction = '', percent] = parts
  // Shift the decimal point in the digits, so "41,67 %" is exactly the number 0.4167, not 41.67 / 100.
  const value = Number(`${sign ? '-' : ''}${whole}${fraction}e${-(fraction.length + (percent ? 2 : 0))}`)
  return outOfRange(value) ? fail(rangeMessage) : ok(value + 0)
}
