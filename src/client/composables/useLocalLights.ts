// The unit's lights computed on the device (see localLights.ts): the server's detail with the
// forecast records laid over it, so a saved forecast repaints the budget light at once.
import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { overallColour } from '../../core/lights'
import { todayIso } from '../format'
import { localLights, mergeForecasts } from '../localLights'
import type { ForecastData } from '../recordTypes'
import { useUnitsStore } from '../stores/units'
import { useRecordList } from './useRecordList'

export function useLocalLights(unitId: MaybeRefOrGetter<string>, today: string = todayIso()) {
  const units = useUnitsStore()
  const detail = computed(() => units.details[toValue(unitId)]?.detail ?? null)
  const records = useRecordList<ForecastData>('forecast', unitId)
  const forecasts = computed(() => (detail.value ? mergeForecasts(detail.value.forecasts, records.value) : []))
  const lights = computed(() => (detail.value ? localLights(detail.value, forecasts.value, today) : null))
  const overall = computed(() => (lights.value ? overallColour(lights.value) : null))
  return { detail, forecasts, lights, overall }
}
