import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { prepareFormats } from './shared/format'
import { i18n, setLocale, storedLocale } from './i18n'
import { whenIdle } from './shared/idle'
import { createAppRouter } from './router'
import './styles.css'

async function start(): Promise<void> {
  const locale = storedLocale()
  // While the app waits for IndexedDB and the network, not inside the render of the lights.
  whenIdle(() => prepareFormats(locale))
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
  await router.isReady()
  app.mount('#app')
}

void start()
