// Routes and the sign-in guard. The indicator detail (with charts), the guided steps, the forecast,
// the notes, the area chief's views and the economics team's import are separate chunks, so the first screen does not wait for
// them; each brings the later screens' texts with it (withLaterTexts).
import { createRouter, createWebHistory, START_LOCATION, type RouteLocationNormalized, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router'
import { withLaterTexts } from './i18n'
import { legacySlug } from './paths'
import { firstScreenWaitsFor } from './shared/firstScreen'
import { useSessionStore } from './features/session/sessionStore'
import { useUnitsStore } from './features/units/unitsStore'
import HomeView from './features/lights/HomeView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    /** A home: its first screen is the units' lights (or the area's list), from GET /api/units. */
    home?: boolean
  }
}

/** Back on a home from another page: its units are asked for again (at the start, beforeEach asks). */
function unitsOnReturn(_to: RouteLocationNormalized, from: RouteLocationNormalized): void {
  if (from !== START_LOCATION) void useUnitsStore().loadUnits()
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
  // The sign-in page is a chunk of its own (its texts are the first screen's): a signed-in start needs none of it.
  { path: '/logind', name: 'login', component: () => import('./features/session/LoginView.vue'), meta: { public: true } },
  { path: '/', name: 'home', component: HomeView, meta: { home: true }, beforeEnter: unitsOnReturn },
  { path: '/enhed/:unitId', name: 'unit', component: HomeView, meta: { home: true }, beforeEnter: unitsOnReturn },
  // Static segments rank above :indicator, so these never read as an indicator named "prognose".
  { path: '/enhed/:unitId/prognose', name: 'forecast-entry', component: withLaterTexts(() => import('./features/forecast/ForecastView.vue')) },
  { path: '/enhed/:unitId/noter', name: 'notes', component: withLaterTexts(() => import('./features/notes/NotesView.vue')) },
  { path: '/enhed/:unitId/dialog', name: 'oc-unit', component: withLaterTexts(() => import('./features/oc/OcUnitView.vue')) },
  { path: '/enhed/:unitId/dialog/:dialogueId', name: 'dialogue', component: withLaterTexts(() => import('./features/dialogue/DialogueView.vue')) },
  { path: '/enhed/:unitId/udviklingsplan/:planId', name: 'plan', component: withLaterTexts(() => import('./features/dialogue/DevelopmentPlanView.vue')) },
  {
    path: '/enhed/:unitId/:indicator',
    name: 'indicator',
    component: withLaterTexts(() => import('./features/lights/IndicatorView.vue')),
    beforeEnter: danishIndicator,
  },
  { path: '/enhed/:unitId/:indicator/trin', redirect: (to) => `${to.path}/1` },
  {
    path: '/enhed/:unitId/:indicator/trin/:step(\\d+)',
    name: 'steps',
    component: withLaterTexts(() => import('./features/steps/StepsView.vue')),
    beforeEnter: danishIndicator,
  },
  // The economics team's import (/import), its history, the rule sets and people (/import/historik|maaltal|personer): one record and one
  // chunk, as each is more of the first screen's code (importRoutes.ts names the two). Anyone else
  // sees the app's "no such page" (features/import/EconomicsOnly.vue).
  { path: '/import/:page(historik|maaltal|personer|kommune)?', name: 'import', component: withLaterTexts(() => import('./features/import/ImportPages.vue')) },
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

  router.beforeEach(async (to, from) => {
    // Opening the app on a home: the units are asked for at once, alongside the session check (and
    // the device's Dexie), so the first screen waits for one round trip, not two in a row. Without a
    // session the server answers 401, which signs out just as the check does. What the first
    // screen does not need waits for this answer. The session check follows in the next task: each
    // store's start-up is some ms on a slow phone, and together with the navigation one long task.
    if (from === START_LOCATION && to.meta.home) {
      firstScreenWaitsFor(useUnitsStore().loadUnits())
      await new Promise((resolve) => setTimeout(resolve))
    }
    const session = useSessionStore()
    await session.restore()
    if (to.meta.public) return session.isSignedIn ? { path: safeNext(to.query.next) } : true
    if (!session.isSignedIn) return { path: '/logind', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
    return true
  })

  return router
}
