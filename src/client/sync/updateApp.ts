// The server no longer speaks this build's sync protocol (426): fetch the new app and reload into
// it. The outbox is in IndexedDB, so the reload loses nothing. With registerType 'prompt' a new
// service worker waits; the generated worker activates on the SKIP_WAITING message, and the page
// reloads once the new worker controls it.
export async function updateApp(): Promise<void> {
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined
  if (!registration) {
    location.reload()
    return
  }
  try {
    await registration.update()
  } catch {
    // Offline: reloading is all that is left; the prompt appears when the update arrives.
  }
  const worker = registration.waiting ?? registration.installing
  if (!worker) {
    location.reload()
    return
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true })
  const activate = () => {
    if (worker.state === 'installed') worker.postMessage({ type: 'SKIP_WAITING' })
  }
  activate()
  worker.addEventListener('statechange', activate)
}
