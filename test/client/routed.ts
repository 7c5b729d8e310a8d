// Mounts the app's routes in memory with a signed-in person and a unit detail already loaded, so a
// view can be tested the way a person reaches it (links, guards, route params). The stores are
// the real ones — records on fake-indexeddb (realRecords.ts), units loading through the api layer —
// and the network is a fetch that answers as the server would: the unit's detail and the list.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, getActivePinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { vi } from 'vitest'
import { requestUrl } from '../helpers/requestUrl'
import type { Me, UnitDetail, UnitSummary } from '../../src/client/api/types'
import { i18n } from '../../src/client/i18n'
import { routes } from '../../src/client/router'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { useUnitsStore } from '../../src/client/features/units/unitsStore'
import { leaderMe, summary } from './fixtures'

export { leaderMe, ocMe } from './fixtures'
import { json } from './syncFakeServer'

/** The paths the views asked the server for since the last mountAt, in order. */
export const requested: string[] = []

export interface MountOptions {
  /** The server's list of units (default: the detail's unit, red). */
  units?: UnitSummary[]
}

export async function mountAt(path: string, detail: UnitDetail, me: Me = leaderMe(), opts: MountOptions = {}) {
  requested.length = 0
  const list = { asOf: '2026-10-31', units: opts.units ?? [summary(detail.unit.id, detail.unit.name)] }
  const answer = (asked: string): Response => {
    if (asked === '/api/units') return json(list)
    if (asked === `/api/units/${detail.unit.id}`) return json(detail)
    return json({ error: 'not_found', message: 'Siden findes ikke.' }, 404)
  }
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>((input) => {
      const asked = new URL(requestUrl(input), 'http://localhost').pathname
      requested.push(asked)
      return Promise.resolve(answer(asked))
    }),
  )
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  session.me = me
  session.status = 'signedIn'
  // As after a first sync: what the device's records hold is all there is (test/client/realRecords.ts).
  useSyncStore().lastSyncedAt = 1
  // The detail as a visit before left it; the view asks the server again, which says the same.
  useUnitsStore().details[detail.unit.id] = { detail, fetchedAt: 1, state: 'ready', stale: false }
  return routedApp(path)
}

/** The app's routes on a memory history at `path`, mounted on the page with the active Pinia. */
export async function routedApp(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  const Root = defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(Root, { global: { plugins: [getActivePinia()!, router, i18n] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}
