// The bench's floor page: the least a page built from the app's own libraries (vue, vue-router,
// pinia, dexie, vue-i18n with precompiled messages) must do to show the signed-in leader's four
// cards — one request for the units, written to Dexie and read back from it, one render. The home
// is measured as a ratio to it in the same run (test/bench/lighthouse.ts), so the machine's noise
// cancels and what is left is the cost of the app's own work.
import Dexie, { type EntityTable } from 'dexie'
import { createPinia, defineStore } from 'pinia'
import { createI18n, useI18n } from 'vue-i18n'
import { createApp, defineComponent, h, ref } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'
import type { UnitSummary, UnitsResponse } from '../../../src/client/api/types'
import { lightsInOrder } from '../../../src/core/indicators/inUse'
import type { Light } from '../../../src/core/types'
import da from './messages/da.json'
// The app's own stylesheets (no components): the largest paint is of the very same card.
import '../../../src/client/styles.css'
import '../../../src/client/features/lights/lightCard.css'

type CachedUnit = UnitSummary & { order: number }

const db = new Dexie('mls-floor') as Dexie & { units: EntityTable<CachedUnit, 'id'> }
db.version(1).stores({ units: 'id, order' })

const useUnits = defineStore('units', () => {
  const units = ref<CachedUnit[]>([])
  async function load(): Promise<void> {
    const answer = fetch('/api/units', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    units.value = await db.units.orderBy('order').toArray()
    const res = await answer
    if (!res.ok) return
    const body = (await res.json()) as UnitsResponse
    await db.units.bulkPut(body.units.map((u, order) => ({ ...u, order })))
    units.value = await db.units.orderBy('order').toArray()
  }
  return { units, load }
})

const kroner = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const percent = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 1 })
const mio = (n: number) => `${kroner.format(n / 1_000_000)} mio. kr.`
const pct = (n: number | null) => (n === null ? '–' : percent.format(n))

function reason(light: Light, t: (key: string, named?: Record<string, unknown>) => string): string {
  const f = light.facts
  if (light.missing) return t('reason.missing')
  switch (f.kind) {
    case 'budget':
      return t('reason.budget', { forecast: mio(f.forecast ?? 0), budget: mio(f.budget), pct: pct(f.deviation) })
    case 'forecast':
      return t('reason.forecast', { implied: mio(f.impliedSpend ?? 0), actual: mio(f.actualSpend), pct: pct(f.accuracy), interval: pct(f.interval) })
    case 'actionPlan':
      return t('reason.actionPlan', { done: f.doneOnTime, due: f.due, pct: pct(f.fulfilment), target: pct(f.target) })
    case 'balance':
      return t('reason.balance', { done: f.reconciledOnTime, due: f.due, pct: pct(f.rate), target: pct(f.target) })
  }
}

const Home = defineComponent({
  setup() {
    const store = useUnits()
    const { t } = useI18n()
    void store.load()
    const card = (light: Light) =>
      h('li', { key: light.indicator }, [
        h('article', { class: ['light-card', `is-${light.colour}`], 'data-testid': `light-${light.indicator}` }, [
          h('div', { class: 'top spread' }, [h('h3', { class: 'name' }, t(`indicator.${light.indicator}`)), h('span', t(`colour.${light.colour}`))]),
          h('p', { class: 'reason' }, reason(light, t)),
        ]),
      ])
    return () => {
      const unit = store.units[0]
      if (!unit) return h('p', { role: 'status' }, t('loading'))
      return h('main', { class: 'home' }, [
        h('h1', { class: 'unit-name' }, unit.name),
        h('p', unit.areaName),
        h('p', `${t('overall')}: ${t(`colour.${unit.overall}`)}`),
        h('ul', { class: 'item-list light-list' }, lightsInOrder(unit.lights).map(card)),
      ])
    }
  },
})

const router = createRouter({ history: createWebHistory('/floor/'), routes: [{ path: '/', component: Home }] })
const i18n = createI18n({ legacy: false, locale: 'da', messages: { da } })
const app = createApp(RouterView)
app.use(createPinia()).use(i18n).use(router)
void router.isReady().then(() => app.mount('#app'))
