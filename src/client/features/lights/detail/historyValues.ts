// How an indicator's monthly value is written in the history table and chart.
import type { IndicatorKey, Light } from '../../../../core/types'
import { formatPercent, formatSignedPercent, type AppLocale } from '../../../shared/format'
import { lightValue } from '../reasons'

/** Budget and forecast are deviations (signed); action plan and balance are shares. */
export function formatLightValue(light: Light, locale: AppLocale): string | null {
  const value = lightValue(light)
  if (value === null) return null
  return signed(light.indicator) ? formatSignedPercent(value, locale) : formatPercent(value, locale)
}

export function signed(indicator: IndicatorKey): boolean {
  return indicator === 'budget' || indicator === 'forecast'
}
