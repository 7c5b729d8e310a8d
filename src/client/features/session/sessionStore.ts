// Who is signed in. The session itself is the server's HttpOnly cookie; we keep only the person
// (from /api/me) in Dexie so a cold start offline still knows whose data it shows.
// Nothing written is ever lost: an expired session (401) keeps every record and the outbox, and the
// same person signing in again sends what waited. The device's data goes only on an explicit logout
// (after pushing, or after the person has agreed to lose what could not be sent), or when a
// different person signs in and nothing of the previous person's is waiting.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, classifyError, type DemoAccount, type Me } from '../../api'
import type { SessionResponse } from '../../api/types'
import { outboxCount } from '../../db/outbox'
import { deleteDeviceData, meRepo, wipeLocalData } from '../../db/repositories'
import { requestPersistentStorage } from '../../pwa/storage'
import { withSyncLock } from '../../sync/lock'
import { afterFirstScreen } from '../../shared/firstScreen'
import { adoptServerToday } from '../../shared/serverToday'
import { useConnectivityStore } from '../frame/connectivityStore'
import { loadSyncStore } from '../sync/loadSyncStore'

export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut'
/**
 * invalid: wrong e-mail or password. fields: a field is empty or was refused (see `fields`), asked
 * for field by field. otherPersonPending: someone else's changes on this device are not sent yet;
 * they must sign in first.
 */
export type LoginError = 'invalid' | 'fields' | 'rateLimited' | 'offline' | 'failed' | 'otherPersonPending'
export type LoginField = 'email' | 'password'
/** missing: left empty (found before anything is sent); refused: the server named it (too long, say). */
export type LoginFieldError = 'missing' | 'refused'
export interface LoginFailure {
  error: LoginError
  /** The fields the failure is about; wrong credentials mark both, without saying which is wrong. */
  fields: Partial<Record<LoginField, LoginFieldError>>
}
/** Logout either happened, or stopped to ask: `unsent` changes could not be sent first. */
export type LogoutResult = { done: true } | { done: false; unsent: number }

/** Signing in as someone else while the previous person's changes still wait. */
class OtherPersonPendingError extends Error {}

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const status = ref<SessionStatus>('unknown')
  /** True when `me` came from Dexie because the server could not be reached. */
  const fromCache = ref(false)
  let restoring: Promise<void> | null = null

  const isSignedIn = computed(() => status.value === 'signedIn')

  async function becomeSignedIn(fresh: Me): Promise<void> {
    const cached = await meRepo.get()
    // Another person on a shared device must never see the previous person's data — and the
    // previous person's unsent changes must never be wiped, nor sent under someone else's name.
    if (cached && cached.person.id !== fresh.person.id) {
      if ((await outboxCount()) > 0) throw new OtherPersonPendingError()
      const sync = await loadSyncStore()
      await sync.stop()
      await withSyncLock(() => wipeLocalData())
      sync.reset()
    }
    await meRepo.put(fresh)
    me.value = fresh
    fromCache.value = false
    status.value = 'signedIn'
    // Not on the first screen's path: the answer changes nothing on it.
    afterFirstScreen(() => requestPersistentStorage())
  }

  /** The session is gone; the data stays on the device (see the top of this file). */
  function becomeSignedOut(): void {
    me.value = null
    fromCache.value = false
    status.value = 'signedOut'
  }

  /** Asks the server who is signed in; `answer` is that request when it has already gone out. */
  async function check(answer: Promise<SessionResponse> = api.session()): Promise<void> {
    const connectivity = useConnectivityStore()
    try {
      const { me: fresh, today, settings } = await answer
      connectivity.markReachable()
      adoptServerToday(today, new Date(), settings)
      if (!fresh) return becomeSignedOut()
      await becomeSignedIn(fresh)
    } catch (error) {
      const kind = classifyError(error).kind
      if (kind === 'signedOut') {
        connectivity.markReachable()
        becomeSignedOut()
        return
      }
      if (error instanceof OtherPersonPendingError) {
        // The cookie is someone else's: end it rather than show them the previous person's data.
        await api.logout().catch(() => undefined)
        becomeSignedOut()
        return
      }
      if (kind === 'offline') connectivity.markUnreachable()
      // Offline (or the server is down): the last person and their data still open.
      if (status.value === 'signedIn') return
      const cached = await meRepo.get()
      if (cached) {
        me.value = cached
        fromCache.value = true
        status.value = 'signedIn'
      } else {
        status.value = 'signedOut'
      }
    }
  }

  /**
   * Once per app start; the router guard awaits it. With a person on the device the page opens at
   * once from what is cached, and the server's answer follows (a session that has ended sends the
   * person to sign-in); without one we must ask the server first.
   */
  function restore(): Promise<void> {
    if (restoring) return restoring
    // The question goes to the server at once, while the device's Dexie is read (its first read
    // opens the database, which takes a slow phone a while). Its failure is handled in check.
    const answer = api.session()
    answer.catch(() => undefined)
    restoring = meRepo.get().then((cached) => {
      if (!cached) return check(answer)
      me.value = cached
      fromCache.value = true
      status.value = 'signedIn'
      void check(answer)
    })
    return restoring
  }

  /** When the app comes back online or visible: the cookie may have expired meanwhile. */
  function revalidate(): Promise<void> {
    restoring = check()
    return restoring
  }

  /** Signs in; null when it worked, otherwise what went wrong and which fields it is about. */
  async function login(email: string, password: string): Promise<LoginFailure | null> {
    const missing: LoginFailure['fields'] = {}
    if (email.trim() === '') missing.email = 'missing'
    if (password === '') missing.password = 'missing'
    if (missing.email || missing.password) return { error: 'fields', fields: missing }
    try {
      await api.login(email.trim(), password)
      await becomeSignedIn(await api.me())
      useConnectivityStore().markReachable()
      restoring = Promise.resolve()
      return null
    } catch (error) {
      if (error instanceof OtherPersonPendingError) {
        await api.logout().catch(() => undefined)
        return { error: 'otherPersonPending', fields: {} }
      }
      const { kind, fields } = classifyError(error)
      switch (kind) {
        case 'offline':
          return { error: 'offline', fields: {} }
        case 'signedOut':
          return { error: 'invalid', fields: { email: 'refused', password: 'refused' } }
        case 'rateLimited':
          return { error: 'rateLimited', fields: {} }
        case 'invalid': {
          const refused: LoginFailure['fields'] = {}
          if ('email' in fields) refused.email = 'refused'
          if ('password' in fields) refused.password = 'refused'
          return refused.email || refused.password ? { error: 'fields', fields: refused } : { error: 'failed', fields: {} }
        }
        default:
          return { error: 'failed', fields: {} }
      }
    }
  }

  /**
   * Pushes what is waiting, then ends the session and deletes the device's data. When changes
   * cannot be sent (offline, or the push failed) it stops and says how many, so the screen can ask
   * the person; `force` (their "log out anyway") goes on and loses them.
   */
  async function logout(options: { force?: boolean } = {}): Promise<LogoutResult> {
    const sync = await loadSyncStore()
    if (!options.force && (await outboxCount()) > 0) {
      await sync.syncNow()
      const unsent = await outboxCount()
      if (unsent > 0) return { done: false, unsent }
    }
    await sync.stop()
    try {
      await api.logout()
    } catch {
      // Offline: the cookie dies with its expiry; the device's data goes now regardless.
    }
    // Under the sync lock, so no other tab is halfway through writing a pulled page.
    await withSyncLock(() => deleteDeviceData())
    sync.reset()
    becomeSignedOut()
    restoring = Promise.resolve()
    return { done: true }
  }

  /** A 401 from any data request while online: the session is gone, the data and outbox stay. */
  function expire(): void {
    becomeSignedOut()
    restoring = Promise.resolve()
  }

  /** Demo accounts, or null when the server is not in demo mode (404). */
  async function demoAccounts(): Promise<DemoAccount[] | null> {
    try {
      return await api.demoAccounts()
    } catch {
      return null
    }
  }

  return { me, status, fromCache, isSignedIn, restore, revalidate, login, logout, expire, demoAccounts }
})
