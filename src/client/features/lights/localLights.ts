// The unit's lights as the device sees them now: the server's figures and rule set, with the
// forecasts the leader has written on this device laid over the ones the server sent. So the budget
// light changes the moment a forecast is saved, offline too, by the same rules the server uses.
import { relightWithForecasts } from '../../../core/lights'
import type { ForecastEntry, IsoDate, UnitLights } from '../../../core/types'
import type { UnitDetail } from '../../api/types'
import type { ForecastData } from '../records/recordTypes'

/** The fields mergeForecasts needs of a local record (the records store's LocalRecord fits). */
export interface LocalForecast {
  id: string
  /** The unit: a forecast's scope. */
  scopeId: string
  deleted: boolean
  data: ForecastData
}

/** What a local record says about its state against the server (the records store's LocalRecord fits). */
export interface ForecastRecordState {
  data: Pick<ForecastData, 'updatedAt'>
  pendingFields: string[]
  conflicts: unknown[]
  rejection: unknown
}

/**
 * True when the device knows a forecast that the lights the server judged at `judgedAt` (ms, the
 * device's clock when they were fetched) may not contain: a change not yet accepted, a conflict or
 * a refusal, or a synced change the server stamped later than that. Only then can the device's own
 * lights differ from the server's. The clocks of device and server may differ a little; a wrong
 * guess costs one needless relight or, for a change made within that skew, waits for the next
 * refresh of the list.
 */
export function forecastAhead(record: ForecastRecordState, judgedAt: number | null): boolean {
  if (record.pendingFields.length > 0 || record.conflicts.length > 0 || record.rejection !== null) return true
  const stamped = record.data.updatedAt ? Date.parse(record.data.updatedAt) : Number.NaN
  return judgedAt === null || (Number.isFinite(stamped) && stamped > judgedAt)
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
      id: r.id,
      unitId: r.scopeId,
      year: d.year,
      month: d.month,
      amount: d.amount,
      explanation: d.explanation ?? null,
      updatedBy: d.updatedBy ?? null,
      updatedAt: d.updatedAt ?? byId.get(r.id)?.updatedAt,
      updatedByName: d.updatedByName ?? null,
    })
  }
  return [...byId.values()]
}

/**
 * The lights of the detail's period with the given forecasts, by core's rule for the latest open
 * period (relightWithForecasts): the budget by the leader's latest forecast given up to today,
 * forecast accuracy from last month's forecast; a recorded, imported or final light stays.
 */
export function localLights(detail: UnitDetail, forecasts: ForecastEntry[], today: IsoDate): UnitLights {
  const period = detail.period
  if (!period) return detail.lights
  try {
    return relightWithForecasts(detail.lights, { period, figures: detail.figures, forecasts, ruleSet: detail.ruleSet, latestForecastOn: today })
  } catch {
    // Rules that cannot judge this detail (e.g. an odd rule set) must never hide the server's lights.
    return detail.lights
  }
}
