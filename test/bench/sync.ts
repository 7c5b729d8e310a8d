// Sync budgets (ARCHITECTURE.md, "Speed budgets"):
// 1. A first sync of 10,000 notes into IndexedDB ≤ 3 s. 10,000 notes are pushed for the demo
//    leader's unit through the real push endpoint (as devices would write them), then a fresh
//    Chromium profile signs in and the app's own first sync is timed: the client leaves a
//    performance.measure('mls-sync') when a sync has pushed and pulled everything into Dexie.
// 2. The pull endpoint on the embedded database: ≥ 1,000 requests/s at p99 ≤ 50 ms on loopback
//    (autocannon, 10 connections, 10 s), for the pull every device makes every minute: from the
//    cursor of its last sync, nothing new. The same pull with 10 new changes to fetch is measured
//    too and shown beside it, so a slow path there is visible rather than hidden.
import { createRequire } from 'node:module'
import { DEMO_LEADER, firstVisit, launchChromium, storedRecords } from '../helpers/browser'
import { loginCookie, type ServerProcess } from '../helpers/server-process'
import { PROTOCOL_VERSION } from '../../src/core/sync/protocol'
import { figure, type Figure } from './report'

export const FIRST_SYNC_NOTES = 10_000
export const FIRST_SYNC_BUDGET_MS = 3_000
export const PULL_RPS_BUDGET = 1_000
export const PULL_P99_BUDGET_MS = 50

const PUSH_BATCH = 500
const PROTOCOL = { 'x-sync-protocol': String(PROTOCOL_VERSION) }

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers: Record<string, string> }) => Promise<AutocannonResult>
// autocannon ships CommonJS without types.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

async function api<T>(server: ServerProcess, cookie: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, ...PROTOCOL, 'content-type': 'application/json', 'x-requested-with': 'min-lederside' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** Pushes `count` notes for the leader's first unit, as one device would; returns the unit id. */
export async function seedNotes(server: ServerProcess, cookie: string, count: number): Promise<string> {
  const me = await api<{ units: Array<{ id: string }> }>(server, cookie, '/api/me')
  const unitId = me.units[0]?.id
  if (!unitId) throw new Error(`${DEMO_LEADER} has no unit`)
  const deviceId = crypto.randomUUID()
  for (let done = 0; done < count; done += PUSH_BATCH) {
    const mutations = Array.from({ length: Math.min(PUSH_BATCH, count - done) }, (_, i) => ({
      mutationId: crypto.randomUUID(),
      table: 'note',
      recordId: crypto.randomUUID(),
      scopeId: unitId,
      deviceSeq: done + i + 1,
      baseVersion: 0,
      op: 'upsert',
      fields: {
        indicator: 'budget',
        year: 2025,
        month: 1 + ((done + i) % 12),
        body: `Note ${done + i + 1}: vikarforbruget var højere end planlagt, fordi to medarbejdere var sygemeldt i perioden.`,
        visibility: 'shared',
      },
    }))
    const { results } = await api<{ results: Array<{ status: string }> }>(server, cookie, '/api/sync/push', { protocol: PROTOCOL_VERSION, deviceId, mutations })
    const refused = results.filter((r) => r.status !== 'applied').length
    if (refused) throw new Error(`${refused} seeded notes were not applied`)
  }
  return unitId
}

/** A fresh profile signs in; the app's first sync (after its start delay) is timed in the page. */
export async function firstSyncTime(server: ServerProcess, cookie: string): Promise<{ ms: number; pulled: number }> {
  const browser = await launchChromium()
  try {
    const page = await firstVisit(browser, server.url, cookie)
    const handle = await page.waitForFunction(
      () => {
        const first = performance.getEntriesByName('mls-sync', 'measure')[0] as PerformanceMeasure | undefined
        return first ? { ms: first.duration, pulled: (first.detail as { pulled: number }).pulled } : null
      },
      undefined,
      { timeout: 60_000, polling: 100 },
    )
    const result = (await handle.jsonValue())!
    const stored = await storedRecords(page)
    if (stored < FIRST_SYNC_NOTES) throw new Error(`only ${stored} records reached IndexedDB`)
    return result
  } finally {
    await browser.close()
  }
}

/** The cursor a device would hold after its last sync, minus the few newest changes. */
async function recentCursor(server: ServerProcess, cookie: string, behind: number): Promise<number> {
  let cursor = 0
  for (;;) {
    const page = await api<{ cursor: number; hasMore: boolean }>(server, cookie, `/api/sync/pull?cursor=${cursor}&limit=2000`)
    if (!page.hasMore) return Math.max(0, page.cursor - behind)
    cursor = page.cursor
  }
}

export async function pullThroughput(server: ServerProcess, cookie: string, cursor: number): Promise<AutocannonResult> {
  // A short warm-up, so the JIT and the database's caches are not part of the figure.
  await autocannon({ url: `${server.url}/api/sync/pull?cursor=${cursor}`, connections: 10, duration: 2, headers: { cookie, ...PROTOCOL } })
  const result = await autocannon({ url: `${server.url}/api/sync/pull?cursor=${cursor}`, connections: 10, duration: 10, headers: { cookie, ...PROTOCOL } })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`pull answered ${result.non2xx} non-2xx and ${result.errors} errors`)
  return result
}

export async function benchSync(server: ServerProcess): Promise<Figure[]> {
  const cookie = await loginCookie(server.url, DEMO_LEADER)
  const unitId = await seedNotes(server, cookie, FIRST_SYNC_NOTES)
  const first = await firstSyncTime(server, cookie)
  const head = await recentCursor(server, cookie, 0)
  const poll = await pullThroughput(server, cookie, head)
  const behind = await pullThroughput(server, cookie, Math.max(0, head - 10))
  const withChanges = `with 10 new changes: ${Math.round(behind.requests.average)} req/s, p99 ${behind.latency.p99} ms`
  return [
    figure(
      `first sync of ${FIRST_SYNC_NOTES.toLocaleString('en')} notes into IndexedDB`,
      Math.round(first.ms),
      ' ms',
      '<=',
      FIRST_SYNC_BUDGET_MS,
      `${first.pulled} changes pulled for ${unitId} (2,000 per page, one Dexie transaction per page, next page fetched while one is written)`,
    ),
    figure(
      'sync pull throughput (loopback, PGlite)',
      Math.round(poll.requests.average),
      ' req/s',
      '>=',
      PULL_RPS_BUDGET,
      `10 connections, 10 s, the minute poll (nothing new); p50 ${poll.latency.p50} ms; ${withChanges}`,
    ),
    figure('sync pull p99 latency', poll.latency.p99, ' ms', '<=', PULL_P99_BUDGET_MS, withChanges),
  ]
}
