import 'fake-indexeddb/auto'
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import RecordStatus from '../../src/client/features/records/RecordStatus.vue'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { i18n } from '../../src/client/i18n'
import type { SyncTable } from '../../src/core/sync/tables'
import { plain } from './fixtures'
import { answered, freshDevice, localRecord, pulled, saved } from './realRecords'

beforeEach(() => freshDevice())
afterEach(() => useSyncStore().stop())

const FORECAST = { year: 2026, month: 9, amount: 12_000_000, explanation: null }
const INITIATIVE = { indicator: 'budget', title: 'Færre vikarer', owner: 'Lea', dueDate: null, expectedEffect: 150_000, status: 'planned' }

/** The leader changed the forecast to 12,3 mio. while someone else made it 12,1 mio.: the server keeps theirs. */
async function forecastInConflict(id: string) {
  await pulled('forecast', id, FORECAST)
  await answered('forecast', id, { amount: 12_300_000 }, (m) => ({
    mutationId: m.mutationId,
    status: 'conflict',
    version: 2,
    record: { id, unitId: 'u1', ...FORECAST, amount: 12_100_000 },
    conflicts: [{ field: 'amount', mine: 12_300_000, theirs: 12_100_000 }],
  }))
}

async function refused(
  table: SyncTable,
  id: string,
  data: Record<string, unknown>,
  change: Record<string, unknown>,
  reason: 'forbidden' | 'invalid',
  message: string,
) {
  await pulled(table, id, data)
  await answered(table, id, change, (m) => ({ mutationId: m.mutationId, status: 'rejected', reason, message }))
}

describe('RecordStatus', () => {
  it('shows both values of a conflict and resolves it with the chosen one', async () => {
    await forecastInConflict('f1')
    const w = mount(RecordStatus, { props: { table: 'forecast', record: await localRecord('forecast', 'f1') }, global: { plugins: [i18n] } })
    const conflict = w.get('[data-testid="conflict"]')
    expect(conflict.text()).toContain('Beløb er ændret et andet sted')
    expect(plain(conflict.text())).toContain('Din version')
    expect(plain(w.get('[data-testid="conflict-mine"]').text())).toBe('12,3 mio. kr.')
    expect(plain(conflict.text())).toContain('Serverens version')
    expect(plain(w.get('[data-testid="conflict-theirs"]').text())).toBe('12,1 mio. kr.')
    expect(w.get('[data-testid="pending"]').text()).toBe('Venter på at blive sendt')
    const [mine] = conflict.findAll('button')
    await mine!.trigger('click')
    // Mine: the conflict is settled and the person's value goes to the server again, on top of theirs.
    await vi.waitFor(async () => expect((await localRecord('forecast', 'f1')).conflicts).toEqual([]))
    expect(await saved()).toEqual([{ table: 'forecast', recordId: 'f1', scopeId: 'u1', op: 'upsert', fields: { amount: 12_300_000 } }])
    expect((await localRecord('forecast', 'f1')).data.amount).toBe(12_300_000)
    w.unmount()

    // Theirs: the server's value stays and nothing is sent.
    await forecastInConflict('f2')
    const sent = (await saved()).length
    const other = mount(RecordStatus, { props: { table: 'forecast', record: await localRecord('forecast', 'f2') }, global: { plugins: [i18n] } })
    const [, theirs] = other.get('[data-testid="conflict"]').findAll('button')
    await theirs!.trigger('click')
    await vi.waitFor(async () => expect((await localRecord('forecast', 'f2')).conflicts).toEqual([]))
    expect(await saved()).toHaveLength(sent)
    expect((await localRecord('forecast', 'f2')).data.amount).toBe(12_100_000)
    expect((await localRecord('forecast', 'f2')).pendingFields).toEqual([])
  })

  it('shows a rejection with its reason and lets the person dismiss it', async () => {
    await refused(
      'note',
      'n1',
      { indicator: null, year: null, month: null, body: 'Husk mødet', visibility: 'shared' },
      { body: 'x' },
      'forbidden',
      'Du har ikke adgang til at ændre denne post.',
    )
    const w = mount(RecordStatus, { props: { table: 'note', record: await localRecord('note', 'n1') }, global: { plugins: [i18n] } })
    const box = w.get('[data-testid="rejection"]')
    expect(box.attributes('role')).toBe('alert')
    expect(box.text()).toContain('Du har ikke adgang til at ændre denne post.')
    await box.get('button').trigger('click')
    await vi.waitFor(async () => expect((await localRecord('note', 'n1')).rejection).toBe(null))
  })

  it('a change refused as invalid says why and how to fix it, and offers to discard it', async () => {
    const message = 'Forventet effekt: Beløbet skal være mindre end 1.000.000.000.000 kr.'
    await refused('initiative', 'i1', INITIATIVE, { expectedEffect: 900_000 }, 'invalid', message)
    const w = mount(RecordStatus, { props: { table: 'initiative', record: await localRecord('initiative', 'i1') }, global: { plugins: [i18n] } })
    expect(w.get('[data-testid="rejection-message"]').text()).toBe(message)
    expect(w.get('[data-testid="rejection-fix"]').text()).toBe('Ret det, og gem igen — eller kassér ændringen.')
    const discard = w.get('[data-testid="rejection"] button')
    expect(discard.text()).toBe('Kassér ændringen')
    await discard.trigger('click')
    await vi.waitFor(async () => expect((await localRecord('initiative', 'i1')).rejection).toBe(null))
    // Discarded: the device shows the server's value again.
    expect((await localRecord('initiative', 'i1')).data.expectedEffect).toBe(150_000)
  })

  it('read-only: no buttons and no pending mark', async () => {
    await pulled('initiative', 'i1', INITIATIVE)
    await answered('initiative', 'i1', { status: 'done' }, (m) => ({
      mutationId: m.mutationId,
      status: 'conflict',
      version: 2,
      record: { id: 'i1', unitId: 'u1', ...INITIATIVE, status: 'planned' },
      conflicts: [{ field: 'status', mine: 'done', theirs: 'planned' }],
    }))
    const r = await localRecord('initiative', 'i1')
    expect(r.pendingFields).toEqual(['status'])
    const w = mount(RecordStatus, { props: { table: 'initiative', record: r, readonly: true }, global: { plugins: [i18n] } })
    expect(w.findAll('button')).toHaveLength(0)
    expect(w.find('[data-testid="pending"]').exists()).toBe(false)
    expect(w.get('[data-testid="conflict-theirs"]').text()).toBe('Planlagt')
  })
})
