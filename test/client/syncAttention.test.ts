// "Alt er gemt" only when nothing waits for the person: a same-field conflict (or a refusal) on any
// record makes the status line say so, with a link to the page where it is settled. Real stores on
// fake-indexeddb, the real sync engine against the in-memory server.
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import SyncStatus from '../../src/client/features/sync/SyncStatus.vue'
import { i18n } from '../../src/client/i18n'
import { useConnectivityStore } from '../../src/client/features/frame/connectivityStore'
import { useRecordsStore } from '../../src/client/features/records/recordsStore'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { FakeSyncServer } from './syncFakeServer'
import { stopDevice, syncingDevice } from './realRecords'

const INITIATIVE = { indicator: 'forecast', title: 'Månedlig opfølgning', owner: 'Lea', dueDate: null, expectedEffect: null, status: 'planned' }

let server: FakeSyncServer
beforeEach(async () => {
  server = new FakeSyncServer()
  await syncingDevice(server.fetch)
})
afterEach(stopDevice)

function mountStatus() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  return mount(SyncStatus, { global: { plugins: [i18n, router] } })
}

/** An initiative pushed, then edited here while someone else changed the same field on the server. */
async function conflictOnTitle(): Promise<string> {
  const records = useRecordsStore()
  const id = await records.save('initiative', { scopeId: 'u1', fields: INITIATIVE })
  await useSyncStore().syncNow()
  await records.save('initiative', { id, scopeId: 'u1', fields: { title: 'Min titel' } })
  server.edit('initiative', id, 'u1', { title: 'Deres titel' })
  await useSyncStore().syncNow()
  return id
}

describe('the status line with something waiting for the person', () => {
  it('a same-field conflict says "1 konflikt — vælg version" with a link to the step, not "Alt er gemt"', async () => {
    const wrapper = mountStatus()
    const id = await conflictOnTitle()
    await flushPromises()
    const sync = useSyncStore()
    expect(sync.pending).toBe(0)
    expect(sync.status).toBe('attention')
    const status = wrapper.get('[role="status"]')
    expect(status.text()).toBe('1 konflikt — vælg version')
    expect(status.text()).not.toContain('Alt er gemt')
    expect(wrapper.get('[data-testid="sync-attention"]').attributes('href')).toBe('/enhed/u1/prognosesikkerhed/trin/3')
    expect(wrapper.get('.dot').classes()).toContain('attention')

    await useRecordsStore().resolveConflict('initiative', id, 'title', 'theirs')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Alt er gemt')
    expect(wrapper.find('[data-testid="sync-attention"]').exists()).toBe(false)
  })

  it('a refused change says so, with a link, until it is dismissed', async () => {
    const wrapper = mountStatus()
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u2', fields: { indicator: null, year: null, month: null, body: 'Hej', visibility: 'shared' } })
    server.scriptPush((m) => ({ mutationId: m.mutationId, status: 'rejected', reason: 'forbidden', message: 'Du har ikke adgang til at ændre denne post.' }))
    await useSyncStore().syncNow()
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('1 ændring blev afvist — se hvorfor')
    expect(wrapper.get('[data-testid="sync-attention"]').attributes('href')).toBe('/enhed/u2/noter')

    await records.dismissRejection('note', id)
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Alt er gemt')
  })

  it('what waited on the device before the app started shows once sync starts', async () => {
    await conflictOnTitle()
    // A new app start: a fresh store over the same IndexedDB.
    await useSyncStore().stop()
    setActivePinia(createPinia())
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    try {
      const wrapper = mountStatus()
      useSyncStore().start()
      await vi.advanceTimersByTimeAsync(10)
      await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('1 konflikt — vælg version'))
    } finally {
      vi.useRealTimers()
    }
  })

  it('offline with a change waiting: no "Prøv igen" that cannot reach anything; it says it sends when back', async () => {
    const wrapper = mountStatus()
    const sync = useSyncStore()
    await useRecordsStore().save('note', { scopeId: 'u1', fields: { indicator: null, year: null, month: null, body: 'Hej', visibility: 'shared' } })
    // The browser says it is offline (navigator.onLine false, the 'offline' event).
    useConnectivityStore().browserOnline = false
    sync.pending = 1
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Offline – 1 ændring venter')
    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.get('[data-testid="sync-offline-hint"]').text()).toBe('Sendes, når forbindelsen er tilbage.')
  })
})
