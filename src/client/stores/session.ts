// Who is signed in. The session itself is the server's HttpOnly cookie; we keep only the person
// (from /api/me) in Dexie so a cold start offline still knows whose data it shows.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, ApiError, isUnauthorized, NetworkError, type DemoAccount, type Me } from '../api'
import { meRepo, wipeLocalData } from '../db/repositories'
import { requestPersistentStorage } from '../pwa/storage'
import { useConnectivityStore } from './connectivity'

export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut'
export type LoginError = 'invalid' | 'rateLimited' | 'offline' | 'failed'

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const status = ref<SessionStatus>('unknown')
  /** True when `me` came from Dexie because the server could not be reached. */
  const fromCache = ref(false)
  let restoring: Promise<void> | null = null

  const isSignedIn = computed(() => status.value === 'signedIn')

  async function becomeSignedIn(fresh: Me): Promise<void> {
    const cached = await meRepo.get()
    // Another person on a shared device must never see the previous person's cached units.
    if (cached && cached.person.id !== fresh.person.id) await wipeLocalData()
    await meRepo.put(fresh)
    me.value = fresh
    fromCache.value = false
    status.value = 'signedIn'
    void requestPersistentStorage()
  }

  async function becomeSignedOut(): Promise<void> {
    await wipeLocalData()
    me.value = null
    fromCache.value = false
    status.value = 'signedOut'
  }

  async function check(): Promise<void> {
    const connectivity = useConnectivityStore()
    try {
      const fresh = await api.me()
      connectivity.markReachable()
      await becomeSignedIn(fresh)
    } catch (error) {
      if (isUnauthorized(error)) {
        connectivity.markReachable()
        await becomeSignedOut()
        return
      }
      if (error instanceof NetworkError) connectivity.markUnreachable()
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

  /** Once per app start; the router guard awaits it. */
  function restore(): Promise<void> {
    restoring ??= check()
    return restoring
  }

  /** When the app comes back online or visible: the cookie may have expired meanwhile. */
  function revalidate(): Promise<void> {
    restoring = check()
    return restoring
  }

  async function login(email: string, password: string): Promise<LoginError | null> {
    try {
      await api.login(email.trim(), password)
      await becomeSignedIn(await api.me())
      useConnectivityStore().markReachable()
      restoring = Promise.resolve()
      return null
    } catch (error) {
      if (error instanceof NetworkError) return 'offline'
      if (error instanceof ApiError && error.status === 401) return 'invalid'
      if (error instanceof ApiError && error.status === 429) return 'rateLimited'
      return 'failed'
    }
  }

  async function logout(): Promise<void> {
    try {
      await api.logout()
    } catch {
      // Offline: the cookie dies with its expiry; the device's data goes now regardless.
    }
    await becomeSignedOut()
    restoring = Promise.resolve()
  }

  /** A 401 from any data request while online: the session is gone. */
  async function expire(): Promise<void> {
    await becomeSignedOut()
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
