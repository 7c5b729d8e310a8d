// An initiative's own progress note (issue 7: "An initiative has no note"): the leader writes how it
// is going in the initiative's form in step 3; it is synced like the initiative's other fields (only
// what changed goes in the outbox), and shown wherever the initiative is: the list in step 3, the
// summary of step 5 and the area chief's read-only view of the unit. On the real records store.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { mountAt, ocMe } from './routed'
import { buttonNamed, detailWithFigures, INITIATIVE, plain } from './fixtures'
import { eachTestOnAFreshDevice, outbox, pulled } from './realRecords'
import { anyOf } from '../helpers/match'

eachTestOnAFreshDevice()

const NOTE = 'Vikarerne er opsagt, effekt fra uge 25'

type Wrapper = Awaited<ReturnType<typeof mountAt>>['wrapper']
/** The form's field by its visible label. */
const fieldLabelled = (w: Wrapper, label: string) => {
  const l = w.findAll('label').find((x) => plain(x.text()) === label)
  if (!l) throw new Error(`no label "${label}"`)
  return w.get(`[id="${l.attributes('for')}"]`)
}

describe('an initiative’s progress note', () => {
  it('is written in the initiative’s form, saved with it, and shown in the list', async () => {
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/3', detailWithFigures())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="no-initiatives"]').exists()).toBe(true))
    await buttonNamed(wrapper, 'Nyt initiativ').trigger('click')
    await fieldLabelled(wrapper, 'Hvad vil du gøre? (skal udfyldes)').setValue('Færre vikarer')
    const note = fieldLabelled(wrapper, 'Fremdrift')
    expect(note.element.tagName).toBe('TEXTAREA')
    await note.setValue(`  ${NOTE}  `)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await vi.waitFor(async () => expect(await outbox()).toHaveLength(1))
    expect(await outbox()).toEqual([
      {
        table: 'initiative',
        recordId: anyOf(String),
        op: 'upsert',
        fields: { indicator: 'budget', title: 'Færre vikarer', owner: '', dueDate: null, expectedEffect: null, status: 'planned', progressNote: NOTE },
      },
    ])
    await vi.waitFor(() => expect(wrapper.find('[data-testid="progress-note"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="progress-note"]').text()).toBe(NOTE)
    // Under its label, as the item's other facts are.
    expect(wrapper.get('[data-testid="progress-note"]').element.previousElementSibling?.textContent).toBe('Fremdrift')
    wrapper.unmount()
  })

  it('is edited on its own: only the note goes to the server, merged per field like the others', async () => {
    await pulled('initiative', 'i1', { ...INITIATIVE, progressNote: '' })
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/3', detailWithFigures())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="initiative"]').exists()).toBe(true))
    // An empty note is not shown as an empty line.
    expect(wrapper.find('[data-testid="progress-note"]').exists()).toBe(false)
    await buttonNamed(wrapper, 'Rediger Færre vikarer').trigger('click')
    await fieldLabelled(wrapper, 'Fremdrift').setValue(NOTE)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await vi.waitFor(async () => expect(await outbox()).toEqual([{ table: 'initiative', recordId: 'i1', op: 'upsert', fields: { progressNote: NOTE } }]))
    await vi.waitFor(() => expect(wrapper.get('[data-testid="progress-note"]').text()).toBe(NOTE))
    wrapper.unmount()
  })

  it('is refused beyond the length of a note, beside the field, and nothing is saved', async () => {
    await pulled('initiative', 'i1', { ...INITIATIVE, progressNote: '' })
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/3', detailWithFigures())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="initiative"]').exists()).toBe(true))
    await buttonNamed(wrapper, 'Rediger Færre vikarer').trigger('click')
    const note = fieldLabelled(wrapper, 'Fremdrift')
    await note.setValue('x'.repeat(4001))
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(note.attributes('aria-invalid')).toBe('true')
    const errorId = note
      .attributes('aria-describedby')!
      .split(' ')
      .find((i) => i.endsWith('-error'))!
    expect(wrapper.get(`[id="${errorId}"]`).text()).toBe('Fremdriften må højst være 4.000 tegn.')
    expect(await outbox()).toEqual([])
    wrapper.unmount()
  })

  it('is shown in step 5’s summary for the dialogue', async () => {
    await pulled('initiative', 'i1', { ...INITIATIVE, progressNote: NOTE })
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/5', detailWithFigures())
    const summary = wrapper.get('[data-testid="preparation-summary"]')
    await vi.waitFor(() => expect(plain(summary.text())).toContain('Færre vikarer'))
    expect(summary.get('[data-testid="progress-note"]').text()).toBe(NOTE)
    wrapper.unmount()
  })

  it('is shown to the area chief on the unit’s page, read-only', async () => {
    await pulled('initiative', 'i1', { ...INITIATIVE, progressNote: NOTE })
    const { wrapper } = await mountAt('/enhed/u1/dialog', detailWithFigures(), ocMe())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="initiative"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="initiative"] [data-testid="progress-note"]').text()).toBe(NOTE)
    expect(wrapper.get('[data-testid="initiative"]').findAll('input, textarea, select, button')).toHaveLength(0)
    wrapper.unmount()
  })
})
