// Talking sync to the app like the PWA does (protocol header, CSRF header, cookie), for the sync
// tests. Not a test file itself.
import type { FastifyInstance } from 'fastify'
import { PROTOCOL_VERSION, type Mutation, type PullChange, type PullResponse, type PushResponse } from '../../src/core/sync/protocol'
import { CORE_SYNC_KINDS } from '../../src/core/sync/kinds'
import type { Db } from '../../src/server/db/db'
import { sqlTable } from '../../src/server/sync/tables'
import { CSRF } from '../helpers/http'

export const SYNC_HEADERS = { 'x-sync-protocol': String(PROTOCOL_VERSION) }

export function pushRaw(app: FastifyInstance, cookie: string, deviceId: string, mutations: Mutation[]) {
  return app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...CSRF, ...SYNC_HEADERS, cookie },
    payload: { protocol: PROTOCOL_VERSION, deviceId, mutations },
  })
}

export async function push(app: FastifyInstance, cookie: string, deviceId: string, mutations: Mutation[]): Promise<PushResponse['results']> {
  const res = await pushRaw(app, cookie, deviceId, mutations)
  if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`)
  return res.json<PushResponse>().results
}

export function pullRaw(app: FastifyInstance, cookie: string, cursor = 0, limit?: number) {
  const query = limit === undefined ? `cursor=${cursor}` : `cursor=${cursor}&limit=${limit}`
  return app.inject({ method: 'GET', url: `/api/sync/pull?${query}`, headers: { ...SYNC_HEADERS, cookie } })
}

export async function pullPage(app: FastifyInstance, cookie: string, cursor = 0, limit?: number): Promise<PullResponse> {
  const res = await pullRaw(app, cookie, cursor, limit)
  if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`)
  return res.json<PullResponse>()
}

/** Every change after the cursor, following the pages. */
export async function pullAll(app: FastifyInstance, cookie: string, cursor = 0, limit?: number): Promise<{ changes: PullChange[]; cursor: number }> {
  const changes: PullChange[] = []
  for (;;) {
    const page = await pullPage(app, cookie, cursor, limit)
    changes.push(...page.changes)
    cursor = page.cursor
    if (!page.hasMore) return { changes, cursor }
  }
}

let counter = 0
/** A mutation; its deviceSeq grows with every one made, as a device's outbox would number them. */
export function mutation(partial: Partial<Mutation> & Pick<Mutation, 'table' | 'recordId' | 'scopeId'>): Mutation {
  counter += 1
  return { mutationId: `m-${counter}`, deviceSeq: counter, baseVersion: 0, op: 'upsert', fields: {}, ...partial }
}

export const SYNCED_SQL_TABLES = CORE_SYNC_KINDS.map((k) => sqlTable(k).name)

/** The full content of the synced tables and the sync bookkeeping, for before/after comparisons. */
export async function dumpSyncState(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of SYNCED_SQL_TABLES) {
    out[table] = await db.query(`select * from ${table} order by id`)
  }
  out.applied_mutation = await db.query('select device_id, mutation_id, result from applied_mutation order by device_id, mutation_id')
  out.audit_log = await db.query('select person_id, action, table_name, record_id, old_value, new_value, device_id, mutation_id from audit_log order by id')
  out.seq = await db.query('select last_value from change_seq')
  return out
}
