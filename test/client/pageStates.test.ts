// What a page says when there is nothing (yet) to show: a new device whose first request failed,
// step 5 before the first sync has brought the records, only dropped initiatives, and another
// unit's notes. Real stores on fake-indexeddb, the app's routes, a scripted server.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useConnectivityStore } from '../../src/client/features/frame/connectivityStore'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { detailWithFigures, plain, summary } from './fixtures'
import { freshDevice, pulled } from './realRecords'
import { leaderMe, routedApp } from './routed'
import { json } from './syncFakeServer'
import { requestUrl } from '../helpers/requestUrl'

/** Path → answer; a path not listed answers 404. A function may throw (no network). */
let answers: Record<string, () => Response>
// eslint-disable-next-line @typescript-eslint/require-await -- async, so that an answer that throws (no network) rejects as fetch does
const fetchMock = vi.fn<typeof fetch>(async (input) => {
  const path = new URL(requestUrl(input), 'http://localhost').pathname
  const answer = answers[path]
  return answer ? answer() : json({ error: 'not_found', message: 'Enheden findes ikke.' }, 404)
})
const offline = () => {
  throw new TypeError('Failed to fetch')
}

beforeEach(async () => {
  await freshDevice()
  answers = { '/api/session': () => json({ me: leaderMe() }) }
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
  document.body.innerHTML = ''
})
afterEach(async () => {
  await useSyncStore().stop()
  vi.unstubAllGlobals()
})

async function open(path: string) {
  const session = useSessionStore()
  session.me = leaderMe()
  session.status = 'signedIn'
  return (await routedApp(path)).wrapper
}

describe('a new device whose first request fails', () => {
  it('online: says nothing could be fetched yet (not "showing the last data") and retries on request', async () => {
    answers['/api/units'] = () => json({ error: 'internal', message: 'Der skete en fejl på serveren.' }, 500)
    const w = await open('/')
    await vi.waitFor(() => expect(w.find('[data-testid="fetch-failed"]').exists()).toBe(true))
    expect(w.text()).toContain('Der kunne ikke hentes data endnu.')
    expect(w.text()).not.toContain('Viser de senest hentede')

    answers['/api/units'] = () => json({ asOf: '2026-10-31', units: [summary('u1', 'Skovbo Skole')] })
    await w.get('[data-testid="fetch-failed"] button').trigger('click')
    await vi.waitFor(() => expect(w.find('h1').exists()).toBe(true))
    expect(w.get('h1').text()).toBe('Skovbo Skole')
    w.unmount()
  })

  it('offline: no "Prøv igen"; it says the data is fetched when the connection is back', async () => {
    answers['/api/units'] = offline
    useConnectivityStore().browserOnline = false
    const w = await open('/')
    await vi.waitFor(() => expect(w.find('[data-testid="fetch-failed"]').exists()).toBe(true))
    expect(w.text()).toContain('Du er offline, og der er ikke hentet data endnu. De hentes, når forbindelsen er tilbage.')
    expect(w.find('[data-testid="fetch-failed"] button').exists()).toBe(false)
    w.unmount()
  })
})

describe('step 5', () => {
  beforeEach(() => {
    answers['/api/units/u1'] = () => json(detailWithFigures())
  })

  it('on a device that has not synced yet says it is loading, not "Ingen forklaring endnu."; then shows the explanation', async () => {
    await freshDevice({ synced: false })
    answers['/api/units/u1'] = () => json(detailWithFigures())
    const w = await open('/enhed/u1/budget/trin/5')
    await vi.waitFor(() => expect(w.find('[data-testid="preparation-summary"]').exists()).toBe(true))
    // The first indicator that is yellow or red, and so would say "no explanation yet".
    const row = w.findAll('[data-indicator]').find((li) => li.find('[data-testid="explanation-loading"]').exists())
    expect(row).toBeDefined()
    const indicator = row!.attributes('data-indicator')!
    const shown = () => w.get(`[data-indicator="${indicator}"]`)
    expect(w.text()).not.toContain('Ingen forklaring endnu.')
    expect(w.text()).not.toContain('Der er ingen initiativer endnu.')

    // The first sync brings the leader's explanation.
    await pulled('explanation', 'e1', { indicator, year: 2026, month: 10, causes: ['Engangsudgift'], body: 'Nyt tag', validReason: true })
    useSyncStore().lastSyncedAt = Date.now()
    await vi.waitFor(() => expect(plain(shown().text())).toContain('Nyt tag'))
    expect(shown().find('[data-testid="explanation-loading"]').exists()).toBe(false)
    w.unmount()
  })

  it('with only a dropped initiative says there are no active ones, and that one was dropped', async () => {
    await pulled('initiative', 'i1', { indicator: 'budget', title: 'Udskyd indkøb', owner: '', dueDate: null, expectedEffect: null, status: 'dropped' })
    const w = await open('/enhed/u1/budget/trin/5')
    await vi.waitFor(() => expect(w.find('[data-testid="no-active-initiatives"]').exists()).toBe(true))
    expect(w.get('[data-testid="no-active-initiatives"]').text()).toBe('Ingen aktive initiativer — 1 droppet')
    expect(w.text()).not.toContain('Der er ingen initiativer endnu.')

    await pulled('initiative', 'i2', { indicator: 'budget', title: 'Færre vikarer', owner: '', dueDate: null, expectedEffect: null, status: 'planned' })
    await vi.waitFor(() => expect(w.find('[data-testid="dropped-initiatives"]').exists()).toBe(true))
    expect(w.get('[data-testid="dropped-initiatives"]').text()).toBe('Desuden 1 droppet initiativ.')
    w.unmount()
  })
})

describe('another unit’s notes', () => {
  it('/enhed/<other>/noter shows the not-found page, not "Der er ingen noter endnu."', async () => {
    const w = await open('/enhed/u-other/noter')
    await vi.waitFor(() => expect(w.find('[data-testid="not-found"]').exists()).toBe(true))
    expect(w.text()).toContain('Enheden findes ikke, eller du har ikke adgang til den.')
    expect(w.text()).not.toContain('Der er ingen noter endnu.')
    expect(w.find('textarea').exists()).toBe(false)
    w.unmount()
  })

  it('the person’s own unit shows its notes at once, without waiting for the server', async () => {
    answers['/api/units/u1'] = offline
    const w = await open('/enhed/u1/noter')
    await vi.waitFor(() => expect(w.find('[data-testid="no-notes"]').exists()).toBe(true))
    expect(w.find('textarea').exists()).toBe(true)
    w.unmount()
  })
})
