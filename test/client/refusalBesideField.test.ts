// Forms show which field a refusal is about (issue 7, item 9): when the server refused a change the
// device sent and named the field (a forecast move that needs an explanation, a value the database
// cannot store, a note the person did not write), the form that shows the record puts the server's
// message beside that field — linked to it for a screen reader — until a save that carries the
// field again settles it. On the real records store, the refusal taken in as after a sync.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { EXPLANATION_REQUIRED } from '../../src/core/history/forecastMove'
import type { PushResult } from '../../src/core/sync/protocol'
import type { OutboxRow } from '../../src/client/db/db'
import { mountAt } from './routed'
import { mountForecastForm, NOVEMBER } from './forecastFormMounted'
import { detailWithFigures, leaderMe, plain } from './fixtures'
import { answered, eachTestOnAFreshDevice, localRecord, pulled, saved, signIn } from './realRecords'

eachTestOnAFreshDevice()

/** The server's answer to the pushed change: refused for good, about `field`. */
const refusedAt =
  (field: string, message: string, reason: 'invalid' | 'forbidden' = 'invalid') =>
  (m: OutboxRow): PushResult => ({
    mutationId: m.mutationId,
    status: 'rejected',
    reason,
    message,
    field,
  })

type Found = { attributes: (name: string) => string | undefined }
/** The error an input's aria-describedby points at, by its text. */
function describedError(w: { get: (selector: string) => { text: () => string } }, input: Found): string {
  const ids = (input.attributes('aria-describedby') ?? '').split(' ').filter((i) => i.endsWith('-error'))
  expect(ids).toHaveLength(1)
  return plain(w.get(`[id="${ids[0]}"]`).text())
}

describe('the forecast form', () => {
  it('shows the server’s "needs an explanation" beside the explanation, and a save with one settles it', async () => {
    // The device did not know the earlier forecast the server judged the move by: it sent none.
    await answered('forecast', NOVEMBER, { year: 2026, month: 11, amount: 12_180_000, explanation: null }, refusedAt('explanation', EXPLANATION_REQUIRED))
    expect((await localRecord('forecast', NOVEMBER)).rejection).toMatchObject({ reason: 'invalid', field: 'explanation', message: EXPLANATION_REQUIRED })
    signIn(leaderMe())
    const w = mountForecastForm()
    await vi.waitFor(() => expect(w.find('[data-testid="explanation-error"]').exists()).toBe(true))
    const textarea = w.get('textarea[name="explanation"]')
    expect(textarea.attributes('aria-invalid')).toBe('true')
    expect(describedError(w, textarea)).toBe(`⚠ ${EXPLANATION_REQUIRED}`)
    // Not at the amount: the refusal is about the explanation.
    expect(w.find('[data-testid="amount-error"]').exists()).toBe(false)

    await w.get('input[name="amount"]').setValue('12.180.000')
    await textarea.setValue('Vikarer efter sygdom')
    await w.get('form').trigger('submit')
    await flushPromises()
    await vi.waitFor(async () =>
      expect((await saved()).at(-1)?.fields).toEqual({ year: 2026, month: 11, amount: 12_180_000, explanation: 'Vikarer efter sygdom' }),
    )
    await vi.waitFor(() => expect(w.find('[data-testid="explanation-error"]').exists()).toBe(false))
    expect((await localRecord('forecast', NOVEMBER)).rejection).toBeNull()
    w.unmount()
  })
})

describe('the initiative form', () => {
  it('shows a value the database could not store beside the field it was in', async () => {
    await pulled('initiative', 'i1', {
      indicator: 'budget',
      title: 'Færre vikarer',
      owner: '',
      dueDate: null,
      expectedEffect: null,
      status: 'planned',
      progressNote: '',
    })
    const message = 'Fremdrift: værdien kan ikke gemmes (den er ugyldig). Ret den, eller kassér ændringen.'
    await answered('initiative', 'i1', { progressNote: 'Halvvejs' }, refusedAt('progressNote', message))
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/3', detailWithFigures())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="rejection"]').exists()).toBe(true))
    const edit = wrapper.findAll('button').find((b) => plain(b.text()) === 'Rediger Færre vikarer')!
    await edit.trigger('click')
    const note = wrapper.get('form textarea')
    expect(note.attributes('aria-invalid')).toBe('true')
    expect(describedError(wrapper, note)).toBe(message)
    // The other fields are not marked.
    expect(wrapper.get('form input[type="text"]').attributes('aria-invalid')).toBe('false')
    wrapper.unmount()
  })
})

describe('the note editor', () => {
  it('shows the server’s authorship refusal beside the note’s text', async () => {
    const mine = { updatedBy: 'p-leader', updatedByName: 'Lea Leder', updatedAt: '2026-11-10T09:00:00.000Z', createdBy: 'p-leader', createdByName: 'Lea Leder' }
    await pulled('note', 'n1', { indicator: null, year: null, month: null, body: 'Min note', visibility: 'shared', ...mine })
    const message = 'Du kan kun ændre eller slette noter, du selv har skrevet.'
    await answered('note', 'n1', { body: 'Rettet' }, refusedAt('body', message, 'forbidden'))
    const { wrapper } = await mountAt('/enhed/u1/noter', detailWithFigures())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="note"]').exists()).toBe(true))
    const edit = wrapper
      .get('[data-testid="note"]')
      .findAll('button')
      .find((b) => plain(b.text()).startsWith('Rediger'))!
    await edit.trigger('click')
    const body = wrapper.get('[data-testid="note"] textarea')
    expect(body.attributes('aria-invalid')).toBe('true')
    expect(describedError(wrapper, body)).toBe(message)
    wrapper.unmount()
  })
})
