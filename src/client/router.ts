// Routes and the sign-in guard. The indicator detail (with charts), the guided steps, the forecast,
// the notes and the area chief's views are separate chunks, so the first screen does not wait for them.
import {
  createRouter, createWebHistory, START_LOCATION, type RouteLocationNormalized, type RouteLocationRaw, type RouteRecordRaw,
} from 'vue-router'
import { legacySlug } from './paths'
import { useSessionStore } from './features/session/sessionStore'
import { useUnitsStore } from './features/units/unitsStore'
import HomeView from './features/lights/HomeView.vue'
import LoginView from './features/session/LoginView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
  }
}

/**
 * Opening the app on a home: the units are asked for as soon as the guard knows who is signed in
 * (with a person on the device, while the session is still being checked), not after the app has
 * mounted. The home's own loadUnits() in onMounted shares this request.
 */
function loadUnitsAtStart(_to: RouteLocationNormalized, from: RouteLocationNormalized): void {
  if (from === START_LOCATION) void useUnitsStore().loadUnits()
}

/**
 * The first version's English indicator names (/enhed/u/actionPlan/trin/2) lead to the Danish
 * address (/enhed/u/handleplan/trin/2), so a saved bookmark or a shared link still opens the page.
 */
function danishIndicator(to: RouteLocationNormalized): RouteLocationRaw | true {
  const slug = legacySlug(String(to.params.indicator ?? ''))
  if (!slug) return true
  const path = to.path.replace(/^(\/enhed\/[^/]+\/)[^/]+/, `$1${slug}`)
  return { path, query: to.query, hash: to.hash, replace: true }
}

export const routes: RouteRecordRaw[] = [
  { path: '/logind', name: 'login', component: LoginView, meta: { public: true } },
  { path: '/', name: 'home', component: HomeView, beforeEnter: loadUnitsAtStart },
  { path: '/enhed/:unitId', name: 'unit', component: HomeView, beforeEnter: loadUnitsAtStart },
  // Static segments rank above :indicator, so these never read as an indicator named "prognose".
  { path: '/enhed/:unitId/prognose', name: 'forecast-entry', component: () => import('./features/forecast/ForecastView.vue') },
  { path: '/enhed/:unitId/noter', name: 'notes', component: () => import('./features/notes/NotesView.vue') },
  { path: '/enhed/:unitId/dialog', name: 'oc-unit', component: () => import('./features/oc/OcUnitView.vue') },
  { path: '/enhed/:unitId/:indicator', name: 'indicator', component: () => import('./features/lights/IndicatorView.vue'), beforeEnter: danishIndicator },
  { path: '/enhed/:unitId/:indicator/trin', redirect: (to) => `${to.path}/1` },
  { path: '/enhed/:unitId/:indicator/trin/:step(\\d+)', name: 'steps', component: () => import('./features/steps/StepsView.vue'), beforeEnter: danishIndicator },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Only a path inside the app: never a protocol-relative or absolute URL from the query string. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    // Not on the first navigation: the page is already at the top, and scrolling there would force
    // a layout in the middle of the start-up work.
    scrollBehavior: (_to, from, saved) => saved ?? (from === START_LOCATION ? false : { top: 0 }),
  })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    await session.restore()
    if (to.meta.public) return session.isSignedIn ? { path: safeNext(to.query.next) } : true
    if (!session.isSignedIn) return { path: '/logind', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
    return true
  })

  return router
}
