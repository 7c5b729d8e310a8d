import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import RecordStatus from '../../src/client/features/records/RecordStatus.vue'
import { i18n } from '../../src/client/i18n'
import { createFakeRecords, record, type FakeRecords } from './fakeRecords'
import { plain } from './fixtures'

const fake = vi.hoisted((): { store: unknown } => ({ store: null }))
vi.mock('../../src/client/features/records/recordsStore', () => ({ useRecordsStore: () => fake.store }))

let records: FakeRecords
beforeEach(() => {
  setActivePinia(createPinia())
  records = createFakeRecords()
  fake.store = records
})

describe('RecordStatus', () => {
  it('shows both values of a conflict and resolves it with the chosen one', async () => {
    const r = record('forecast', 'f1', { amount: 12_300_000 }, {
      pendingFields: ['amount'],
      conflicts: [{ field: 'amount', mine: 12_300_000, theirs: 12_100_000 }],
    })
    const w = mount(RecordStatus, { props: { table: 'forecast', record: r }, global: { plugins: [i18n] } })
    const conflict = w.get('[data-testid="conflict"]')
    expect(conflict.text()).toContain('Beløb er ændret et andet sted')
    expect(plain(conflict.text())).toContain('Din version')
    expect(plain(w.get('[data-testid="conflict-mine"]').text())).toBe('12,3 mio. kr.')
    expect(plain(conflict.text())).toContain('Serverens version')
    expect(plain(w.get('[data-testid="conflict-theirs"]').text())).toBe('12,1 mio. kr.')
    const [mine, theirs] = conflict.findAll('button')
    await mine!.trigger('click')
    expect(records.resolveConflict).toHaveBeenCalledWith('forecast', 'f1', 'amount', 'mine')
    await theirs!.trigger('click')
    expect(records.resolveConflict).toHaveBeenCalledWith('forecast', 'f1', 'amount', 'theirs')
    expect(w.get('[data-testid="pending"]').text()).toBe('Venter på at blive sendt')
  })

  it('shows a rejection with its reason and lets the person dismiss it', async () => {
    const r = record('note', 'n1', { body: 'x' }, { rejection: { reason: 'forbidden', message: 'Du har ikke adgang til at ændre denne post.', fields: ['body'] } })
    const w = mount(RecordStatus, { props: { table: 'note', record: r }, global: { plugins: [i18n] } })
    const box = w.get('[data-testid="rejection"]')
    expect(box.attributes('role')).toBe('alert')
    expect(box.text()).toContain('Du har ikke adgang til at ændre denne post.')
    await box.get('button').trigger('click')
    expect(records.dismissRejection).toHaveBeenCalledWith('note', 'n1')
  })

  it('a change refused as invalid says why and how to fix it, and offers to discard it', async () => {
    const message = 'Forventet effekt: Beløbet skal være mindre end 1.000.000.000.000 kr.'
    const r = record('initiative', 'i1', { expectedEffect: 1e12 }, { rejection: { reason: 'invalid', message, fields: ['expectedEffect'] } })
    const w = mount(RecordStatus, { props: { table: 'initiative', record: r }, global: { plugins: [i18n] } })
    expect(w.get('[data-testid="rejection-message"]').text()).toBe(message)
    expect(w.get('[data-testid="rejection-fix"]').text()).toBe('Ret det, og gem igen — eller kassér ændringen.')
    const discard = w.get('[data-testid="rejection"] button')
    expect(discard.text()).toBe('Kassér ændringen')
    await discard.trigger('click')
    expect(records.dismissRejection).toHaveBeenCalledWith('initiative', 'i1')
  })

  it('read-only: no buttons and no pending mark', () => {
    const r = record('initiative', 'i1', { status: 'done' }, { pendingFields: ['status'], conflicts: [{ field: 'status', mine: 'done', theirs: 'planned' }] })
    const w = mount(RecordStatus, { props: { table: 'initiative', record: r, readonly: true }, global: { plugins: [i18n] } })
    expect(w.findAll('button')).toHaveLength(0)
    expect(w.find('[data-testid="pending"]').exists()).toBe(false)
    expect(w.get('[data-testid="conflict-theirs"]').text()).toBe('Planlagt')
  })
})
