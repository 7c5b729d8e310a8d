import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import LightCard from '../../src/client/features/lights/LightCard.vue'
import { i18n } from '../../src/client/i18n'
import type { Light } from '../../src/core/types'
import { budgetFacts, forecastFacts, greyLight, light, plain } from './fixtures'

function mountCard(l: Light) {
  return mount(LightCard, { props: { light: l, unitId: 'u1' }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } })
}

describe('LightCard', () => {
  it('red: colour word, octagon icon, reason and next step', () => {
    const w = mountCard(light(budgetFacts(), 'red'))
    expect(w.get('h3').text()).toBe('Budgetoverholdelse')
    expect(w.get('.traffic-light').text()).toBe('rød')
    expect(w.get('svg').attributes('aria-hidden')).toBe('true')
    expect(w.get('svg').attributes('data-shape')).toBe('red')
    expect(w.find('svg polygon').attributes('points')?.split(' ')).toHaveLength(8)
    expect(plain(w.get('[data-testid="reason"]').text())).toBe('Forventet regnskab 12,4 mio. kr. mod budget 12,1 mio. kr. — 2,5 % over (grænse 1 %)')
    expect(w.get('[data-testid="hint"]').text()).toMatch(/^Det kan du gøre: Sæt initiativer i gang/)
    expect(w.get('article').attributes('data-colour')).toBe('red')
  })

  it('yellow: triangle and a hint', () => {
    const w = mountCard(light(forecastFacts({ accuracy: 0.013 }), 'yellow'))
    expect(w.get('.traffic-light').text()).toBe('gul')
    expect(w.find('svg polygon').attributes('points')?.split(' ')).toHaveLength(3)
    expect(w.find('[data-testid="hint"]').exists()).toBe(true)
  })

  it('green: circle and no hint', () => {
    const w = mountCard(light(budgetFacts({ forecast: 12_000_000, deviation: -0.008 }), 'green'))
    expect(w.get('.traffic-light').text()).toBe('grøn')
    expect(w.find('svg circle').exists()).toBe(true)
    expect(w.find('[data-testid="hint"]').exists()).toBe(false)
  })

  it('grey: says what is missing, no hint', () => {
    const w = mountCard(greyLight(budgetFacts({ forecast: null, deviation: null }), 'noForecast'))
    expect(w.get('.traffic-light').text()).toBe('ukendt')
    expect(w.find('svg path').exists()).toBe(true)
    expect(w.get('[data-testid="reason"]').text()).toBe('Der mangler en prognose — indtast forventet regnskab')
    expect(w.find('[data-testid="hint"]').exists()).toBe(false)
  })

  it('links to the detail with a name that says which indicator', () => {
    const w = mountCard(light(budgetFacts(), 'red'))
    const link = w.getComponent(RouterLinkStub)
    expect(link.props('to')).toBe('/enhed/u1/budget')
    expect(plain(link.text())).toBe('Se historik og detaljer for Budgetoverholdelse')
  })
})
