import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/client/db/db'
import { unitsRepo } from '../../src/client/db/repositories'
import { useConnectivityStore } from '../../src/client/features/frame/connectivityStore'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import { useUnitsStore } from '../../src/client/features/units/unitsStore'
import { detail, summary } from './fixtures'

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const fetchMock = vi.fn<typeof fetch>()

beforeEach(async () => {
  setActivePinia(createPinia())
  await Promise.all(db.tables.map((t) => t.clear()))
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('units store', () => {
  it('saves what it fetched to Dexie', async () => {
    fetchMock.mockResolvedValueOnce(json({ asOf: '2026-10-31', units: [summary('u2', 'Bakkely', 'red'), summary('u1', 'Skovbo', 'green')] }))
    const store = useUnitsStore()
    await store.loadUnits()
    expect(store.units.map((u) => u.id)).toEqual(['u2', 'u1'])
    expect(store.stale).toBe(false)
    const cached = await unitsRepo.load()
    expect(cached?.asOf).toBe('2026-10-31')
    expect(cached?.units.map((u) => u.id)).toEqual(['u2', 'u1'])
    expect(cached?.fetchedAt).toBeTypeOf('number')
  })

  it('serves the cache, in order, when the fetch fails (a cold start offline)', async () => {
    await unitsRepo.save('2026-09-30', [summary('u2', 'Bakkely'), summary('u1', 'Skovbo')], Date.UTC(2026, 9, 1))
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const store = useUnitsStore()
    await store.loadUnits()
    expect(store.state).toBe('ready')
    expect(store.stale).toBe(true)
    expect(store.asOf).toBe('2026-09-30')
    expect(store.units.map((u) => u.name)).toEqual(['Bakkely', 'Skovbo'])
    expect(useConnectivityStore().online).toBe(false)
  })

  it('reports an error when there is neither network nor cache', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const store = useUnitsStore()
    await store.loadUnits()
    expect(store.state).toBe('error')
    expect(store.units).toEqual([])
  })

  it('caches a unit detail and serves it offline', async () => {
    fetchMock.mockResolvedValueOnce(json(detail('u1')))
    await useUnitsStore().loadDetail('u1')

    setActivePinia(createPinia())
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const store = useUnitsStore()
    await store.loadDetail('u1')
    expect(store.details.u1?.state).toBe('ready')
    expect(store.details.u1?.stale).toBe(true)
    expect(store.details.u1?.detail?.unit.name).toBe('Skovbo Skole')
  })

  it('a 404 forgets the cached detail', async () => {
    fetchMock.mockResolvedValueOnce(json(detail('u1')))
    await useUnitsStore().loadDetail('u1')
    fetchMock.mockResolvedValueOnce(json({ error: 'not_found', message: 'Enheden findes ikke.' }, 404))
    const store = useUnitsStore()
    await store.loadDetail('u1')
    expect(store.details.u1?.state).toBe('notFound')
    expect(await db.unitDetails.get('u1')).toBeUndefined()
  })

  it('a 401 while online signs out but keeps the cache (nothing is wiped until logout or another person)', async () => {
    await unitsRepo.save('2026-09-30', [summary('u1', 'Skovbo')], 1)
    fetchMock.mockResolvedValueOnce(json({ error: 'unauthorized', message: 'Log ind.' }, 401))
    await useUnitsStore().loadUnits()
    expect(useSessionStore().status).toBe('signedOut')
    expect(await db.unitSummaries.count()).toBe(1)
  })
})

describe('session store', () => {
  const me = { person: { id: 'p1', name: 'Lene Leder', email: 'leder.skovbo@demo.dk' }, roles: [{ role: 'leader', unitId: 'u1' }], units: [], areas: [] }

  it('offline with a cached person: signed in from the cache', async () => {
    fetchMock.mockResolvedValueOnce(json({ me }))
    await useSessionStore().restore()

    setActivePinia(createPinia())
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const session = useSessionStore()
    await session.restore()
    expect(session.status).toBe('signedIn')
    expect(session.fromCache).toBe(true)
    expect(session.me?.person.name).toBe('Lene Leder')
  })

  it('nobody signed in (/api/session answers me: null): signed out, with no failed request', async () => {
    fetchMock.mockResolvedValueOnce(json({ me: null }))
    const session = useSessionStore()
    await session.restore()
    expect(session.status).toBe('signedOut')
    expect(fetchMock.mock.calls[0]![0]).toContain('/api/session')
  })

  it('a cached person opens at once, and an ended session then signs out', async () => {
    fetchMock.mockResolvedValueOnce(json({ me }))
    await useSessionStore().restore()
    setActivePinia(createPinia())
    // The server answers only after the page has opened from the cache.
    let answer!: (response: Response) => void
    fetchMock.mockReturnValueOnce(new Promise<Response>((resolve) => (answer = resolve)))
    const session = useSessionStore()
    await session.restore()
    expect(session.fromCache).toBe(true)
    expect(session.status).toBe('signedIn')
    answer(json({ me: null }))
    await vi.waitFor(() => expect(session.status).toBe('signedOut'))
  })

  it('a 401 online: signed out', async () => {
    fetchMock.mockResolvedValueOnce(json({ error: 'unauthorized' }, 401))
    const session = useSessionStore()
    await session.restore()
    expect(session.status).toBe('signedOut')
  })

  it('login maps a 401 to "invalid" and sends the CSRF header', async () => {
    fetchMock.mockResolvedValueOnce(json({ error: 'invalid_credentials', message: 'Forkert e-mail eller adgangskode.' }, 401))
    const result = await useSessionStore().login('x@demo.dk', 'nej')
    expect(result).toEqual({ error: 'invalid', fields: { email: 'refused', password: 'refused' } })
    const init = fetchMock.mock.calls[0]![1]!
    expect((init.headers as Record<string, string>)['X-Requested-With']).toBe('min-lederside')
  })

  it('login asks for an empty e-mail and password field by field, without sending anything', async () => {
    expect(await useSessionStore().login('  ', '')).toEqual({ error: 'fields', fields: { email: 'missing', password: 'missing' } })
    expect(await useSessionStore().login('x@demo.dk', '')).toEqual({ error: 'fields', fields: { password: 'missing' } })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('login shows a field the server refused at that field', async () => {
    fetchMock.mockResolvedValueOnce(
      json(
        {
          error: 'invalid_input',
          message: 'Oplysningerne i forespørgslen er ikke gyldige.',
          details: [{ path: 'email', message: 'Too big: expected string to have <=320 characters' }],
        },
        400,
      ),
    )
    expect(await useSessionStore().login(`${'x'.repeat(400)}@demo.dk`, 'demo')).toEqual({ error: 'fields', fields: { email: 'refused' } })
  })

  it('a different person signing in wipes the previous person’s units', async () => {
    fetchMock.mockResolvedValueOnce(json({ me }))
    await useSessionStore().restore()
    await unitsRepo.save('2026-09-30', [summary('u1', 'Skovbo')], 1)
    fetchMock.mockResolvedValueOnce(json({ person: { id: 'p2' } }))
    fetchMock.mockResolvedValueOnce(json({ ...me, person: { id: 'p2', name: 'Ole', email: 'o@demo.dk' } }))
    expect(await useSessionStore().login('o@demo.dk', 'demo')).toBeNull()
    expect(await db.unitSummaries.count()).toBe(0)
  })
})
