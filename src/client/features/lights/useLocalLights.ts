// The unit's lights computed on the device (see localLights.ts): the server's detail with the
// forecast records laid over it, so a saved forecast repaints the budget light at once.
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { overallColour } from '../../../core/lights'
import { todayIso } from '../../shared/clock'
import { forecastAhead, localLights, mergeForecasts } from './localLights'
import type { ForecastData } from '../records/recordTypes'
import { useUnitsStore } from '../units/unitsStore'
import { useRecordList } from '../records/useRecordList'

export interface LocalLightsOptions {
  /**
   * Only once the device knows a forecast the server's lights may not contain (forecastAhead), ask
   * for the unit's detail and compute the lights; until then `lights` stays null. For the home,
   * whose list already holds the server's lights: on most starts the device knows nothing more, and
   * fetching the figures and painting the same lights again would only cost the first idle moment.
   */
  onlyWhenAhead?: boolean
}

export function useLocalLights(unitId: MaybeRefOrGetter<string>, today: string = todayIso(), opts: LocalLightsOptions = {}) {
  const units = useUnitsStore()
  const records = useRecordList<ForecastData>('forecast', unitId)
  // The unit whose forecasts were found ahead: once they are, its lights stay the device's (also
  // after the change is accepted), since the list on screen may still be from before it.
  const aheadFor = ref<string | null>(null)
  if (opts.onlyWhenAhead) {
    watch(
      records,
      (list) => {
        const id = toValue(unitId)
        if (!id || aheadFor.value === id || !list.some((r) => forecastAhead(r, units.fetchedAt))) return
        aheadFor.value = id
        void units.loadDetail(id)
      },
      { immediate: true },
    )
  }
  const wanted = computed(() => !opts.onlyWhenAhead || aheadFor.value === toValue(unitId))
  const detail = computed(() => (wanted.value ? (units.details[toValue(unitId)]?.detail ?? null) : null))
  const forecasts = computed(() => (detail.value ? mergeForecasts(detail.value.forecasts, records.value) : []))
  const lights = computed(() => (detail.value ? localLights(detail.value, forecasts.value, today) : null))
  const overall = computed(() => (lights.value ? overallColour(lights.value) : null))
  return { detail, forecasts, lights, overall }
}
