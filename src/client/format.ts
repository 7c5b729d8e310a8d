// Every number, amount and date the leader sees goes through here, so Danish formats are the same
// everywhere ("12,4 mio. kr.", "845.000 kr.", "2,5 %", "31. oktober 2026"). Spaces inside a value are
// non-breaking so an amount never wraps in the middle.
import type { IsoDate, Period } from '../core/types'

export type AppLocale = 'da' | 'en'

const NBSP = '\u00a0'
const intlLocale: Record<AppLocale, string> = { da: 'da-DK', en: 'en-GB' }

// Intl formatters are costly to build and are used in every list row: keep one per locale and options.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function numberFormat(locale: AppLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`
  let f = cache.get(key) as Intl.NumberFormat | undefined
  if (!f) {
    f = new Intl.NumberFormat(intlLocale[locale], options)
    cache.set(key, f)
  }
  return f
}
function dateFormat(locale: AppLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`
  let f = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!f) {
    // Dates are calendar days, not instants: format them in UTC so no time zone can shift the day.
    f = new Intl.DateTimeFormat(intlLocale[locale], { timeZone: 'UTC', ...options })
    cache.set(key, f)
  }
  return f
}

// Amounts and per cents by hand for our two locales rather than Intl.NumberFormat: building the
// first Intl formatter loads the locale's data, a long task on the first screen, and the four
// lights are full of amounts and per cents. The text is Intl's for da-DK and en-GB (see
// test/client/format.test.ts); anything unusual (NaN, huge or tiny numbers) still goes to Intl.
const SEPARATORS: Record<AppLocale, { group: string; decimal: string }> = {
  da: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
}

interface DecimalOptions {
  max: number
  min?: number
  /** 'percent' multiplies by 100 first, exactly (0.0285 → 2.85, not 2.8499…). */
  style?: 'decimal' | 'percent'
  signDisplay?: 'auto' | 'exceptZero'
}

/** value · 10^n, moved through the decimal text so 1.005 → 100.5 exactly, as Intl rounds it. */
function shift(value: number, n: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e')
  return Number(`${mantissa}e${Number(exponent) + n}`)
}

/** Rounded half away from zero to at most `max` decimals (at least `min`), grouped by thousands. */
function decimal(value: number, locale: AppLocale, { max, min = 0, style = 'decimal', signDisplay = 'auto' }: DecimalOptions): string {
  const scaled = Math.round(shift(Math.abs(value), max + (style === 'percent' ? 2 : 0)))
  if (!Number.isSafeInteger(scaled)) {
    const text = numberFormat(locale, { style, minimumFractionDigits: min, maximumFractionDigits: max, signDisplay }).format(value)
    return style === 'percent' ? text.replace(/\s*%/, '') : text
  }
  const digits = String(scaled).padStart(max + 1, '0')
  const whole = digits.slice(0, digits.length - max).replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[locale].group)
  let fraction = digits.slice(digits.length - max)
  while (fraction.length > min && fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  const negative = value < 0 || Object.is(value, -0)
  const sign = signDisplay === 'exceptZero' ? (scaled === 0 ? '' : negative ? '-' : '+') : negative ? '-' : ''
  return `${sign}${whole}${fraction ? SEPARATORS[locale].decimal + fraction : ''}`
}

/** "2,5 %" in Danish (a no-break space before the sign, as Intl writes it), "2.5%" in English. */
function percent(text: string, locale: AppLocale): string {
  return locale === 'da' ? `${text}${NBSP}%` : `${text}%`
}

/** Kroner: "12,4 mio. kr." from one million up, "845.000 kr." below (whole kroner). */
export function formatAmount(kroner: number, locale: AppLocale = 'da'): string {
  if (Math.abs(kroner) >= 1_000_000) {
    const millions = decimal(kroner / 1_000_000, locale, { max: 1, min: 1 })
    return locale === 'da' ? `${millions}${NBSP}mio.${NBSP}kr.` : `DKK${NBSP}${millions}${NBSP}m`
  }
  const whole = decimal(kroner, locale, { max: 0 })
  return locale === 'da' ? `${whole}${NBSP}kr.` : `DKK${NBSP}${whole}`
}

/** A fraction as per cent: 0.025 → "2,5 %", 0.01 → "1 %". Up to one decimal. */
export function formatPercent(fraction: number, locale: AppLocale = 'da', decimals = 1): string {
  return percent(decimal(fraction, locale, { max: decimals, style: 'percent' }), locale)
}

/** A whole number with grouping: 1234 → "1.234". */
export function formatNumber(value: number, locale: AppLocale = 'da'): string {
  return decimal(value, locale, { max: 0 })
}

function parseIso(date: IsoDate): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`)
}

// Month names by hand rather than Intl.DateTimeFormat: building the first DateTimeFormat loads the
// locale's calendar data, a long task (~100 ms on a mid-range phone) on the first screen, which
// shows a date and a month name. Same text as Intl's da-DK and en-GB (test/client/format.test.ts).
const MONTHS: Record<AppLocale, readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

/** "31. oktober 2026" / "31 October 2026". */
export function formatDate(date: IsoDate, locale: AppLocale = 'da'): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number]
  const name = MONTHS[locale][month - 1]
  return locale === 'da' ? `${day}. ${name} ${year}` : `${day} ${name} ${year}`
}

/** "31. okt. 2026": for tables where space is short. */
export function formatShortDate(date: IsoDate, locale: AppLocale = 'da'): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(parseIso(date))
}

/** "oktober" */
export function formatMonthName(month: number, locale: AppLocale = 'da'): string {
  return MONTHS[locale][month - 1] ?? ''
}

/** "oktober 2026" */
export function formatPeriod(period: Period, locale: AppLocale = 'da'): string {
  return `${formatMonthName(period.month, locale)} ${period.year}`
}

/** "okt. 26": chart axis labels. */
export function formatShortPeriod(period: Period, locale: AppLocale = 'da'): string {
  return dateFormat(locale, { month: 'short', year: '2-digit' }).format(new Date(Date.UTC(period.year, period.month - 1, 1)))
}

/** A moment (e.g. when data was fetched) in the leader's own time zone: date and "09.12". */
export function formatDateTime(instant: string | number | Date, locale: AppLocale = 'da'): { date: string; time: string } {
  const d = new Date(instant)
  const date = new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'long', year: 'numeric' }).format(d)
  const time = new Intl.DateTimeFormat(intlLocale[locale], { hour: '2-digit', minute: '2-digit' }).format(d)
  return { date, time }
}

/** A signed fraction as per cent: 0.025 → "+2,5 %", -0.016 → "-1,6 %", 0 → "0 %". */
export function formatSignedPercent(fraction: number, locale: AppLocale = 'da', decimals = 1): string {
  return percent(decimal(fraction, locale, { max: decimals, style: 'percent', signDisplay: 'exceptZero' }), locale)
}

/** Today's calendar date where the leader is, as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Kroner in thousands for dense tables whose header says "(1.000 kr.)": 47_612_000 → "47.612". */
export function formatThousands(kroner: number, locale: AppLocale = 'da'): string {
  return decimal(Math.round(kroner / 1000), locale, { max: 0 })
}
