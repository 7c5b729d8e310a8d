import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROTOCOL_VERSION, type PullResponse } from '../../src/core/sync/protocol'
import { db } from '../../src/client/db/db'
import { wipeLocalData } from '../../src/client/db/repositories'
import { backoffDelay } from '../../src/client/sync/backoff'
import { deviceId } from '../../src/client/sync/deviceId'
import { syncOnce } from '../../src/client/sync/engine'
import { withSyncLock } from '../../src/client/sync/lock'
import { SyncScheduler, type SyncEvent } from '../../src/client/sync/scheduler'
import { useRecordsStore, type LocalRecord } from '../../src/client/features/records/recordsStore'
import { useSyncStore } from '../../src/client/features/sync/syncStore'
import { FakeSyncServer } from './syncFakeServer'
import { requestUrl } from '../helpers/requestUrl'
import { stopDevice, syncingDevice } from './realRecords'

// Written at no dialogue: a create carries every field, dialogueId too.
const NOTE = { indicator: 'budget', year: 2026, month: 10, body: 'Vikarforbruget er højt.', visibility: 'shared', dialogueId: null }

let server: FakeSyncServer

async function record(table: 'note' | 'forecast', id: string): Promise<LocalRecord | undefined> {
  const row = await db.records.get(`${table}:${id}`)
  if (!row) return undefined
  const { toLocalRecord } = await import('../../src/client/features/records/recordsStore')
  return toLocalRecord(row)
}

beforeEach(async () => {
  server = new FakeSyncServer()
  await syncingDevice(server.fetch)
})
afterEach(async () => {
  await stopDevice()
  vi.useRealTimers()
})

describe('sync loop', () => {
  it('pushes the outbox in order, then pulls, with the protocol and CSRF headers', async () => {
    const records = useRecordsStore()
    const a = await records.save('note', { scopeId: 'u1', fields: NOTE })
    await records.save('note', { id: a, scopeId: 'u1', fields: { body: 'Anden udgave.' } })
    const b = await records.save('note', { scopeId: 'u1', fields: { ...NOTE, body: 'Note B.' } })

    await useSyncStore().syncNow()

    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/sync/push', 'GET /api/sync/pull'])
    const push = server.requests[0]!
    expect(push.headers['x-sync-protocol']).toBe(String(PROTOCOL_VERSION))
    expect(push.headers['X-Requested-With']).toBe('min-lederside')
    const body = server.pushes()[0]!
    expect(body.protocol).toBe(PROTOCOL_VERSION)
    expect(body.deviceId).toBe(await deviceId())
    expect(body.mutations.map((m) => [m.recordId, m.fields.body])).toEqual([
      [a, NOTE.body],
      [a, 'Anden udgave.'],
      [b, 'Note B.'],
    ])
    expect(server.requests[1]!.path).toBe('/api/sync/pull')

    expect(await db.outbox.count()).toBe(0)
    const saved = await record('note', a)
    expect(saved).toMatchObject({ version: 2, pendingFields: [], conflicts: [], rejection: null })
    expect(saved?.data.body).toBe('Anden udgave.')
    expect((await db.meta.get('syncCursor'))?.value).toBe(3)
    expect(useSyncStore().status).toBe('saved')
    expect(useSyncStore().lastSyncedAt).toBeTypeOf('number')
  })

  it('pages through the pull by cursor and stores the cursor with each page', async () => {
    for (let i = 0; i < 5; i++) server.edit('note', `n${i}`, 'u1', { ...NOTE, body: `Note ${i}` })
    const pages: string[] = []
    const original = server.fetch.getMockImplementation()!
    server.fetch.mockImplementation(async (input, init) => {
      const url = new URL(requestUrl(input), 'http://localhost')
      // A small page size, so five notes take three pages.
      if (url.pathname === '/api/sync/pull') {
        url.searchParams.set('limit', '2')
        pages.push(url.searchParams.get('cursor')!)
      }
      return original(url.pathname + url.search, init)
    })
    await syncOnce()
    expect(pages).toEqual(['0', '2', '4'])
    expect((await db.meta.get('syncCursor'))?.value).toBe(5)
    expect(await db.records.count()).toBe(5)

    // The next sync starts where the last one ended.
    server.edit('note', 'n0', 'u1', { body: 'Ændret' })
    await syncOnce()
    expect(pages.at(-1)).toBe('5')
    expect((await record('note', 'n0'))?.data.body).toBe('Ændret')
  })

  it('retries after a network error, with exponential backoff and jitter', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const events: SyncEvent[] = []
    let calls = 0
    const scheduler = new SyncScheduler({
      run: async () => {
        calls++
        if (calls <= 2) throw new (await import('../../src/client/api/http')).NetworkError()
        return { pushed: { applied: 1, conflicts: 0, rejected: 0, retry: 0 }, pulled: 0, cursor: 0, figuresChanged: [] }
      },
      random: () => 0.5,
      intervalMs: 10 * 60_000,
      startDelayMs: 0,
    })
    scheduler.on((e) => events.push(e))
    scheduler.start()
    await vi.advanceTimersByTimeAsync(0)
    const failures = events.filter((e) => e.type === 'failed')
    expect(failures).toEqual([{ type: 'failed', failure: 'offline', message: '', retryInMs: backoffDelay(1, 0.5) }])
    await vi.advanceTimersByTimeAsync(backoffDelay(1, 0.5) - 1)
    expect(calls).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toBe(2)
    // The second failure waits about twice as long.
    expect(events.filter((e) => e.type === 'failed').at(-1)).toMatchObject({ retryInMs: backoffDelay(2, 0.5) })
    await vi.advanceTimersByTimeAsync(backoffDelay(2, 0.5))
    expect(calls).toBe(3)
    expect(events.at(-1)?.type).toBe('succeeded')
    await scheduler.stop()
  })

  it('backoff doubles from 2 s to a 5 min ceiling, jitter within [half, whole]', () => {
    expect(backoffDelay(1, 0)).toBe(1_000)
    expect(backoffDelay(1, 0.999)).toBeLessThanOrEqual(2_000)
    expect(backoffDelay(2, 0)).toBe(2_000)
    expect(backoffDelay(3, 0)).toBe(4_000)
    expect(backoffDelay(30, 1)).toBe(300_000)
  })

  it('shows offline with the changes waiting, then saves them when the network is back', async () => {
    const records = useRecordsStore()
    await records.save('note', { scopeId: 'u1', fields: NOTE })
    await records.save('note', { scopeId: 'u1', fields: { ...NOTE, body: 'To' } })
    server.failNetwork()
    const sync = useSyncStore()
    await sync.syncNow()
    expect(sync.status).toBe('offline')
    expect(sync.pending).toBe(2)
    expect(await db.outbox.count()).toBe(2)
    await sync.syncNow()
    expect(sync.status).toBe('saved')
    expect(sync.pending).toBe(0)
  })

  it('a 401 keeps the outbox, asks to sign in again, and stops automatic runs until then', async () => {
    const sync = useSyncStore()
    sync.start()
    await vi.waitFor(() => expect(sync.lastSyncedAt).not.toBe(null))
    await useRecordsStore().save('note', { scopeId: 'u1', fields: { ...NOTE, body: 'Efter start' } })
    server.failStatus(401, { error: 'unauthorized', message: 'Log ind igen.' })
    await sync.syncNow()
    expect(sync.status).toBe('signInAgain')
    expect(await db.outbox.count()).toBe(1)
    expect(await db.records.count()).toBe(1)

    // Automatic triggers wait for the person; nothing is sent meanwhile.
    const before = server.requests.length
    window.dispatchEvent(new Event('online'))
    // A run starts synchronously on its trigger (the 'started' event sets syncing): none did.
    expect(sync.syncing).toBe(false)
    await flushPromises()
    expect(sync.syncing).toBe(false)
    expect(server.requests.length).toBe(before)

    // Signed in again: what waited is pushed.
    await sync.resumeAfterSignIn()
    expect(await db.outbox.count()).toBe(0)
    expect(sync.status).toBe('saved')
  })

  it('a 426 says the app is too old and keeps the outbox', async () => {
    await useRecordsStore().save('note', { scopeId: 'u1', fields: NOTE })
    server.failStatus(426, { error: 'client_outdated', message: 'Appen skal opdateres.' })
    const sync = useSyncStore()
    await sync.syncNow()
    expect(sync.status).toBe('outdated')
    expect(await db.outbox.count()).toBe(1)
  })

  it('a 403 device_mismatch renews the device id and pushes the outbox under the new one', async () => {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    const before = await deviceId()
    server.failStatus(403, { error: 'device_mismatch', message: 'Enheden er registreret til en anden bruger. Log ud og ind igen.' })
    const sync = useSyncStore()
    await sync.syncNow()
    const [refused, accepted] = server.pushes()
    expect(refused?.deviceId).toBe(before)
    expect(accepted?.deviceId).not.toBe(before)
    expect(accepted?.deviceId).toBe(await deviceId())
    expect(accepted?.mutations.map((m) => m.recordId)).toEqual([id])
    expect(await db.outbox.count()).toBe(0)
    expect(sync.status).toBe('saved')
  })

  it('a device id refused again after renewal stops with a clear status, keeps the outbox, and is not retried', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    await useRecordsStore().save('note', { scopeId: 'u1', fields: NOTE })
    const mismatch = { error: 'device_mismatch', message: 'Enheden er registreret til en anden bruger. Log ud og ind igen.' }
    server.failStatus(403, mismatch)
    server.failStatus(403, mismatch)
    const sync = useSyncStore()
    sync.start()
    await sync.syncNow()
    expect(sync.status).toBe('deviceMismatch')
    expect(await db.outbox.count()).toBe(1)
    const requests = server.requests.length
    expect(requests).toBe(2)
    // No backoff: an hour of timers and an 'online' event send nothing more.
    window.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    expect(server.requests.length).toBe(requests)
    // The person's "Prøv igen" tries once more (and here the server has let go of the id).
    await sync.syncNow()
    expect(sync.status).toBe('saved')
    expect(await db.outbox.count()).toBe(0)
  })

  it('a push the server refuses as invalid is not retried with backoff: it says so and waits for the person', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    await useRecordsStore().save('note', { scopeId: 'u1', fields: NOTE })
    server.failStatus(413, { error: 'payload_too_large', message: 'Forespørgslen er for stor.' })
    const sync = useSyncStore()
    sync.start()
    await sync.syncNow()
    expect(sync.status).toBe('refused')
    expect(sync.lastError).toBe('Forespørgslen er for stor.')
    const requests = server.requests.length
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    expect(server.requests.length).toBe(requests)
    expect(await db.outbox.count()).toBe(1)
  })

  it('a server error on one change keeps it for a retry and says the sync failed', async () => {
    await useRecordsStore().save('note', { scopeId: 'u1', fields: NOTE })
    server.scriptPush((m) => ({ mutationId: m.mutationId, status: 'rejected', reason: 'error', message: 'Fejl på serveren.' }))
    const sync = useSyncStore()
    await sync.syncNow()
    expect(sync.status).toBe('failed')
    expect(await db.outbox.count()).toBe(1)
    await sync.syncNow()
    expect(sync.status).toBe('saved')
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('merging on the device', () => {
  async function pushed(id: string): Promise<void> {
    await syncOnce()
    expect((await record('note', id))?.version).toBeGreaterThan(0)
  }

  it('a pulled change lands under a pending local edit: the local field stays on top', async () => {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    await pushed(id)
    await records.save('note', { id, scopeId: 'u1', fields: { body: 'Min tekst' } })
    server.edit('note', id, 'u1', { month: 11 })
    // Pull only: the push waits (offline for that one request).
    const { applyPullPage } = await import('../../src/client/db/records')
    const page = (await (await server.fetch('/api/sync/pull?cursor=1&limit=100')).json()) as PullResponse
    await applyPullPage(page.changes, page.cursor)
    const local = await record('note', id)
    expect(local?.data).toMatchObject({ body: 'Min tekst', month: 11 })
    expect(local?.pendingFields).toEqual(['body'])
    expect(local?.version).toBe(2)
  })

  /** A note synced, then its body changed on this device and by someone else on the server, then a sync. */
  async function bodyChangedOnBothSides(): Promise<string> {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    await pushed(id)
    await records.save('note', { id, scopeId: 'u1', fields: { body: 'Min tekst' } })
    server.edit('note', id, 'u1', { body: 'Deres tekst' })
    await syncOnce()
    return id
  }

  it('a same-field conflict is kept on the record; "theirs" takes the server value', async () => {
    const records = useRecordsStore()
    const id = await bodyChangedOnBothSides()

    const conflicted = await record('note', id)
    expect(conflicted?.conflicts).toEqual([{ field: 'body', mine: 'Min tekst', theirs: 'Deres tekst' }])
    expect(conflicted?.data.body).toBe('Min tekst')
    expect(conflicted?.pendingFields).toEqual(['body'])
    expect(await db.outbox.count()).toBe(0)

    await records.resolveConflict('note', id, 'body', 'theirs')
    const resolved = await record('note', id)
    expect(resolved?.conflicts).toEqual([])
    expect(resolved?.data.body).toBe('Deres tekst')
    expect(await db.outbox.count()).toBe(0)
  })

  it('"mine" sends the person\'s value again, based on the version they have now seen', async () => {
    const records = useRecordsStore()
    const id = await bodyChangedOnBothSides()
    const version = (await record('note', id))!.version

    await records.resolveConflict('note', id, 'body', 'mine')
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ recordId: id, baseVersion: version, fields: { body: 'Min tekst' } })
    await syncOnce()
    const resolved = await record('note', id)
    expect(resolved?.conflicts).toEqual([])
    expect(resolved?.data.body).toBe('Min tekst')
    expect(resolved?.pendingFields).toEqual([])
  })

  it('a rejected change stays visible with its reason until dismissed', async () => {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u9', fields: NOTE })
    server.scriptPush((m) => ({ mutationId: m.mutationId, status: 'rejected', reason: 'forbidden', message: 'Du har ikke adgang til at ændre denne post.' }))
    await syncOnce()
    expect(await db.outbox.count()).toBe(0)

    const list = records.list('note', 'u9')
    await vi.waitFor(() => expect(list.value).toHaveLength(1))
    const shown = list.value[0]!
    expect(shown.rejection).toEqual({ reason: 'forbidden', message: 'Du har ikke adgang til at ændre denne post.', fields: Object.keys(NOTE) })
    expect(shown.data.body).toBe(NOTE.body)

    await records.dismissRejection('note', id)
    await vi.waitFor(() => expect(list.value).toHaveLength(0))
  })

  it("a delete that meets someone else's edit comes back as a conflict, resolvable either way", async () => {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    await pushed(id)
    await records.remove('note', id)
    server.edit('note', id, 'u1', { body: 'Deres tekst' })
    await syncOnce()
    const conflicted = await record('note', id)
    expect(conflicted?.deleted).toBe(false)
    expect(conflicted?.conflicts).toEqual([{ field: 'deleted', mine: true, theirs: false }])

    await records.resolveConflict('note', id, 'deleted', 'mine')
    await syncOnce()
    expect((await record('note', id))?.deleted).toBe(true)
  })

  it('a record deleted and made again before the next sync is live on the server, not refused', async () => {
    const records = useRecordsStore()
    const id = await records.save('note', { scopeId: 'u1', fields: NOTE })
    await pushed(id)
    await records.remove('note', id)
    await records.save('note', { id, scopeId: 'u1', fields: { ...NOTE, body: 'Skrevet igen' } })
    await syncOnce()
    const local = await record('note', id)
    expect(local?.rejection).toBeNull()
    expect(local?.deleted).toBe(false)
    expect(local?.data.body).toBe('Skrevet igen')
    expect(local?.pendingFields).toEqual([])
    expect(await db.outbox.count()).toBe(0)
  })

  it('a pulled tombstone removes the record from the list', async () => {
    server.edit('note', 'n1', 'u1', NOTE)
    server.edit('note', 'n2', 'u1', { ...NOTE, body: 'To' })
    await syncOnce()
    const list = useRecordsStore().list('note', 'u1')
    await vi.waitFor(() => expect(list.value).toHaveLength(2))
    server.remove('note', 'n1')
    await syncOnce()
    await vi.waitFor(() => expect(list.value.map((r) => r.id)).toEqual(['n2']))
    expect((await record('note', 'n1'))?.deleted).toBe(true)
  })
})

describe('device id and single flight', () => {
  it('the device id is stable, and new after a wipe', async () => {
    const first = await deviceId()
    expect(await deviceId()).toBe(first)
    await syncOnce()
    await useRecordsStore().save('note', { scopeId: 'u1', fields: NOTE })
    await syncOnce()
    expect(server.pushes()[0]?.deviceId).toBe(first)
    await wipeLocalData()
    expect(await deviceId()).not.toBe(first)
  })

  it('one sync at a time: a second lock holder waits for the first', async () => {
    const order: string[] = []
    let release!: () => void
    const first = withSyncLock(async () => {
      order.push('first start')
      await new Promise<void>((r) => (release = r))
      order.push('first end')
    })
    const second = withSyncLock(() => {
      order.push('second')
      return Promise.resolve()
    })
    await flushPromises()
    expect(order).toEqual(['first start'])
    release()
    await Promise.all([first, second])
    expect(order).toEqual(['first start', 'first end', 'second'])
  })

  it('uses navigator.locks when the browser has it', async () => {
    const request = vi.fn((_name: string, fn: () => Promise<unknown>) => fn())
    vi.stubGlobal('navigator', { ...navigator, locks: { request } })
    expect(await withSyncLock(() => Promise.resolve(42))).toBe(42)
    expect(request).toHaveBeenCalledWith('mls-sync', expect.any(Function))
  })

  it('a request during a run queues exactly one follow-up, so a write made mid-run is sent', async () => {
    let runs = 0
    let release!: () => void
    const scheduler = new SyncScheduler({
      run: async () => {
        runs++
        if (runs === 1) await new Promise<void>((r) => (release = r))
        return { pushed: { applied: 0, conflicts: 0, rejected: 0, retry: 0 }, pulled: 0, cursor: 0, figuresChanged: [] }
      },
    })
    const first = scheduler.request('manual')
    const second = scheduler.request('manual')
    const third = scheduler.request('manual')
    expect(second).toBe(third)
    release()
    await Promise.all([first, second, third])
    expect(runs).toBe(2)
  })
})
