import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { prepareFormats } from './shared/format'
import { i18n, setLocale, storedLocale } from './i18n'
import { createAppRouter } from './router'
import { firstScreenWaitsFor } from './shared/firstScreen'
import './styles.css'

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve))
}

async function start(): Promise<void> {
  const locale = storedLocale()
  if (locale !== 'da') await setLocale(locale)
  const app = createApp(App)
  app.use(createPinia())
  app.use(i18n)
  // The modules' evaluation is one long task already: the router's first navigation (the session
  // check and a home's units, both asked for at once) starts in the next one.
  await nextTask()
  // Building the route table and starting the first navigation are each some ms on a slow phone:
  // in tasks of their own rather than one long one.
  const router = createAppRouter()
  await nextTask()
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
  const mountTurn = nextTask()
  // The number and date formats start up in tasks of their own after the mount, while the app waits
  // for the network: not before the requests go out, nor inside the render of the lights.
  prepareFormats(locale)
  await mountTurn
  app.mount('#app')
}

void start()
