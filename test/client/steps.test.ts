import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { stepsProgress } from '../../src/core/steps'
import { mountAt } from './routed'
import { detailWithFigures, INITIATIVE, plain } from './fixtures'
import { eachTestOnAFreshDevice, expectSaved, pulled, saved } from './realRecords'

eachTestOnAFreshDevice()

describe('stepsProgress', () => {
  it.each([
    [
      { hasExplanation: false, initiatives: 0, preparationReady: false },
      { started: false, step: 1 },
    ],
    [
      { hasExplanation: true, initiatives: 0, preparationReady: false },
      { started: true, step: 3 },
    ],
    [
      { hasExplanation: false, initiatives: 2, preparationReady: false },
      { started: true, step: 2 },
    ],
    [
      { hasExplanation: true, initiatives: 1, preparationReady: false },
      { started: true, step: 5 },
    ],
  ])('%j → %j', (state, expected) => {
    expect(stepsProgress(state)).toEqual(expected)
  })
})

describe('StepsView', () => {
  it('shows progress, moves with next and previous, and keeps what was written', async () => {
    const { wrapper, router } = await mountAt('/enhed/u1/budget/trin/2', detailWithFigures())
    expect(wrapper.get('h1').text()).toBe('Budgetoverholdelse: trin for trin')
    expect(wrapper.get('[data-testid="step-counter"]').text()).toBe('Trin 2 af 5')
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Forklar')

    const cause = wrapper.findAll('input[type="checkbox"]')[0]!
    await cause.setValue(true)
    await wrapper.get('textarea[name="body"]').setValue('Mange vikartimer i efteråret')
    await wrapper.get('input[type="radio"][value="yes"]').setValue(true)

    await wrapper.get('[data-testid="step-next"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/enhed/u1/budget/trin/3'))
    await flushPromises()
    expect(wrapper.get('[data-testid="step-counter"]').text()).toBe('Trin 3 af 5')
    // Saved on the way out, as the explanation of the indicator for the period shown (October 2026),
    // under the id its key gives it.
    await expectSaved([
      {
        table: 'explanation',
        recordId: 'explanation:u1:budget:2026:10',
        scopeId: 'u1',
        op: 'upsert',
        fields: {
          indicator: 'budget',
          year: 2026,
          month: 10,
          causes: ['Flere vikartimer end planlagt (sygdom, barsel)'],
          body: 'Mange vikartimer i efteråret',
          validReason: true,
        },
      },
    ])

    await wrapper.get('[data-testid="step-prev"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/enhed/u1/budget/trin/2'))
    await flushPromises()
    expect((wrapper.findAll('input[type="checkbox"]')[0]!.element as HTMLInputElement).checked).toBe(true)
    expect((wrapper.get('textarea[name="body"]').element as HTMLTextAreaElement).value).toBe('Mange vikartimer i efteråret')
    expect((wrapper.get('input[type="radio"][value="yes"]').element as HTMLInputElement).checked).toBe(true)
    wrapper.unmount()
  })

  it('step 4 gives the economics contact as mailto and tel links', async () => {
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/4', detailWithFigures())
    const contact = wrapper.get('[data-testid="economics-contact"]')
    expect(contact.text()).toContain('Eva Økonomi')
    const links = contact.findAll('a')
    expect(links.map((a) => a.attributes('href'))).toEqual(['mailto:eva@example.dk', 'tel:12345678'])
    expect(wrapper.find('[data-testid="step-prev"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('step 5 summarises and marks the preparation ready for the OC', async () => {
    await pulled('explanation', 'explanation:u1:budget:2026:10', {
      indicator: 'budget',
      year: 2026,
      month: 10,
      causes: ['Engangsudgift, der ikke gentager sig'],
      body: '',
      validReason: true,
    })
    await pulled('initiative', 'i1', INITIATIVE)
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/5', detailWithFigures())
    const summary = wrapper.get('[data-testid="preparation-summary"]')
    await vi.waitFor(() => expect(plain(summary.text())).toContain('Engangsudgift, der ikke gentager sig'))
    await vi.waitFor(() => expect(plain(summary.text())).toContain('Færre vikarer'))
    expect(plain(summary.text())).toContain('Færre vikarer')
    expect(plain(summary.text())).toContain('150.000 kr.')
    await wrapper.get('textarea').setValue('Kan vi flytte en udgift til næste år?')
    await wrapper.get('[data-testid="mark-ready"]').trigger('click')
    await vi.waitFor(async () => expect((await saved()).at(-1)?.table).toBe('dialoguePreparation'))
    const preparation = (await saved()).at(-1)!
    expect(preparation).toMatchObject({ recordId: 'dialoguePreparation:u1:2026:10', scopeId: 'u1', op: 'upsert' })
    expect(preparation.fields).toMatchObject({ year: 2026, month: 10, questions: 'Kan vi flytte en udgift til næste år?' })
    expect(typeof preparation.fields.readyAt).toBe('string')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="ready-state"]').text()).toContain('deles med din områdechef ved næste synkronisering'))
    expect(wrapper.find('[data-testid="step-done"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
