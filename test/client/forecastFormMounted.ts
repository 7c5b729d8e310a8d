// The forecast form as the forecast page shows it, for the form's own tests.
import { mount } from '@vue/test-utils'
import ForecastForm from '../../src/client/features/forecast/ForecastForm.vue'
import { i18n } from '../../src/client/i18n'
import { detailWithFigures } from './fixtures'

/** The forecast of a unit's month has the id derived from its key (core/sync/kind.ts). */
export const NOVEMBER = 'forecast:u1:2026:11'

/** u1's forecast form on 15 November 2026 (figures January–October, a September forecast), on the page. */
export function mountForecastForm() {
  const d = detailWithFigures()
  return mount(ForecastForm, {
    props: { unitId: 'u1', figures: d.figures, forecasts: d.forecasts, ruleSet: d.ruleSet, today: '2026-11-15' },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}
