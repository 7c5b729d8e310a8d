import 'fake-indexeddb/auto'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Me } from '../../src/client/api/types'
import LogoutDialog from '../../src/client/features/session/LogoutDialog.vue'
import SyncStatus from '../../src/client/features/sync/SyncStatus.vue'
import { db } from '../../src/client/db/db'
import { meRepo } from '../../src/client/db/repositories'
import { i18n } from '../../src/client/i18n'
import { deviceId } from '../../src/client/sync/deviceId'
import { useRecordsStore } from '../../src/client/features/records/recordsStore'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { FakeSyncServer, json } from './syncFakeServer'
import { requestUrl } from '../helpers/requestUrl'
import { stopDevice, syncingDevice } from './realRecords'

const NOTE = { indicator: null, year: null, month: null, body: 'En note.', visibility: 'shared' }

function me(id: string, name = 'Lars Thomsen'): Me {
  return {
    person: { id, name, email: `${id}@demo.dk` },
    roles: [{ role: 'leader', unitId: 'u1' }],
    units: [{ id: 'u1', name: 'Skovbo', areaId: 'a1' }],
    areas: [],
  }
}

let server: FakeSyncServer
/** Who /api/me answers as; null answers 401 (the session has expired). */
let signedInAs: Me | null
const cacheNames = new Set<string>()

beforeEach(async () => {
  server = new FakeSyncServer()
  signedInAs = me('p1')
  cacheNames.clear()
  for (const name of ['workbox-precache-v2-http://localhost/', 'api-responses']) cacheNames.add(name)
  vi.stubGlobal('caches', {
    keys: () => Promise.resolve([...cacheNames]),
    delete: (name: string) => Promise.resolve(cacheNames.delete(name)),
  })
  await syncingDevice(
    vi.fn<typeof fetch>(async (input, init) => {
      const path = new URL(requestUrl(input), 'http://localhost').pathname
      if (path === '/api/me') return signedInAs ? json(signedInAs) : json({ error: 'unauthorized', message: '' }, 401)
      if (path === '/api/session') return json({ me: signedInAs })
      if (path === '/api/auth/login') return json({ person: signedInAs?.person })
      return server.fetch(input, init)
    }),
  )
})
afterEach(stopDevice)

async function signedInWithOneWaiting(): Promise<void> {
  await meRepo.put(me('p1'))
  await useRecordsStore().save('note', { scopeId: 'u1', fields: NOTE })
}

describe('session and sync', () => {
  it('an expired session (401) keeps the records and the outbox', async () => {
    await signedInWithOneWaiting()
    signedInAs = null
    const session = useSessionStore()
    await session.restore()
    // The cached person opens at once; the server's answer follows and ends the session.
    await vi.waitFor(() => expect(session.status).toBe('signedOut'))
    expect(await db.outbox.count()).toBe(1)
    expect(await db.records.count()).toBe(1)
    expect(await meRepo.get()).not.toBeNull()
  })

  it('the same person signing in again keeps everything, so the outbox can be pushed', async () => {
    await signedInWithOneWaiting()
    const id = await deviceId()
    signedInAs = me('p1')
    expect(await useSessionStore().login('p1@demo.dk', 'demo')).toBeNull()
    expect(await db.outbox.count()).toBe(1)
    expect(await deviceId()).toBe(id)
    await useSyncStore().resumeAfterSignIn()
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0))
  })

  it('a different person signing in wipes the device when nothing is waiting (new device id)', async () => {
    await meRepo.put(me('p1'))
    server.edit('note', 'n1', 'u1', NOTE)
    await useSyncStore().syncNow()
    const id = await deviceId()
    expect(await db.records.count()).toBe(1)
    signedInAs = me('p2', 'Mette')
    expect(await useSessionStore().login('p2@demo.dk', 'demo')).toBeNull()
    expect(await db.records.count()).toBe(0)
    expect((await db.meta.get('syncCursor'))?.value).toBeUndefined()
    expect(await deviceId()).not.toBe(id)
    expect((await meRepo.get())?.person.id).toBe('p2')
  })

  it("a different person cannot sign in over the previous person's unsent changes", async () => {
    await signedInWithOneWaiting()
    signedInAs = me('p2', 'Mette')
    const session = useSessionStore()
    expect((await session.login('p2@demo.dk', 'demo'))?.error).toBe('otherPersonPending')
    expect(session.isSignedIn).toBe(false)
    expect(await db.outbox.count()).toBe(1)
    expect((await meRepo.get())?.person.id).toBe('p1')
  })

  it('logout pushes what waits, then deletes IndexedDB and the caches (the public app shell stays)', async () => {
    await signedInWithOneWaiting()
    const session = useSessionStore()
    expect(await session.logout()).toEqual({ done: true })
    expect(server.pushes()).toHaveLength(1)
    expect(server.requests.at(-1)?.path).toBe('/api/auth/logout')
    expect(await db.records.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await meRepo.get()).toBeNull()
    expect([...cacheNames]).toEqual(['workbox-precache-v2-http://localhost/'])
    expect(session.status).toBe('signedOut')
  })

  it('logout without a connection stops and asks; "log out anyway" then wipes', async () => {
    await signedInWithOneWaiting()
    await useRecordsStore().save('note', { scopeId: 'u1', fields: { ...NOTE, body: 'To' } })
    server.failNetwork(5)
    const session = useSessionStore()
    expect(await session.logout()).toEqual({ done: false, unsent: 2 })
    expect(await db.outbox.count()).toBe(2)
    expect(await db.records.count()).toBe(2)

    expect(await session.logout({ force: true })).toEqual({ done: true })
    expect(await db.outbox.count()).toBe(0)
    expect(await db.records.count()).toBe(0)
  })
})

describe('SyncStatus and the logout question', () => {
  const router = () => createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })

  it('says all is saved, or offline with the changes waiting (pluralised) and a retry', async () => {
    const sync = useSyncStore()
    const wrapper = mount(SyncStatus, { global: { plugins: [i18n, router()] } })
    expect(wrapper.get('[role="status"]').attributes('aria-live')).toBe('polite')
    expect(wrapper.text()).toContain('Alt er gemt')

    sync.pending = 2
    sync.failure = 'offline'
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[role="status"]').text()).toBe('Offline – 2 ændringer venter')
    expect(wrapper.get('button').text()).toBe('Prøv igen')

    sync.pending = 1
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[role="status"]').text()).toBe('Offline – 1 ændring venter')

    sync.failure = null
    sync.syncing = true
    await wrapper.vm.$nextTick()
    expect(wrapper.text()).toContain('Synkroniserer …')

    sync.syncing = false
    sync.failure = 'server'
    await wrapper.vm.$nextTick()
    expect(wrapper.text()).toContain('Kunne ikke synkronisere')
    expect(wrapper.get('button').text()).toBe('Prøv igen')

    sync.failure = 'signedOut'
    await wrapper.vm.$nextTick()
    expect(wrapper.get('button').text()).toBe('Log ind igen')

    sync.failure = 'outdated'
    await wrapper.vm.$nextTick()
    expect(wrapper.text()).toContain('Appen er for gammel — opdater')
    expect(wrapper.get('button').text()).toBe('Opdater')
  })

  it('shown before sync has started (it loads after the first screen), it counts what waits: never "Alt er gemt" over a waiting change', async () => {
    await useRecordsStore().save('note', { scopeId: 'u1', fields: NOTE })
    await useSyncStore().stop()
    // A new start of the app: a new store, not started.
    setActivePinia(createPinia())
    const wrapper = mount(SyncStatus, { global: { plugins: [i18n, router()] } })
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('1 ændring venter på at blive sendt'))
    expect(wrapper.text()).not.toContain('Alt er gemt')
  })

  it('the logout question counts the unsent changes and offers both ways out', async () => {
    const wrapper = mount(LogoutDialog, { props: { open: false, unsent: 2 }, global: { plugins: [i18n] } })
    await wrapper.setProps({ open: true, unsent: 2 })
    expect(wrapper.text()).toContain('Du har 2 ændringer, der ikke er sendt. Log ud alligevel?')
    const [stay, anyway] = wrapper.findAll('button')
    expect(stay?.text()).toBe('Bliv logget ind')
    await anyway?.trigger('click')
    expect(wrapper.emitted('confirm')).toHaveLength(1)
    await stay?.trigger('click')
    expect(wrapper.emitted('cancel')).toHaveLength(1)
  })
})
