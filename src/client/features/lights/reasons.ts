// Turns a Light's facts into the sentence that says why it has its colour, the next step for yellow
// and red, and the value shown month by month in the history. Never by colour alone (DOMAIN.md).
import type { Colour, IndicatorKey, Light } from '../../../core/types'
import { formatAmount, formatDifference, formatMonthName, formatPercent, type AppLocale } from '../../shared/format'

/** The slice of vue-i18n that reasons need, so tests and components pass the same thing. */
export interface Texts {
  locale: AppLocale
  t(key: string, named?: Record<string, unknown>): string
  /** Plural forms "zero | one | many" chosen by n; {n} is available in the message. */
  tn(key: string, n: number, named?: Record<string, unknown>): string
}

export interface LightText {
  /** One sentence (two for the forecast) with figures, target and difference. */
  reason: string
  /** What the leader can do next: yellow and red only. */
  hint: string | null
  /** The budget's overrun (or saving) in kroner and per cent, "+3.370.000 kr. (+6,0 %)"; null elsewhere. */
  difference: string | null
}

function sign(value: number): 'Over' | 'Under' | 'Equal' {
  if (value > 0) return 'Over'
  if (value < 0) return 'Under'
  return 'Equal'
}

function reasonSentence(light: Light, x: Texts): string {
  const amount = (n: number) => formatAmount(n, x.locale)
  const pct = (n: number) => formatPercent(n, x.locale)
  if (light.missing) return x.t(`reason.missing.${light.missing}`)
  const f = light.facts
  if (light.source === 'imported') {
    // An imported value has no figures behind it: the value, and the limit it is judged by.
    const target = f.kind === 'budget' ? `≤ ${pct(f.tolerance)}` : f.kind === 'forecast' ? `± ${pct(f.interval)}` : `≥ ${pct(f.target)}`
    return x.t('reason.imported', { pct: pct(lightValue(light) ?? 0), target })
  }
  switch (f.kind) {
    case 'budget': {
      if (f.forecast === null || f.deviation === null) return x.t('reason.missing.noForecast')
      const key = `reason.budget${f.final ? 'Final' : ''}${sign(f.deviation)}`
      return x.t(key, { forecast: amount(f.forecast), budget: amount(f.budget), pct: pct(Math.abs(f.deviation)), limit: pct(f.tolerance) })
    }
    case 'forecast': {
      if (f.impliedSpend === null || f.accuracy === null) return x.t('reason.missing.noPriorForecast')
      return x.t(`reason.forecast${sign(f.accuracy)}`, {
        implied: amount(f.impliedSpend),
        actual: amount(f.actualSpend),
        month: formatMonthName(light.period.month, x.locale),
        pct: pct(Math.abs(f.accuracy)),
        interval: pct(f.interval),
      })
    }
    case 'actionPlan': {
      if (f.fulfilment === null) return x.t('reason.missing.noActionsDue')
      return x.t('reason.actionPlan', { done: f.doneOnTime, due: f.due, pct: pct(f.fulfilment), target: pct(f.target) })
    }
    case 'balance': {
      if (f.rate === null) return x.t('reason.missing.noAccountsDue')
      const main = x.t('reason.balance', { done: f.reconciledOnTime, due: f.due, pct: pct(f.rate), target: pct(f.target) })
      return f.open > 0 ? `${main}; ${x.tn('reason.balanceOpen', f.open)}` : main
    }
  }
}

export function nextStepHint(indicator: IndicatorKey, colour: Colour, x: Texts): string | null {
  return colour === 'yellow' || colour === 'red' ? x.t(`hint.${indicator}.${colour}`) : null
}

export function lightText(light: Light, x: Texts): LightText {
  return {
    reason: reasonSentence(light, x),
    hint: nextStepHint(light.indicator, light.colour, x),
    difference: budgetDifference(light, x.locale),
  }
}

function budgetDifference(light: Light, locale: AppLocale): string | null {
  const f = light.facts
  if (light.missing || f.kind !== 'budget' || f.difference === null) return null
  return formatDifference(f.difference, f.deviation, locale)
}

/** The indicator's value as a fraction, for the history chart and table; null when unknown. */
export function lightValue(light: Light): number | null {
  const f = light.facts
  switch (f.kind) {
    case 'budget':
      return f.deviation
    case 'forecast':
      return f.accuracy
    case 'actionPlan':
      return f.fulfilment
    case 'balance':
      return f.rate
  }
}
