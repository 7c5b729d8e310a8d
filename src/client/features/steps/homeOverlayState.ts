// What HomeOverlay.vue hands the home. In a .ts file, not the component: a type exported from a
// .vue file is seen by vue-tsc but not by type-aware lint, for which it would be an unresolved any.
import type { IndicatorKey, UnitLights, Colour } from '../../../core/types'
import type { StepsProgress } from '../../../core/steps'

export interface HomeOverlayState {
  lights: UnitLights | null
  overall: Colour | null
  progress: Record<IndicatorKey, StepsProgress>
}
