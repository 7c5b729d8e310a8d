// The first screen: its texts ship in the entry chunk and the rest loads with the later screens
// (i18n/parts.ts, split at build time), so the home and the sign-in page must need no text of the
// later part; and opening the app on a home asks for the session and the units together.
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import first from 'virtual:texts/da/first'
import later from 'virtual:texts/da/later'
import { FIRST_SCREEN_TEXTS, splitMessages, type Messages } from '../../src/client/i18n/parts'
import AppHeader from '../../src/client/features/frame/AppHeader.vue'
import OfflineBanner from '../../src/client/features/frame/OfflineBanner.vue'
import { createAppRouter, routes } from '../../src/client/router'
import { useConnectivityStore } from '../../src/client/features/frame/connectivityStore'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import { useUnitsStore } from '../../src/client/features/units/unitsStore'
import { db } from '../../src/client/db/db'
import type { UnitSummary } from '../../src/client/api/types'
import { actionPlanFacts, balanceFacts, budgetFacts, forecastFacts, greyLight, light, summary } from './fixtures'
import { leaderMe } from './routed'
import { json } from './syncFakeServer'
import { requestUrl } from '../helpers/requestUrl'

// Only the first screen: what follows it (the sync status line, the home's second layer, the
// update prompt …) brings its own texts and is not shown here.
vi.mock('../../src/client/shared/firstScreen', () => ({
  afterFirstScreen: () => undefined,
  firstScreenWaitsFor: () => undefined,
  useAfterFirstScreen: () => ref(false),
}))

// The files as people edit them (an import would give them precompiled).
const locale = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../src/client/i18n/locales/${name}.json`), 'utf8')) as Messages
const da = locale('da')
const en = locale('en')

/** Every message path of a messages object ('home.overall', 'reason.missing.noFigures' …). */
function paths(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : paths(value, `${prefix}${key}.`)))
}

describe('the split of the messages', () => {
  it.each([
    ['da', da],
    ['en', en],
  ])('%s: every message is in exactly one part', (_locale, messages) => {
    const parts = splitMessages(messages, FIRST_SCREEN_TEXTS)
    const firstPaths = paths(parts.first)
    const laterPaths = paths(parts.later)
    expect(firstPaths.filter((p) => laterPaths.includes(p))).toEqual([])
    expect([...firstPaths, ...laterPaths].sort()).toEqual(paths(messages).sort())
  })

  it("the first part is the first screen's, the later screens' texts are the other part", () => {
    const { first: firstPart, later: laterPart } = splitMessages(da, FIRST_SCREEN_TEXTS)
    expect(paths(firstPart)).toEqual(expect.arrayContaining(['home.overall', 'reason.budgetOver', 'login.password', 'steps.start', 'notes.link']))
    expect(paths(laterPart)).toEqual(expect.arrayContaining(['sync.saved', 'detail.historyHeading', 'steps.title', 'notes.title', 'forecastEntry.title']))
    expect(paths(firstPart).length).toBeLessThan(paths(laterPart).length)
  })

  it('refuses a first-screen path that names no message', () => {
    expect(() => splitMessages(da, ['home.noSuchText'])).toThrow(/home\.noSuchText/)
  })

  it("the build's two parts are these two", () => {
    // Precompiled: the same keys, each a compiled message instead of its text.
    const { first: firstPart, later: laterPart } = splitMessages(da, FIRST_SCREEN_TEXTS)
    const isMessage = (v: unknown) =>
      typeof v !== 'object' || v === null || typeof (v as { type?: unknown }).type === 'number' || typeof (v as { t?: unknown }).t === 'number'
    const keys = (m: Record<string, unknown>): string[] =>
      Object.entries(m).flatMap(([k, v]) => (isMessage(v) ? [k] : keys(v as Record<string, unknown>).map((p) => `${k}.${p}`)))
    expect(keys(first as Record<string, unknown>).sort()).toEqual(paths(firstPart).sort())
    expect(keys(later as Record<string, unknown>).sort()).toEqual(paths(laterPart).sort())
  })
})

describe('the first screen with only the first part of the texts', () => {
  let missing: Set<string>
  const fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(json({ error: 'not_found', message: '' }, 404)))

  beforeEach(async () => {
    setActivePinia(createPinia())
    await Promise.all(db.tables.map((t) => t.clear()))
    missing = new Set()
    vi.stubGlobal('fetch', fetchMock)
    document.body.innerHTML = ''
  })
  afterEach(() => vi.unstubAllGlobals())

  function texts() {
    const i18n = createI18n({
      legacy: false,
      locale: 'da',
      messages: { da: first },
      missingWarn: false,
      fallbackWarn: false,
      missing: (_locale: string, key: string) => {
        missing.add(key)
      },
    })
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createRouter({ history: createMemoryHistory(), routes })
    return { i18n, pinia, router }
  }

  async function mountFrame(path: string, setup: () => void) {
    const { i18n, pinia, router } = texts()
    setup()
    const units = useUnitsStore()
    units.loadUnits = vi.fn(() => Promise.resolve())
    await router.push(path)
    await router.isReady()
    const Root = defineComponent({ render: () => h('div', [h(AppHeader), h(OfflineBanner), h('main', [h(RouterView)])]) })
    const wrapper = mount(Root, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body })
    await flushPromises()
    return wrapper
  }

  function leaderWithTwoUnits(state: 'ready' | 'error' | 'loading') {
    const session = useSessionStore()
    session.me = leaderMe()
    session.status = 'signedIn'
    const units = useUnitsStore()
    units.state = state
    if (state !== 'ready') return
    const every: UnitSummary = {
      ...summary('u1', 'Skovbo Skole', 'red'),
      lights: {
        budget: light(budgetFacts(), 'green'),
        actionPlan: light(actionPlanFacts(), 'yellow'),
        forecast: light(forecastFacts(), 'red'),
        balance: greyLight(balanceFacts(), 'noAccountsDue'),
      },
    }
    units.units = [every, summary('u2', 'Bakkely Skole', 'yellow')]
    units.asOf = '2026-10-31'
    units.fetchedAt = 1
    units.stale = true
  }

  it("the leader's home: header, units, four lights of every colour, a failed refresh", async () => {
    const w = await mountFrame('/enhed/u1', () => leaderWithTwoUnits('ready'))
    expect(w.findAll('[data-testid^="light-"]')).toHaveLength(4)
    expect(w.text()).toContain('Samlet vurdering')
    expect([...missing]).toEqual([])
  })

  it('offline, and a home that has nothing yet or could not fetch', async () => {
    for (const state of ['loading', 'error'] as const) {
      const w = await mountFrame('/', () => {
        leaderWithTwoUnits(state)
        useConnectivityStore().markUnreachable()
      })
      expect(w.text()).not.toBe('')
      w.unmount()
    }
    expect([...missing]).toEqual([])
  })

  it('a unit that is not there', async () => {
    await mountFrame('/enhed/nowhere', () => leaderWithTwoUnits('ready'))
    expect([...missing]).toEqual([])
  })

  it('the sign-in page', async () => {
    const w = await mountFrame('/logind', () => {
      useSessionStore().status = 'signedOut'
    })
    await vi.waitFor(() => expect(w.find('form').exists()).toBe(true))
    expect(w.text()).toContain('Adgangskode')
    expect([...missing]).toEqual([])
  })
})

describe('opening the app on a home, on a new device', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await Promise.all(db.tables.map((t) => t.clear()))
  })
  afterEach(() => vi.unstubAllGlobals())

  it('asks for the session and the units together: one round trip, not two in a row', async () => {
    const asked: string[] = []
    const answers = new Map<string, (r: Response) => void>()
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        const path = new URL(requestUrl(input), 'http://localhost').pathname
        asked.push(path)
        return new Promise<Response>((resolve) => answers.set(path, resolve))
      }),
    )
    const router = createAppRouter()
    const opened = router.push('/')
    await vi.waitFor(() => expect(asked).toContain('/api/session'))
    // Neither has answered yet, and both have been asked.
    expect(asked.sort()).toEqual(['/api/session', '/api/units'])

    answers.get('/api/units')!(json({ asOf: '2026-10-31', units: [summary('u1', 'Skovbo Skole')] }))
    answers.get('/api/session')!(json({ me: leaderMe(), today: '2026-11-20' }))
    await opened
    expect(router.currentRoute.value.path).toBe('/')
    await vi.waitFor(() => expect(useUnitsStore().state).toBe('ready'))
    expect(asked.filter((p) => p === '/api/units')).toHaveLength(1)
  })
})
