import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { prepareFormats } from './shared/format'
import { i18n, setLocale, storedLocale } from './i18n'
import { createAppRouter } from './router'
import { firstScreenWaitsFor } from './shared/firstScreen'
import './styles.css'

async function start(): Promise<void> {
  const locale = storedLocale()
  // In tasks of their own while the app waits for IndexedDB and the network, not inside the render
  // of the lights (nor later, in the first idle moment, which may come only after that render).
  prepareFormats(locale)
  if (locale !== 'da') await setLocale(locale)
  const app = createApp(App)
  app.use(createPinia())
  app.use(i18n)
  const router = createAppRouter()
  app.use(router)
  // Move focus to the new page's content on navigation, so screen readers start there.
  let first = true
  router.afterEach(() => {
    if (first) {
      first = false
      return
    }
    requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }))
  })
  // What the first screen does not need waits until it has its content: the first page (and on a
  // home, its units: router.ts).
  firstScreenWaitsFor(router.isReady())
  // Mounted in a task of its own once the modules have run, and not after router.isReady(): the
  // frame shows while the session is checked, and the page follows when the first navigation has
  // resolved — three shorter tasks, not one long one.
  await new Promise((resolve) => setTimeout(resolve))
  app.mount('#app')
}

void start()
