// The units the leader may see, and each unit's detail. Cache first: what Dexie holds shows at once,
// then the server's answer replaces it and is saved. When the fetch fails the cache stays on screen.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IsoDate } from '../../../core/types'
import { api, classifyError, type ErrorKind, type UnitDetail, type UnitSummary } from '../../api'
import { detailsRepo, unitsRepo } from '../../db/repositories'
import { useConnectivityStore } from '../frame/connectivityStore'
import { useSessionStore } from '../session/sessionStore'

/**
 * Resolves in a later task. Saving to Dexie copies the whole answer (a structured clone) on the
 * main thread; done in the same task as the render that shows it, the two make one long task.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

export type LoadState = 'idle' | 'loading' | 'ready' | 'notFound' | 'error'

export interface DetailEntry {
  detail: UnitDetail | null
  fetchedAt: number | null
  state: LoadState
  /** The last fetch failed; `detail` (if any) is from the cache. */
  stale: boolean
}

export const useUnitsStore = defineStore('units', () => {
  const units = ref<UnitSummary[]>([])
  const asOf = ref<IsoDate | null>(null)
  const fetchedAt = ref<number | null>(null)
  const state = ref<LoadState>('idle')
  /** The last fetch failed; what is shown is from the cache. */
  const stale = ref(false)
  const details = ref<Record<string, DetailEntry>>({})
  let hydrated = false
  let inflight: Promise<void> | null = null
  const detailInflight = new Map<string, Promise<void>>()

  const hasData = computed(() => fetchedAt.value !== null)

  function unitById(id: string): UnitSummary | undefined {
    return units.value.find((u) => u.id === id)
  }

  /** What the failure was, with its effect on the session and connectivity done. */
  function handleFailure(error: unknown): ErrorKind {
    const connectivity = useConnectivityStore()
    const { kind } = classifyError(error)
    if (kind === 'offline') connectivity.markUnreachable()
    else connectivity.markReachable()
    if (kind === 'signedOut') useSessionStore().expire()
    return kind
  }

  async function fetchUnits(): Promise<void> {
    // The request goes out at once, in parallel with the cache read, not after it. (Its failure is
    // handled below; the empty catch only stops it counting as unhandled while the cache is read.)
    const request = api.units()
    request.catch(() => undefined)
    if (state.value !== 'ready') state.value = 'loading'
    if (!hydrated) {
      hydrated = true
      // Called while the app mounts: Dexie's first read costs a slow phone tens of ms, so it runs
      // in a task of its own rather than making the mount one long task.
      await nextTask()
      const cached = await unitsRepo.load()
      if (cached && fetchedAt.value === null) {
        units.value = cached.units
        asOf.value = cached.asOf
        fetchedAt.value = cached.fetchedAt
        state.value = 'ready'
      }
    }
    try {
      const response = await request
      const now = Date.now()
      units.value = response.units
      asOf.value = response.asOf
      fetchedAt.value = now
      stale.value = false
      state.value = 'ready'
      useConnectivityStore().markReachable()
      await nextTask()
      await unitsRepo.save(response.asOf, response.units, now)
    } catch (error) {
      stale.value = true
      state.value = hasData.value ? 'ready' : 'error'
      handleFailure(error)
    }
  }

  /** Cache first, then the network; concurrent callers share one request. */
  function loadUnits(): Promise<void> {
    inflight ??= fetchUnits().finally(() => {
      inflight = null
    })
    return inflight
  }

  function entry(unitId: string): DetailEntry {
    const existing = details.value[unitId]
    if (existing) return existing
    const created: DetailEntry = { detail: null, fetchedAt: null, state: 'idle', stale: false }
    details.value[unitId] = created
    return details.value[unitId] ?? created
  }

  async function fetchDetail(unitId: string): Promise<void> {
    const e = entry(unitId)
    // As for the units: the request and the cache read run in parallel.
    const request = api.unit(unitId)
    request.catch(() => undefined)
    if (!e.detail) {
      const cached = await detailsRepo.get(unitId)
      if (cached && !e.detail) {
        e.detail = cached.detail
        e.fetchedAt = cached.fetchedAt
        e.state = 'ready'
      }
    }
    if (e.state !== 'ready') e.state = 'loading'
    try {
      const detail = await request
      const now = Date.now()
      e.detail = detail
      e.fetchedAt = now
      e.state = 'ready'
      e.stale = false
      useConnectivityStore().markReachable()
      await nextTask()
      await detailsRepo.put(unitId, detail, now)
    } catch (error) {
      if (handleFailure(error) === 'notFound') {
        e.detail = null
        e.state = 'notFound'
        await detailsRepo.remove(unitId)
        return
      }
      e.stale = true
      e.state = e.detail ? 'ready' : 'error'
    }
  }

  function loadDetail(unitId: string): Promise<void> {
    let p = detailInflight.get(unitId)
    if (!p) {
      p = fetchDetail(unitId).finally(() => detailInflight.delete(unitId))
      detailInflight.set(unitId, p)
    }
    return p
  }

  /** Back online or visible again: refresh what is on screen. */
  async function refresh(): Promise<void> {
    await Promise.all([loadUnits(), ...Object.keys(details.value).map((id) => loadDetail(id))])
  }

  function reset(): void {
    units.value = []
    asOf.value = null
    fetchedAt.value = null
    state.value = 'idle'
    stale.value = false
    details.value = {}
    hydrated = false
  }

  return { units, asOf, fetchedAt, state, stale, details, hasData, unitById, loadUnits, loadDetail, refresh, reset }
})
