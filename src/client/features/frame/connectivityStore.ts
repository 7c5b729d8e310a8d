// Whether we can reach the server, and when the app comes back (online again, or visible again) so
// the data can refresh by itself. navigator.onLine alone lies (captive portals, server down), so a
// failed fetch also counts as offline until the next success.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export const useConnectivityStore = defineStore('connectivity', () => {
  const browserOnline = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const reachable = ref(true)
  /** Bumped whenever the app should refresh: back online, or shown again after being hidden. */
  const resumeCount = ref(0)
  let started = false

  const online = computed(() => browserOnline.value && reachable.value)

  /**
   * A request got through. After a spell of unreachable this is the app coming back, and it is
   * often the only sign of it: Chromium may not fire `online` after an offline reload (its
   * navigator.onLine already says true), and a server that was down sends no event at all.
   */
  function markReachable(): void {
    if (!reachable.value) resumeCount.value++
    reachable.value = true
  }
  function markUnreachable(): void {
    reachable.value = false
  }

  function start(): void {
    if (started || typeof window === 'undefined') return
    started = true
    window.addEventListener('online', () => {
      browserOnline.value = true
      reachable.value = true
      resumeCount.value++
    })
    window.addEventListener('offline', () => {
      browserOnline.value = false
    })
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && navigator.onLine) resumeCount.value++
    })
  }

  return { browserOnline, reachable, online, resumeCount, markReachable, markUnreachable, start }
})
