// What every page of one unit starts with: the unit from the route, its detail asked for whenever
// the unit changes (the store answers from the cache first, so offline still shows the last copy);
// for the pages that show lights, those lights computed on the device; for the pages of one
// indicator, the indicator the route names.
import { computed, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'
import type { IndicatorKey, UnitLights } from '../../../core/types'
import { todayIso } from '../../shared/clock'
import { indicatorFromSlug } from '../../paths'
import { useUnitsStore } from './unitsStore'
import { useLocalLights } from '../lights/useLocalLights'

/** The unit in the route, with its detail loading. For pages that need no lights (the notes). */
export function useRouteUnit() {
  const route = useRoute()
  const units = useUnitsStore()
  const unitId = computed(() => String(route.params.unitId ?? ''))
  watch(unitId, (id) => void units.loadDetail(id), { immediate: true })
  return { unitId }
}

/** The unit in the route with its device-computed lights, all as of `today`. */
export function useUnitPage(today: string = todayIso()) {
  const { unitId } = useRouteUnit()
  return { unitId, today, ...useLocalLights(unitId, today) }
}

/** The indicator the route names by its Danish address segment (null for a name that is none), and its light once there are lights. */
export function useRouteIndicator(lights: Ref<UnitLights | null>) {
  const route = useRoute()
  const named = computed<IndicatorKey | null>(() => indicatorFromSlug(String(route.params.indicator ?? '')))
  // An indicator switched off for the municipality has no light: as unknown as a wrong name.
  const indicator = computed(() => (named.value && lights.value && !lights.value[named.value] ? null : named.value))
  const light = computed(() => (lights.value && indicator.value ? (lights.value[indicator.value] ?? null) : null))
  return { indicator, light }
}
