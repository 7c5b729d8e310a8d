// The addresses are Danish; the first version's English indicator names still lead to the page.
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { INDICATORS } from '../../src/core/types'
import { indicatorFromSlug, indicatorPath, INDICATOR_SLUGS, legacySlug, recordPath, stepsPath } from '../../src/client/paths'
import { routes } from '../../src/client/router'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import { leaderMe } from './routed'

function router() {
  const r = createRouter({ history: createMemoryHistory(), routes })
  return r
}

beforeEach(() => {
  setActivePinia(createPinia())
  const session = useSessionStore()
  session.me = leaderMe()
  session.status = 'signedIn'
})

describe('Danish addresses', () => {
  it('every indicator has a Danish segment, read back to the same indicator', () => {
    expect(INDICATOR_SLUGS).toEqual({ budget: 'budget', actionPlan: 'handleplan', forecast: 'prognosesikkerhed', balance: 'balancekonti' })
    for (const key of INDICATORS) expect(indicatorFromSlug(INDICATOR_SLUGS[key])).toBe(key)
    expect(indicatorFromSlug('actionPlan')).toBeNull()
    expect(indicatorPath('u 1', 'balance')).toBe('/enhed/u%201/balancekonti')
    expect(stepsPath('u1', 'actionPlan', 2)).toBe('/enhed/u1/handleplan/trin/2')
    expect(legacySlug('budget')).toBeNull()
    expect(legacySlug('handleplan')).toBeNull()
  })

  it.each([
    ['/enhed/u1/actionPlan', '/enhed/u1/handleplan'],
    ['/enhed/u1/forecast', '/enhed/u1/prognosesikkerhed'],
    ['/enhed/u1/balance', '/enhed/u1/balancekonti'],
    ['/enhed/u1/actionPlan/trin/3', '/enhed/u1/handleplan/trin/3'],
    ['/enhed/u1/forecast/trin', '/enhed/u1/prognosesikkerhed/trin/1'],
    ['/enhed/u1/balance/trin/5?fra=mail#top', '/enhed/u1/balancekonti/trin/5?fra=mail#top'],
  ])('the old %s leads to %s', async (old, danish) => {
    const r = router()
    await r.push(old)
    expect(r.currentRoute.value.fullPath).toBe(danish)
  })

  it.each(['/enhed/u1/budget', '/enhed/u1/handleplan', '/enhed/u1/prognose', '/enhed/u1/noter', '/enhed/u1/budget/trin/2'])(
    '%s stays where it is',
    async (path) => {
      const r = router()
      await r.push(path)
      expect(r.currentRoute.value.fullPath).toBe(path)
    },
  )

  it('a waiting record links to the page that shows it', () => {
    expect(recordPath({ table: 'initiative', unitId: 'u1', indicator: 'actionPlan' })).toBe('/enhed/u1/handleplan/trin/3')
    expect(recordPath({ table: 'explanation', unitId: 'u1', indicator: 'forecast' })).toBe('/enhed/u1/prognosesikkerhed/trin/2')
    expect(recordPath({ table: 'dialoguePreparation', unitId: 'u1', indicator: null })).toBe('/enhed/u1/budget/trin/5')
    expect(recordPath({ table: 'forecast', unitId: 'u1', indicator: null })).toBe('/enhed/u1/prognose')
    expect(recordPath({ table: 'note', unitId: 'u1', indicator: 'budget' })).toBe('/enhed/u1/noter')
  })
})
