import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import NotesPanel from '../../src/client/features/notes/NotesPanel.vue'
import { i18n } from '../../src/client/i18n'
import { createFakeRecords, record, type FakeRecords } from './fakeRecords'
import { plain } from './fixtures'

const fake = vi.hoisted((): { store: unknown } => ({ store: null }))
vi.mock('../../src/client/features/records/recordsStore', () => ({ useRecordsStore: () => fake.store }))

let records: FakeRecords
beforeEach(() => {
  setActivePinia(createPinia())
  records = createFakeRecords([
    record('note', 'n-private', { indicator: 'budget', year: 2026, month: 10, body: 'Privat for OC', visibility: 'oc_private' }),
  ])
  fake.store = records
})

describe('NotesPanel', () => {
  it('writes a note on the indicator and month, refuses an empty one (also one of only a zero-width space), and never shows OC private notes', async () => {
    const w = mount(NotesPanel, {
      props: { unitId: 'u1', indicator: 'budget', period: { year: 2026, month: 10 } },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(w.text()).not.toContain('Privat for OC')
    await w.get('form').trigger('submit')
    await flushPromises()
    const textarea = w.get('textarea')
    expect(textarea.attributes('aria-invalid')).toBe('true')
    expect(w.text()).toContain('Noten må ikke være tom.')
    // Only a zero-width space (a paste, a phone keyboard) looks empty, so it is empty.
    await textarea.setValue('\u200B')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.text()).toContain('Noten må ikke være tom.')
    expect(records.save).not.toHaveBeenCalled()
    await textarea.setValue('Talt med økonomi om vikarer')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(records.save).toHaveBeenCalledWith('note', {
      scopeId: 'u1', fields: { indicator: 'budget', year: 2026, month: 10, body: 'Talt med økonomi om vikarer', visibility: 'shared' },
    })
    const note = w.get('[data-testid="note"]')
    expect(plain(note.text())).toContain('Skrevet af dig')
    expect(note.text()).toContain('Venter på at blive sendt')

    await note.findAll('button')[0]!.trigger('click')
    await w.get('[data-testid="note"] textarea').setValue('Rettet note')
    await w.get('[data-testid="note"] form').trigger('submit')
    await flushPromises()
    expect(records.save).toHaveBeenLastCalledWith('note', expect.objectContaining({ fields: { body: 'Rettet note' } }))
    expect(w.get('[data-testid="note"]').text()).toContain('Rettet note')
    w.unmount()
  })
})
