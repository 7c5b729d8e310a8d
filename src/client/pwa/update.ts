// The one place the service worker is registered and updates are checked: hourly and whenever the
// app becomes visible, never while offline. A new version waits for the leader's "Opdater": an
// automatic reload could throw away what they are typing.
// Registration (workbox-window and the worker's precache downloads) starts when the main thread is
// free after the first screen has mounted: the page needs none of it to show the lights.
import { onMounted, ref } from 'vue'
import { registerSW } from 'virtual:pwa-register'
import { whenIdle } from '../shared/idle'

const HOUR = 60 * 60 * 1000

async function checkForUpdate(swUrl: string, registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.installing || !navigator.onLine) return
  try {
    // Fetch first so an offline or failing server does not make update() throw and log noise.
    const response = await fetch(swUrl, { cache: 'no-store', headers: { 'cache-control': 'no-cache' } })
    if (response.status === 200) await registration.update()
  } catch {
    // Offline after all: try again on the next tick.
  }
}

export function useAppUpdate() {
  const needRefresh = ref(false)
  let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null

  onMounted(() =>
    whenIdle(() => {
      updateServiceWorker = registerSW({
        immediate: true,
        onNeedRefresh() {
          needRefresh.value = true
        },
        onRegisteredSW(swUrl, registration) {
          if (!registration) return
          setInterval(() => void checkForUpdate(swUrl, registration), HOUR)
          document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'visible') void checkForUpdate(swUrl, registration)
          })
        },
      })
    }),
  )

  return {
    needRefresh,
    /** Activates the waiting service worker; the page reloads once it controls it. */
    update: () => updateServiceWorker?.(true),
    later: () => {
      needRefresh.value = false
    },
  }
}
