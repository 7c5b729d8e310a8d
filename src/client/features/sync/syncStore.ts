// Where sync stands, for the status line that is always on screen, and the few actions the rest of
// the app needs: sync now, sync soon after a write, start and stop with the session. "Alt er gemt"
// is said only when nothing waits for the person either: a conflict or a refusal on any record
// makes the status say so, with the way to it.
import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { waitingRecords, type WaitingRecord } from '../../db/attention'
import { db } from '../../db/db'
import { outboxCount } from '../../db/outbox'
import { whenIdle } from '../../shared/idle'
import { updateApp as reloadIntoNewApp } from '../../sync/updateApp'
import { SyncScheduler, type SchedulerOptions, type SyncEvent, type SyncFailure } from '../../sync/scheduler'
import { useConnectivityStore } from '../frame/connectivityStore'
import { refreshImportedFigures } from '../units/importedFigures'

export type { WaitingRecord } from '../../db/attention'

/**
 * attention: sent, but a conflict or a refusal waits for the person. refused: the server turned the
 * sync down in a way retrying cannot cure (forbidden, invalid); deviceMismatch: a new device id did
 * not help either. Both wait for the person's "Prøv igen" or a new sign-in.
 */
export type SyncStatus = 'saved' | 'attention' | 'waiting' | 'offline' | 'syncing' | 'failed' | 'refused' | 'deviceMismatch' | 'signInAgain' | 'outdated'

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
  /** Records with a conflict or a refusal the person has not dealt with, conflicts first. */
  const attention = shallowRef<WaitingRecord[]>([])
  const conflicts = computed(() => attention.value.filter((r) => r.kind === 'conflict').length)
  const rejections = computed(() => attention.value.filter((r) => r.kind === 'rejection').length)
  let pendingSubscription: Subscription | null = null
  let started = false

  const status = computed<SyncStatus>(() => {
    switch (failure.value) {
      case 'signedOut':
        return 'signInAgain'
      case 'outdated':
        return 'outdated'
      case 'deviceMismatch':
        return 'deviceMismatch'
      case 'forbidden':
      case 'invalid':
        return 'refused'
      default:
        break
    }
    if (syncing.value) return 'syncing'
    if (failure.value === 'offline' || !connectivity.browserOnline) return 'offline'
    if (failure.value !== null) return 'failed'
    if (pending.value > 0) return 'waiting'
    return attention.value.length > 0 ? 'attention' : 'saved'
  })

  /**
   * Reads which records wait for the person. Not a live query: it scans every record, and a first
   * sync of thousands of notes would scan them again after each page. Conflicts and refusals come
   * only from a push's answers, change on a pull only where they already are, and go when the
   * person resolves or dismisses them — so those are the moments to look again.
   */
  async function refreshAttention(): Promise<void> {
    try {
      attention.value = await waitingRecords()
    } catch {
      // The database deleted under us (logout): nothing waits.
      attention.value = []
    }
  }

  function onEvent(event: SyncEvent): void {
    switch (event.type) {
      case 'started':
        syncing.value = true
        break
      case 'progress':
        break
      case 'deviceRenewed':
        break
      case 'succeeded': {
        syncing.value = false
        failure.value = null
        lastError.value = null
        lastSyncedAt.value = event.at
        connectivity.markReachable()
        const { pushed, pulled } = event.summary
        if (pushed.conflicts + pushed.rejected > 0 || (attention.value.length > 0 && pulled > 0)) void refreshAttention()
        if (event.summary.figuresChanged.length > 0) void refreshImportedFigures(event.summary.figuresChanged)
        break
      }
      case 'failed':
        syncing.value = false
        failure.value = event.failure
        lastError.value = event.message || null
        if (event.failure === 'offline') connectivity.markUnreachable()
        else {
          connectivity.markReachable()
          // A push may have been answered in part before the run failed.
          void refreshAttention()
        }
        break
    }
  }
  scheduler.on(onEvent)

  async function loadLastSynced(): Promise<void> {
    const value = (await db.meta.get('lastSyncedAt'))?.value
    if (lastSyncedAt.value === null && typeof value === 'number') lastSyncedAt.value = value
  }

  /**
   * The status line may show before sync has started (both follow the first screen): it counts
   * what waits from before, so that it never says "Alt er gemt" over a change still waiting. Once
   * started, the outbox is watched (start()).
   */
  async function countWaiting(): Promise<void> {
    try {
      const count = await outboxCount()
      if (!started && pending.value === 0) pending.value = count
    } catch {
      // The database deleted under us (logout): nothing waits.
    }
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
    // Not on the first screen's path: what waits was on the device before, and shows a moment later.
    whenIdle(() => void refreshAttention())
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
    attention.value = []
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

  return {
    status,
    pending,
    lastError,
    lastSyncedAt,
    syncing,
    failure,
    attention,
    conflicts,
    rejections,
    start,
    stop,
    reset,
    countWaiting,
    syncNow,
    resumeAfterSignIn,
    afterLocalWrite,
    updateApp,
    refreshAttention,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))
