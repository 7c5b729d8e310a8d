// The unit's lights as the device sees them now: the server's figures and rule set, with the
// forecasts the leader has written on this device laid over the ones the server sent. So the budget
// light changes the moment a forecast is saved, offline too, by the same rules the server uses.
import { budgetLight } from '../core/indicators/budget'
import { forecastLight } from '../core/indicators/forecast'
import { overallColour } from '../core/lights'
import { periodOf } from '../core/dates'
import type { Colour, ForecastEntry, IsoDate, Light, UnitLights } from '../core/types'
import type { UnitDetail } from './api/types'
import { latestForecast } from './forecastEntry'
import type { ForecastData } from './recordTypes'

/** The fields mergeForecasts needs of a local record (the records store's LocalRecord fits). */
export interface LocalForecast {
  id: string
  /** The unit: a forecast's scope. */
  scopeId: string
  deleted: boolean
  data: ForecastData
}

/** A forecast with the name of who gave it, when the synced record says (the unit detail does not). */
export interface AuthoredForecast extends ForecastEntry {
  updatedByName?: string | null
}

/** Server forecasts, replaced by local records with the same id, plus local ones; deleted ones go. */
export function mergeForecasts(server: ForecastEntry[], local: LocalForecast[]): AuthoredForecast[] {
  const byId = new Map<string, AuthoredForecast>(server.map((f) => [f.id, f]))
  for (const r of local) {
    if (r.deleted) {
      byId.delete(r.id)
      continue
    }
    const d = r.data
    if (typeof d.year !== 'number' || typeof d.month !== 'number' || typeof d.amount !== 'number') continue
    byId.set(r.id, {
      id: r.id, unitId: r.scopeId, year: d.year, month: d.month, amount: d.amount, explanation: d.explanation ?? null,
      updatedBy: d.updatedBy ?? null, updatedAt: d.updatedAt ?? byId.get(r.id)?.updatedAt, updatedByName: d.updatedByName ?? null,
    })
  }
  return [...byId.values()]
}

/**
 * The lights of the detail's period with the given forecasts. Budget: the leader's latest forecast,
 * including one given this month, after the period's figures (DOMAIN.md: "the leader's latest
 * forecast"). Forecast accuracy: judged from last month's forecast exactly as the server does.
 * A light the server recorded or imported is kept as it is, and so is a closed year's final budget.
 */
export function localLights(detail: UnitDetail, forecasts: ForecastEntry[], today: IsoDate): UnitLights {
  const period = detail.period
  if (!period) return detail.lights
  const server = detail.lights
  const keep = (l: Light) => l.source !== 'computed' || (l.facts.kind === 'budget' && l.facts.final)
  const now = periodOf(today)
  const upTo = now.year === period.year ? Math.max(period.month, now.month) : now.year > period.year ? 12 : period.month
  const latest = latestForecast(forecasts, period.year, upTo)
  const ruleSet = detail.ruleSet
  try {
    const budget = keep(server.budget)
      ? server.budget
      : budgetLight({
          period, figures: detail.figures, ruleSet, closed: false,
          // Counted as in force for the period: it is the latest word on the year's spend.
          forecasts: latest ? [{ ...latest, month: Math.min(latest.month, period.month) }] : [],
        })
    const forecast = keep(server.forecast) ? server.forecast : forecastLight({ period, figures: detail.figures, forecasts, ruleSet })
    return { ...server, budget, forecast }
  } catch {
    // Rules that cannot judge this detail (e.g. an odd rule set) must never hide the server's lights.
    return server
  }
}

export function localOverall(lights: UnitLights): Colour {
  return overallColour(lights)
}
