import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import StepAct from '../../src/client/features/steps/StepAct.vue'
import { i18n } from '../../src/client/i18n'
import { useRecordsStore } from '../../src/client/features/records/recordsStore'
import { budgetFacts, buttonNamed, INITIATIVE, leaderMe, light, plain } from './fixtures'
import { eachTestOnAFreshDevice, outbox, pulled } from './realRecords'
import { anyOf } from '../helpers/match'

// A leader of u1: the forms ask the access policy about the signed-in person.
eachTestOnAFreshDevice(leaderMe)

/** Dexie answers in its own tasks: wait for what the test expects to be on screen. */
const settled = (check: () => void) => vi.waitFor(check)

function mountAct() {
  return mount(StepAct, {
    props: { unitId: 'u1', indicator: 'budget', light: light(budgetFacts({ difference: 300_000 }), 'red') },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}

describe('StepAct: initiatives', () => {
  it('adds one: a missing title is refused beside the field, then it saves with Danish kroner', async () => {
    const w = mountAct()
    await settled(() => expect(w.find('[data-testid="no-initiatives"]').exists()).toBe(true))
    await buttonNamed(w, 'Nyt initiativ').trigger('click')
    const form = w.get('form')
    await form.trigger('submit')
    await flushPromises()
    const title = form.get('input[type="text"]')
    expect(title.attributes('aria-invalid')).toBe('true')
    const errorId = title.attributes('aria-describedby')!
    expect(w.get(`#${errorId.replace(/:/g, '\\:')}`).text()).toBe('Titlen må ikke være tom.')
    expect(await outbox()).toEqual([])

    await title.setValue('Færre vikarer')
    const inputs = form.findAll('input')
    await inputs[1]!.setValue('Lea')
    await inputs[2]!.setValue('2026-12-01')
    await inputs[3]!.setValue('150.000')
    await form.get('select').setValue('in_progress')
    await form.trigger('submit')
    await flushPromises()
    expect(await outbox()).toEqual([
      {
        table: 'initiative',
        recordId: anyOf(String),
        op: 'upsert',
        fields: { ...INITIATIVE, progressNote: '' },
      },
    ])
    await settled(() => expect(w.find('[data-testid="initiative"]').exists()).toBe(true))
    const item = w.get('[data-testid="initiative"]')
    expect(plain(item.text())).toContain('Færre vikarer')
    expect(plain(item.text())).toContain('1. december 2026')
    expect(plain(item.text())).toContain('150.000 kr.')
    expect(item.text()).toContain('Venter på at blive sendt')
  })

  it('edits and removes one', async () => {
    await pulled('initiative', 'i1', { indicator: 'budget', title: 'Udskyd indkøb', owner: '', dueDate: null, expectedEffect: null, status: 'planned' })
    const w = mountAct()
    await settled(() => expect(w.find('[data-testid="initiative"]').exists()).toBe(true))
    await buttonNamed(w, 'Rediger Udskyd indkøb').trigger('click')
    const form = w.get('form')
    expect((form.get('input').element as HTMLInputElement).value).toBe('Udskyd indkøb')
    await form.get('select').setValue('done')
    await form.trigger('submit')
    await flushPromises()
    // Only what changed goes to the server.
    expect(await outbox()).toEqual([{ table: 'initiative', recordId: 'i1', op: 'upsert', fields: { status: 'done' } }])
    await settled(() => expect(w.get('[data-status]').text()).toBe('Gennemført'))

    await buttonNamed(w, 'Slet Udskyd indkøb').trigger('click')
    await buttonNamed(w, 'Ja, slet Udskyd indkøb').trigger('click')
    await flushPromises()
    expect((await outbox()).at(-1)).toEqual({ table: 'initiative', recordId: 'i1', op: 'delete', fields: {} })
    await settled(() => expect(w.find('[data-testid="initiative"]').exists()).toBe(false))
  })

  it('takes a suggestion into the form to edit, with a share of the overrun as effect', async () => {
    const w = mountAct()
    await buttonNamed(w, 'Brug forslag: Stram op på brugen af vikarer').trigger('click')
    const inputs = w.get('form').findAll('input')
    expect((inputs[0]!.element as HTMLInputElement).value).toBe('Stram op på brugen af vikarer')
    expect((inputs[3]!.element as HTMLInputElement).value).toBe('120.000')
    expect(await outbox()).toEqual([])
  })
})

describe('StepAct: who wrote each initiative', () => {
  const stamps = { updatedBy: 'p-pia', updatedByName: 'Pia Pedersen', updatedAt: '2026-11-12T12:00:00.000Z', createdBy: 'p-pia', createdByName: 'Pia Pedersen' }
  const fields = { indicator: 'budget', title: 'Fælles indkøb', owner: '', dueDate: null, expectedEffect: null, status: 'planned' }

  it('names who changed it last, with a Danish date and time', async () => {
    await pulled('initiative', 'i1', { ...fields, ...stamps })
    const w = mountAct()
    await settled(() => expect(w.find('[data-testid="initiative"]').exists()).toBe(true))
    expect(plain(w.get('[data-testid="initiative"]').text())).toMatch(/Skrevet af Pia Pedersen · 12\. november 2026 kl\. \d\d\.\d\d/)
    w.unmount()
  })

  it('says "dig", without the older change’s time, while the person’s own change waits to be sent', async () => {
    await pulled('initiative', 'i1', { ...fields, ...stamps })
    await useRecordsStore().save('initiative', { id: 'i1', scopeId: 'u1', fields: { title: 'Mit nye navn' } })
    const w = mountAct()
    await settled(() => expect(plain(w.get('[data-testid="initiative"]').text())).toContain('Mit nye navn'))
    const text = plain(w.get('[data-testid="initiative"]').text())
    expect(text).toContain('Skrevet af dig')
    expect(text).not.toContain('Pia Pedersen')
    expect(text).not.toContain('november')
    w.unmount()
  })
})
