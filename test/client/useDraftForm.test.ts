// The one form pattern: draft → validate → save, never over what is being typed, errors at their
// fields (a refusal at save time too), everything typed kept on an error.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { FORM_ERROR, useDraftForm, type Checked } from '../../src/client/shared/useDraftForm'
import { InvalidFieldError } from '../../src/client/features/records/recordsStore'

beforeEach(() => {
  setActivePinia(createPinia())
  document.body.innerHTML = ''
})

type Refusal = { field?: string; message: string } | null

function host(save: (fields: Record<string, unknown>) => Promise<string>, refusal = ref<Refusal>(null)) {
  const stored = ref<{ title: string } | null>(null)
  let form!: ReturnType<typeof useDraftForm<{ title: string }, string>>
  const Host = defineComponent({
    setup() {
      form = useDraftForm({
        load: () => ({ title: stored.value?.title ?? '' }),
        source: stored,
        check: (d): Checked =>
          d.title.trim() === '' ? { ok: false, errors: { title: 'Skriv en titel.', year: 'Året mangler.' } } : { ok: true, fields: { title: d.title.trim() } },
        save,
        fields: ['title'],
        fieldId: (f) => `f-${f}`,
        saveFailed: () => 'Kunne ikke gemme.',
        refusal: () => refusal.value,
      })
      return () => h('input', { id: 'f-title', value: form.draft.title })
    },
  })
  const wrapper = mount(Host, { attachTo: document.body })
  return { wrapper, stored, form: () => form }
}

describe('useDraftForm', () => {
  it('fills the draft from a record that arrives later, but never over what is being typed', async () => {
    const { stored, form } = host(() => Promise.resolve('id'))
    expect(form().draft.title).toBe('')
    stored.value = { title: 'Fra databasen' }
    await flushPromises()
    expect(form().draft.title).toBe('Fra databasen')
    expect(form().dirty.value).toBe(false)

    form().draft.title = 'Det jeg skriver'
    expect(form().dirty.value).toBe(true)
    stored.value = { title: 'Ændret ved synkronisering' }
    await flushPromises()
    expect(form().draft.title).toBe('Det jeg skriver')
  })

  it('refuses what the rules refuse: errors at the fields (others at the form), focus on the first, nothing saved', async () => {
    const save = vi.fn(() => Promise.resolve('id'))
    const { wrapper, form } = host(save)
    expect(await form().submit()).toBeNull()
    expect(form().errors.value).toEqual({ title: 'Skriv en titel.', [FORM_ERROR]: 'Året mangler.' })
    expect(document.activeElement).toBe(wrapper.get('#f-title').element)
    expect(save).not.toHaveBeenCalled()
  })

  it('saves the checked fields, and is no longer dirty afterwards', async () => {
    const save = vi.fn(() => Promise.resolve('r1'))
    const { form } = host(save)
    form().draft.title = '  Ny titel '
    expect(await form().submit()).toBe('r1')
    expect(save).toHaveBeenCalledWith({ title: 'Ny titel' })
    expect(form().dirty.value).toBe(false)
    expect(form().errors.value).toEqual({})
  })

  it('a refusal at save time lands on the field it names; another failure at the form; the draft stays', async () => {
    const save = vi
      .fn<(fields: Record<string, unknown>) => Promise<string>>()
      .mockRejectedValueOnce(new InvalidFieldError('title', 'Titel: højst 200 tegn.'))
      .mockRejectedValueOnce(new Error('QuotaExceededError'))
    const { form } = host(save)
    form().draft.title = 'x'.repeat(300)
    expect(await form().submit()).toBeNull()
    expect(form().errors.value).toEqual({ title: 'Titel: højst 200 tegn.' })
    expect(await form().submit()).toBeNull()
    expect(form().errors.value).toEqual({ [FORM_ERROR]: 'Kunne ikke gemme.' })
    expect(form().draft.title).toBe('x'.repeat(300))
    expect(form().dirty.value).toBe(true)
  })

  it('puts the server’s refusal of the stored record beside the field it names, until the record no longer holds it', async () => {
    const refusal = ref<Refusal>({ field: 'title', message: 'Titel: sættes af serveren.' })
    const { form } = host(() => Promise.resolve('id'), refusal)
    expect(form().errors.value).toEqual({ title: 'Titel: sættes af serveren.' })
    // What the form's own check finds is said over it; once the draft passes, the refusal stands again until settled.
    expect(await form().submit()).toBeNull()
    expect(form().errors.value).toEqual({ title: 'Skriv en titel.', [FORM_ERROR]: 'Året mangler.' })
    form().draft.title = 'Rettet'
    expect(await form().submit()).toBe('id')
    expect(form().errors.value).toEqual({ title: 'Titel: sættes af serveren.' })
    refusal.value = null
    await flushPromises()
    expect(form().errors.value).toEqual({})
    // A refusal about a field the form does not show, or about none, is the record's to say (RecordStatus).
    refusal.value = { field: 'year', message: 'År: ugyldigt.' }
    expect(form().errors.value).toEqual({})
    refusal.value = { message: 'Posten er slettet af en anden.' }
    expect(form().errors.value).toEqual({})
  })
})
