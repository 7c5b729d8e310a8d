// When to sync, and what came of it, as typed events. Runs on start, when the browser is back
// online, when the app becomes visible, ~2 s after a local write (debounced, so typing sends once)
// and every minute while visible. What a failure means is the api layer's one taxonomy
// (api/errors.ts): a transient one (offline, a server error) retries with exponential backoff and
// jitter; one that retrying cannot cure (sign in again, app too old, refused) stops automatic runs
// until the cause is gone, and the outbox simply keeps waiting. A device id bound to someone else
// is renewed once and the sync run again: the outbox stays and the new id pushes it. One run at a
// time in this tab; a request during a run queues exactly one follow-up, so a write made mid-run is
// never left behind.
import { classifyError, isTransient, type ErrorKind } from '../api/errors'
import { backoffDelay } from './backoff'
import { renewDeviceId } from './deviceId'
import type { SyncProgress, SyncSummary } from './engine'
import { withSyncLock } from './lock'

export type SyncTrigger = 'start' | 'online' | 'visible' | 'write' | 'interval' | 'retry' | 'manual' | 'signedIn'
export type SyncFailure = ErrorKind

export type SyncEvent =
  | { type: 'started'; trigger: SyncTrigger }
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'succeeded'; summary: SyncSummary; at: number }
  /** The old device id was bound to another person; the next push goes under a new one. */
  | { type: 'deviceRenewed' }
  | { type: 'failed'; failure: SyncFailure; message: string; retryInMs: number | null }

export interface SchedulerOptions {
  /** One sync; the default pushes and pulls under the cross-tab lock. */
  run?: (onProgress: (p: SyncProgress) => void) => Promise<SyncSummary>
  writeDelayMs?: number
  intervalMs?: number
  /** The first run waits this long after start, so the first screen never waits for the sync engine. */
  startDelayMs?: number
  random?: () => number
  /** Forgets the device id, so the next run makes a new one; the default does it under the sync lock. */
  renewDevice?: () => Promise<void>
}

export const WRITE_DELAY_MS = 2_000
export const INTERVAL_MS = 60_000
export const START_DELAY_MS = 2_000

// The engine (and with it the record schemas and zod) loads with the first sync, not the first screen.
// Its module graph evaluated in one go is a long task (zod's schemas are built as the modules run,
// ~40 ms on a slow phone): it is evaluated a layer a task — zod with the shared schema pieces, the
// dialogue's schemas, the other record schemas, then the engine — each import running only the
// modules not run yet. Few layers: each is a chunk of its own, and 6-character hashes allow 63.
const ENGINE_LAYERS = [() => import('../../core/schemaPrimitives'), () => import('../../core/dialogueSchemas'), () => import('../../core/schemas')]
// The next task by a message rather than setTimeout, which a hidden tab throttles to a second or more.
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel()
    port1.onmessage = () => {
      port1.close()
      resolve()
    }
    port2.postMessage(null)
  })
}
async function loadEngine() {
  for (const layer of ENGINE_LAYERS) {
    await layer()
    await nextTask()
  }
  return import('./engine')
}
const defaultRun = (onProgress: (p: SyncProgress) => void) => withSyncLock(async () => (await loadEngine()).syncOnce(onProgress))
const defaultRenew = () => withSyncLock(renewDeviceId)

export class SyncScheduler {
  private readonly run: (onProgress: (p: SyncProgress) => void) => Promise<SyncSummary>
  private readonly writeDelayMs: number
  private readonly intervalMs: number
  private readonly startDelayMs: number
  private readonly random: () => number
  private readonly renewDevice: () => Promise<void>
  private readonly listeners = new Set<(event: SyncEvent) => void>()
  private running: Promise<void> | null = null
  private queued: Promise<void> | null = null
  private queuedTrigger: SyncTrigger | null = null
  private failures = 0
  /** Why automatic runs wait for the person (a failure retrying cannot cure), or null. */
  private blocked: SyncFailure | null = null
  private writeTimer: ReturnType<typeof setTimeout> | null = null
  private startTimer: ReturnType<typeof setTimeout> | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private intervalTimer: ReturnType<typeof setInterval> | null = null
  private started = false

  constructor(options: SchedulerOptions = {}) {
    this.run = options.run ?? defaultRun
    this.writeDelayMs = options.writeDelayMs ?? WRITE_DELAY_MS
    this.intervalMs = options.intervalMs ?? INTERVAL_MS
    this.startDelayMs = options.startDelayMs ?? START_DELAY_MS
    this.random = options.random ?? Math.random
    this.renewDevice = options.renewDevice ?? defaultRenew
  }

  on(listener: (event: SyncEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get isRunning(): boolean {
    return this.running !== null
  }

  private emit(event: SyncEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  private readonly onOnline = () => void this.request('online')
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') void this.request('visible')
  }

  start(): void {
    if (this.started) return
    this.started = true
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline)
      document.addEventListener('visibilitychange', this.onVisibility)
    }
    this.intervalTimer = setInterval(() => {
      if (typeof document === 'undefined' || document.visibilityState === 'visible') void this.request('interval')
    }, this.intervalMs)
    this.startTimer = setTimeout(() => {
      this.startTimer = null
      void this.request('start')
    }, this.startDelayMs)
  }

  /** Stops the timers and listeners; resolves once a run in progress has finished. */
  async stop(): Promise<void> {
    this.started = false
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline)
      document.removeEventListener('visibilitychange', this.onVisibility)
    }
    for (const timer of [this.writeTimer, this.retryTimer, this.startTimer]) if (timer) clearTimeout(timer)
    if (this.intervalTimer) clearInterval(this.intervalTimer)
    this.writeTimer = this.retryTimer = this.intervalTimer = this.startTimer = null
    await this.queued
    await this.running
  }

  /** A local write: sync shortly, once the person has stopped typing. */
  afterWrite(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer)
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null
      void this.request('write')
    }, this.writeDelayMs)
  }

  /**
   * Syncs now, or right after the run in progress; resolves when that run is over. Automatic
   * triggers do nothing while stopped, or while blocked on a sign-in or an update; 'manual' and
   * 'signedIn' always run (the person asked, or the cause of the block is gone).
   */
  request(trigger: SyncTrigger): Promise<void> {
    const forced = trigger === 'manual' || trigger === 'signedIn'
    if (!forced && (!this.started || this.blocked)) return Promise.resolve()
    if (forced) this.blocked = null
    if (!this.running) return this.execute(trigger)
    this.queuedTrigger = forced || !this.queuedTrigger ? trigger : this.queuedTrigger
    this.queued ??= this.running.then(() => {
      const next = this.queuedTrigger ?? trigger
      this.queued = null
      this.queuedTrigger = null
      return this.blocked && next !== 'manual' && next !== 'signedIn' ? undefined : this.execute(next)
    })
    return this.queued
  }

  /**
   * One run; when the server says the device id is someone else's, one more with a new id. A
   * second refusal is not retried: it is the failure the person sees.
   */
  private async runRenewingDevice(): Promise<SyncSummary> {
    const onProgress = (progress: SyncProgress) => this.emit({ type: 'progress', progress })
    try {
      return await this.run(onProgress)
    } catch (error) {
      if (classifyError(error).kind !== 'deviceMismatch') throw error
      await this.renewDevice()
      this.emit({ type: 'deviceRenewed' })
      return await this.run(onProgress)
    }
  }

  private execute(trigger: SyncTrigger): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.running = (async () => {
      this.emit({ type: 'started', trigger })
      try {
        const summary = await this.runRenewingDevice()
        this.failures = 0
        this.blocked = null
        this.emit({ type: 'succeeded', summary, at: Date.now() })
      } catch (error) {
        const { kind: failure, message } = classifyError(error)
        let retryInMs: number | null = null
        if (!isTransient(failure)) {
          this.blocked = failure
        } else {
          this.failures++
          retryInMs = backoffDelay(this.failures, this.random())
          if (this.started) {
            this.retryTimer = setTimeout(() => {
              this.retryTimer = null
              void this.request('retry')
            }, retryInMs)
          }
        }
        this.emit({ type: 'failed', failure, message, retryInMs })
      } finally {
        this.running = null
      }
    })()
    return this.running
  }
}
