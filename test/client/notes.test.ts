import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import NotesPanel from '../../src/client/features/notes/NotesPanel.vue'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { i18n } from '../../src/client/i18n'
import { plain, leaderMe } from './fixtures'
import { freshDevice, pulled, saved, watchSaves, signIn } from './realRecords'
import { anyOf } from '../helpers/match'

beforeEach(async () => {
  await freshDevice()
  // A leader of u1: the forms ask the access policy about the signed-in person.
  signIn(leaderMe())
  await pulled('note', 'n-private', { indicator: 'budget', year: 2026, month: 10, body: 'Privat for OC', visibility: 'oc_private' })
  document.body.innerHTML = ''
})
afterEach(() => useSyncStore().stop())

/** Dexie answers in its own tasks: wait for what the test expects to be on screen. */
const settled = (check: () => void) => vi.waitFor(check)

describe('NotesPanel', () => {
  it('writes a note on the indicator and month, refuses an empty one (also one of only a zero-width space), and never shows OC private notes', async () => {
    const saves = watchSaves()
    const w = mount(NotesPanel, {
      props: { unitId: 'u1', indicator: 'budget', period: { year: 2026, month: 10 } },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    await settled(() => expect(w.find('form').exists()).toBe(true))
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
    expect(saves).not.toHaveBeenCalled()
    expect(await saved()).toEqual([])
    await textarea.setValue('Talt med økonomi om vikarer')
    await w.get('form').trigger('submit')
    await flushPromises()
    await vi.waitFor(async () => expect(await saved()).toHaveLength(1))
    const [created] = await saved()
    expect(created).toEqual({
      table: 'note',
      recordId: anyOf(String),
      scopeId: 'u1',
      op: 'upsert',
      fields: { indicator: 'budget', year: 2026, month: 10, body: 'Talt med økonomi om vikarer', visibility: 'shared', dialogueId: null },
    })
    await settled(() => expect(w.find('[data-testid="note"]').exists()).toBe(true))
    const note = w.get('[data-testid="note"]')
    expect(plain(note.text())).toContain('Skrevet af dig')
    expect(note.text()).toContain('Venter på at blive sendt')
    expect(w.text()).not.toContain('Privat for OC')

    await note.findAll('button')[0]!.trigger('click')
    await w.get('[data-testid="note"] textarea').setValue('Rettet note')
    await w.get('[data-testid="note"] form').trigger('submit')
    await flushPromises()
    // Not on the server yet, so the edit carries the whole note (a create in its own right, should it arrive first).
    await vi.waitFor(async () => expect(await saved()).toHaveLength(2))
    expect((await saved()).at(-1)).toEqual({ ...created, fields: { ...created!.fields, body: 'Rettet note' } })
    await settled(() => expect(w.get('[data-testid="note"]').text()).toContain('Rettet note'))
    w.unmount()
  })
})
