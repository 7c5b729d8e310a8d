// Mounts the app's routes in memory with a signed-in person and a unit detail already loaded, so a
// view can be tested the way a person reaches it (links, guards, route params).
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { vi } from 'vitest'
import type { Me, UnitDetail } from '../../src/client/api/types'
import { i18n } from '../../src/client/i18n'
import { routes } from '../../src/client/router'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { useUnitsStore } from '../../src/client/features/units/unitsStore'

export function leaderMe(): Me {
  return { person: { id: 'p-leader', name: 'Lea Leder', email: 'l@x.dk' }, roles: [{ role: 'leader', unitId: 'u1' }], units: [{ id: 'u1', name: 'Skovbo Skole', areaId: 'a1' }], areas: [] }
}
export function ocMe(): Me {
  return { person: { id: 'p-oc', name: 'Otto OC', email: 'o@x.dk' }, roles: [{ role: 'area_chief', areaId: 'a1' }], units: [{ id: 'u1', name: 'Skovbo Skole', areaId: 'a1' }], areas: [{ id: 'a1', name: 'Område Nord' }] }
}

export async function mountAt(path: string, detail: UnitDetail, me: Me = leaderMe()) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  session.me = me
  session.status = 'signedIn'
  // As after a first sync: what the device's records hold is all there is (test/client/realRecords.ts).
  useSyncStore().lastSyncedAt = 1
  const units = useUnitsStore()
  units.details[detail.unit.id] = { detail, fetchedAt: 1, state: 'ready', stale: false }
  // No network in these tests: the detail above is all there is (the records are on fake-indexeddb).
  units.loadDetail = vi.fn(async () => undefined)
  units.loadUnits = vi.fn(async () => undefined)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  const Root = defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(Root, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}
