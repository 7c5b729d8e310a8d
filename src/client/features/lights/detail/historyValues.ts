// How an indicator's monthly value is written in the history table and chart.
import type { IndicatorKey, Light, Period, UnitLights } from '../../../../core/types'
import { formatPercent, formatSignedPercent, type AppLocale } from '../../../shared/format'
import { lightValue } from '../reasons'

/** Budget and forecast are deviations (signed); action plan and balance are shares. */
export function formatLightValue(light: Light, locale: AppLocale): string | null {
  const value = lightValue(light)
  if (value === null) return null
  return signed(light.indicator) ? formatSignedPercent(value, locale) : formatPercent(value, locale)
}

/** The indicator's light of each month of the history (each has it, unless it is switched off). */
export function monthsOf(history: ReadonlyArray<{ period: Period; lights: UnitLights }>, indicator: IndicatorKey): Array<{ period: Period; light: Light }> {
  return history.flatMap((h) => {
    const light = h.lights[indicator]
    return light ? [{ period: h.period, light }] : []
  })
}

export function signed(indicator: IndicatorKey): boolean {
  return indicator === 'budget' || indicator === 'forecast'
}
