// Every number, amount and date the leader sees goes through here, so Danish formats are the same
// everywhere ("12,4 mio. kr.", "845.000 kr.", "2,5 %", "31. oktober 2026"). Spaces inside a value are
// non-breaking so an amount never wraps in the middle.
import type { IsoDate, Period } from '../../core/types'

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

/**
 * Builds the formatters the leader's first screen uses. The first Intl formatter a page creates
 * pays a one-time start-up of the locale data (tens of ms on a slow phone); built while the app
 * waits for the network, that cost is not added to the task that renders the lights. Each
 * formatter is built in a task of its own, starting at once (an idle moment may come only after
 * the lights have rendered), so that none of these tasks is long.
 */
export function prepareFormats(locale: AppLocale): void {
  const steps = [
    () => formatDate('2000-01-01', locale),
    () => formatAmount(1_000_000, locale),
    () => formatAmount(0, locale),
    () => formatPercent(0, locale),
    () => formatDifference(0, 0, locale),
  ]
  const next = () => {
    steps.shift()?.()
    if (steps.length > 0) setTimeout(next)
  }
  setTimeout(next)
}

/** Kroner: "12,4 mio. kr." from one million up, "845.000 kr." below (whole kroner). */
export function formatAmount(kroner: number, locale: AppLocale = 'da'): string {
  if (Math.abs(kroner) >= 1_000_000) {
    const millions = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(kroner / 1_000_000)
    return locale === 'da' ? `${millions}${NBSP}mio.${NBSP}kr.` : `DKK${NBSP}${millions}${NBSP}m`
  }
  const whole = numberFormat(locale, { maximumFractionDigits: 0 }).format(kroner)
  return locale === 'da' ? `${whole}${NBSP}kr.` : `DKK${NBSP}${whole}`
}

/** A fraction as per cent: 0.025 → "2,5 %", 0.01 → "1 %". Up to one decimal. */
export function formatPercent(fraction: number, locale: AppLocale = 'da', decimals = 1): string {
  const text = numberFormat(locale, { style: 'percent', maximumFractionDigits: decimals }).format(fraction)
  // Intl puts a no-break space before % in Danish already; normalise any other space to it.
  return text.replace(/\s/g, NBSP)
}

/** A whole number with grouping: 1234 → "1.234". */
export function formatNumber(value: number, locale: AppLocale = 'da'): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value)
}

function parseIso(date: IsoDate): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`)
}

/** "31. oktober 2026" / "31 October 2026". */
export function formatDate(date: IsoDate, locale: AppLocale = 'da'): string {
  return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(parseIso(date))
}

/** "31. okt. 2026": for tables where space is short. */
export function formatShortDate(date: IsoDate, locale: AppLocale = 'da'): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(parseIso(date))
}

/** "oktober" */
export function formatMonthName(month: number, locale: AppLocale = 'da'): string {
  return dateFormat(locale, { month: 'long' }).format(new Date(Date.UTC(2000, month - 1, 1)))
}

/** "oktober 2026" */
export function formatPeriod(period: Period, locale: AppLocale = 'da'): string {
  return dateFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(Date.UTC(period.year, period.month - 1, 1)))
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
  const text = numberFormat(locale, { style: 'percent', maximumFractionDigits: decimals, signDisplay: 'exceptZero' }).format(fraction)
  return text.replace(/\s/g, NBSP)
}

/**
 * A budget overrun or saving in full kroner with sign, and its share of the budget with one
 * decimal: "+3.370.000 kr. (+6,0 %)", "-120.000 kr. (-1,0 %)"; without a share (a budget of 0)
 * the amount alone. The sign says over or under, so the amount is never rounded to millions.
 */
export function formatDifference(kroner: number, fraction: number | null, locale: AppLocale = 'da'): string {
  const whole = numberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(Math.round(kroner))
  const amount = locale === 'da' ? `${whole}${NBSP}kr.` : `DKK${NBSP}${whole}`
  if (fraction === null) return amount
  const pct = numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(fraction)
  return `${amount} (${pct.replace(/\s/g, NBSP)})`
}

/** Kroner in thousands for dense tables whose header says "(1.000 kr.)": 47_612_000 → "47.612". */
export function formatThousands(kroner: number, locale: AppLocale = 'da'): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(kroner / 1000))
}
