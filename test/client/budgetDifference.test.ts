// The budget's overrun in kroner and per cent beside the reason, on the card and in the detail:
// "+3.370.000 kr. (+6,0 %)" (the defect: only "6 % over" was shown).
import 'fake-indexeddb/auto'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import LightCard from '../../src/client/features/lights/LightCard.vue'
import { i18n } from '../../src/client/i18n'
import type { Light } from '../../src/core/types'
import { budgetFacts, detailWithFigures, forecastFacts, greyLight, light, plain } from './fixtures'
import { eachTestOnAFreshDevice, pulled } from './realRecords'
import { mountAt } from './routed'

eachTestOnAFreshDevice()

function mountCard(l: Light) {
  return mount(LightCard, { props: { light: l, unitId: 'u1' }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } })
}
const difference = (w: ReturnType<typeof mount>) => plain(w.get('[data-testid="difference"]').text())

describe('the budget difference in kroner', () => {
  it('on the card: the overrun with sign, in full kroner, and the per cent with one decimal', () => {
    const w = mountCard(light(budgetFacts({ forecast: 59_570_000, budget: 56_200_000, difference: 3_370_000, deviation: 3_370_000 / 56_200_000 }), 'red'))
    expect(plain(w.get('[data-testid="reason"]').text())).toBe('Forventet regnskab 59,6 mio. kr. mod budget 56,2 mio. kr. — 6 % over (grænse 1 %)')
    expect(difference(w)).toBe('Forskel: +3.370.000 kr. (+6,0 %)')
  })

  it('a saving is signed minus; no difference without a forecast, nor on other indicators', () => {
    expect(difference(mountCard(light(budgetFacts({ difference: -121_000, deviation: -0.01 }), 'green')))).toBe('Forskel: -121.000 kr. (-1,0 %)')
    expect(
      mountCard(greyLight(budgetFacts({ forecast: null, difference: null, deviation: null }), 'noForecast'))
        .find('[data-testid="difference"]')
        .exists(),
    ).toBe(false)
    expect(mountCard(light(forecastFacts(), 'red')).find('[data-testid="difference"]').exists()).toBe(false)
  })

  it('in the detail, from the forecast the leader saved on this device', async () => {
    await pulled('forecast', 'f-9', { year: 2026, month: 9, amount: 12_300_000, explanation: 'Vikarer' })
    const { wrapper } = await mountAt('/enhed/u1/budget', detailWithFigures())
    await vi.waitFor(() => expect(difference(wrapper)).toBe('Forskel: +300.000 kr. (+2,5 %)'))
  })
})
