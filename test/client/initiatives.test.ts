import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import StepAct from '../../src/client/components/steps/StepAct.vue'
import { i18n } from '../../src/client/i18n'
import { createFakeRecords, record, type FakeRecords } from './fakeRecords'
import { budgetFacts, light, plain } from './fixtures'

const fake = vi.hoisted(() => ({ store: null as unknown }))
vi.mock('../../src/client/stores/records', () => ({ useRecordsStore: () => fake.store }))

let records: FakeRecords
beforeEach(() => {
  setActivePinia(createPinia())
  records = createFakeRecords()
  fake.store = records
  document.body.innerHTML = ''
})

function mountAct() {
  return mount(StepAct, {
    props: { unitId: 'u1', indicator: 'budget', light: light(budgetFacts({ difference: 300_000 }), 'red') },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}
const buttonNamed = (w: ReturnType<typeof mountAct>, name: string) => {
  const b = w.findAll('button').find((x) => plain(x.text()) === name)
  if (!b) throw new Error(`no button "${name}" in: ${w.findAll('button').map((x) => plain(x.text())).join(' / ')}`)
  return b
}

describe('StepAct: initiatives', () => {
  it('adds one: a missing title is refused beside the field, then it saves with Danish kroner', async () => {
    const w = mountAct()
    expect(w.find('[data-testid="no-initiatives"]').exists()).toBe(true)
    await buttonNamed(w, 'Nyt initiativ').trigger('click')
    const form = w.get('form')
    await form.trigger('submit')
    await flushPromises()
    const title = form.get('input[type="text"]')
    expect(title.attributes('aria-invalid')).toBe('true')
    const errorId = title.attributes('aria-describedby')!
    expect(w.get(`#${errorId.replace(/:/g, '\\:')}`).text()).toBe('Titlen må ikke være tom.')
    expect(records.save).not.toHaveBeenCalled()

    await title.setValue('Færre vikarer')
    const inputs = form.findAll('input')
    await inputs[1]!.setValue('Lea')
    await inputs[2]!.setValue('2026-12-01')
    await inputs[3]!.setValue('150.000')
    await form.get('select').setValue('in_progress')
    await form.trigger('submit')
    await flushPromises()
    expect(records.save).toHaveBeenCalledWith('initiative', {
      id: undefined, scopeId: 'u1',
      fields: { indicator: 'budget', title: 'Færre vikarer', owner: 'Lea', dueDate: '2026-12-01', expectedEffect: 150_000, status: 'in_progress' },
    })
    const item = w.get('[data-testid="initiative"]')
    expect(plain(item.text())).toContain('Færre vikarer')
    expect(plain(item.text())).toContain('1. december 2026')
    expect(plain(item.text())).toContain('150.000 kr.')
    expect(item.text()).toContain('Venter på at blive sendt')
  })

  it('edits and removes one', async () => {
    records.rows.value = [record('initiative', 'i1', { indicator: 'budget', title: 'Udskyd indkøb', owner: '', dueDate: null, expectedEffect: null, status: 'planned' })]
    const w = mountAct()
    await flushPromises()
    await buttonNamed(w, 'Rediger Udskyd indkøb').trigger('click')
    const form = w.get('form')
    expect((form.get('input').element as HTMLInputElement).value).toBe('Udskyd indkøb')
    await form.get('select').setValue('done')
    await form.trigger('submit')
    await flushPromises()
    expect(records.save).toHaveBeenLastCalledWith('initiative', expect.objectContaining({ id: 'i1', fields: expect.objectContaining({ status: 'done', title: 'Udskyd indkøb' }) }))
    expect(w.get('[data-status]').text()).toBe('Gennemført')

    await buttonNamed(w, 'Slet Udskyd indkøb').trigger('click')
    await buttonNamed(w, 'Ja, slet Udskyd indkøb').trigger('click')
    await flushPromises()
    expect(records.remove).toHaveBeenCalledWith('initiative', 'i1')
    expect(w.find('[data-testid="initiative"]').exists()).toBe(false)
  })

  it('takes a suggestion into the form to edit, with a share of the overrun as effect', async () => {
    const w = mountAct()
    await buttonNamed(w, 'Brug forslag: Stram op på brugen af vikarer').trigger('click')
    const inputs = w.get('form').findAll('input')
    expect((inputs[0]!.element as HTMLInputElement).value).toBe('Stram op på brugen af vikarer')
    expect((inputs[3]!.element as HTMLInputElement).value).toBe('120.000')
    expect(records.save).not.toHaveBeenCalled()
  })
})

describe('StepAct: who wrote each initiative', () => {
  const stamps = { updatedBy: 'p-pia', updatedByName: 'Pia Pedersen', updatedAt: '2026-11-12T12:00:00.000Z', createdBy: 'p-pia', createdByName: 'Pia Pedersen' }
  const fields = { indicator: 'budget', title: 'Fælles indkøb', owner: '', dueDate: null, expectedEffect: null, status: 'planned' }

  it('names who changed it last, with a Danish date and time', async () => {
    records.rows.value = [record('initiative', 'i1', { ...fields, ...stamps })]
    const w = mountAct()
    await flushPromises()
    expect(plain(w.get('[data-testid="initiative"]').text())).toMatch(/Skrevet af Pia Pedersen · 12\. november 2026 kl\. \d\d\.\d\d/)
    w.unmount()
  })

  it('says "dig", without the older change’s time, while the person’s own change waits to be sent', async () => {
    records.rows.value = [record('initiative', 'i1', { ...fields, ...stamps, title: 'Mit nye navn' }, { pendingFields: ['title'] })]
    const w = mountAct()
    await flushPromises()
    const text = plain(w.get('[data-testid="initiative"]').text())
    expect(text).toContain('Skrevet af dig')
    expect(text).not.toContain('Pia Pedersen')
    expect(text).not.toContain('november')
    w.unmount()
  })
})
