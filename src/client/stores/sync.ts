// Where sync stands, for the status line that is always on screen, and the few actions the rest of
// the app needs: sync now, sync soon after a write, start and stop with the session.
import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { db } from '../db/db'
import { outboxCount } from '../db/outbox'
import { updateApp as reloadIntoNewApp } from '../sync/updateApp'
import { SyncScheduler, type SchedulerOptions, type SyncEvent, type SyncFailure } from '../sync/scheduler'
import { useConnectivityStore } from './connectivity'

export type SyncStatus = 'saved' | 'waiting' | 'offline' | 'syncing' | 'failed' | 'signInAgain' | 'outdated'

/** Tests swap the scheduler's run and timings; the app uses the defaults. */
let schedulerOptions: SchedulerOptions = {}
export function configureSyncScheduler(options: SchedulerOptions): void {
  schedulerOptions = options
}

export const useSyncStore = defineStore('sync', () => {
  const connectivity = useConnectivityStore()
  const scheduler = new SyncScheduler(schedulerOptions)
  const syncing = ref(false)
  const failure = ref<SyncFailure | null>(null)
  /** Changes saved on this device and not yet accepted by the server. */
  const pending = ref(0)
  const lastError = ref<string | null>(null)
  const lastSyncedAt = ref<number | null>(null)
  let pendingSubscription: Subscription | null = null
  let started = false

  const status = computed<SyncStatus>(() => {
    if (failure.value === 'unauthorized') return 'signInAgain'
    if (failure.value === 'outdated') return 'outdated'
    if (syncing.value) return 'syncing'
    if (failure.value === 'offline' || !connectivity.browserOnline) return 'offline'
    if (failure.value === 'server') return 'failed'
    return pending.value > 0 ? 'waiting' : 'saved'
  })

  function onEvent(event: SyncEvent): void {
    switch (event.type) {
      case 'started':
        syncing.value = true
        break
      case 'progress':
        break
      case 'succeeded':
        syncing.value = false
        failure.value = null
        lastError.value = null
        lastSyncedAt.value = event.at
        connectivity.markReachable()
        break
      case 'failed':
        syncing.value = false
        failure.value = event.failure
        lastError.value = event.message || null
        if (event.failure === 'offline') connectivity.markUnreachable()
        else connectivity.markReachable()
        break
    }
  }
  scheduler.on(onEvent)

  async function loadLastSynced(): Promise<void> {
    const value = (await db.meta.get('lastSyncedAt'))?.value
    if (lastSyncedAt.value === null && typeof value === 'number') lastSyncedAt.value = value
  }

  /** With a session: watch the outbox and sync on every trigger. */
  function start(): void {
    if (started) return
    started = true
    pendingSubscription = liveQuery(() => outboxCount()).subscribe({
      next: (count) => {
        pending.value = count
      },
      error: () => undefined,
    })
    void loadLastSynced()
    scheduler.start()
  }

  /** Logout: no more runs; resolves once a run in progress has ended. */
  async function stop(): Promise<void> {
    started = false
    pendingSubscription?.unsubscribe()
    pendingSubscription = null
    await scheduler.stop()
  }

  /** After a logout wipe: nothing is waiting, nothing has been synced. */
  function reset(): void {
    pending.value = 0
    failure.value = null
    lastError.value = null
    lastSyncedAt.value = null
    syncing.value = false
  }

  /** Push and pull now (the "Prøv igen" button, logout); resolves when that sync is over. */
  async function syncNow(): Promise<void> {
    await scheduler.request('manual')
    pending.value = await outboxCount()
  }

  /** Signed in again after a 401: send what has waited. */
  async function resumeAfterSignIn(): Promise<void> {
    if (!started) start()
    else await scheduler.request('signedIn')
  }

  /** "Appen er for gammel — opdater": the new version, then a reload; the outbox survives it. */
  function updateApp(): Promise<void> {
    return reloadIntoNewApp()
  }

  function afterLocalWrite(): void {
    scheduler.afterWrite()
  }

  return { status, pending, lastError, lastSyncedAt, syncing, failure, start, stop, reset, syncNow, resumeAfterSignIn, afterLocalWrite, updateApp }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))
