// Property: over random schedules of four devices — a leader's phone and tablet, the area chief
// (OC), and a leader of a unit in another area — with offline periods, dropped, duplicated,
// delayed (so reordered) requests and responses, and server restarts, nothing written is lost,
// every mutation is applied once, the devices converge, and no device holds data it may not see.
// Each device is a small model built on src/core/sync (records, outbox, cursor) talking to the
// real app through app.inject; the database is shared across runs and reset between them.
import type { FastifyInstance } from 'fastify'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  applyPushResult, fieldsOf, localWrite, rebaseOnPull, recordKey, resolveConflict, viewOf, type DeviceRecord,
} from '../../src/core/sync/device'
import { REJECTION_MESSAGES, type Mutation, type PullResponse, type PushResult } from '../../src/core/sync/protocol'
import { SYNC_TABLES, type SyncTable } from '../../src/core/sync/tables'
import { valuesEqual } from '../../src/core/sync/values'
import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'
import { SQL_TABLES } from '../../src/server/sync/tables'
import { freshDb } from '../helpers/db'
import { IDS, insertFixtures, PEOPLE, TODAY } from '../helpers/fixtures'
import { login } from '../helpers/http'
import { pullRaw, pushRaw, SYNCED_SQL_TABLES } from './syncHarness'

const NUM_RUNS = 300
const PUSH_BATCH = 3

interface Target { table: 'note' | 'forecast'; id: string; unitId: string; visibility?: 'shared' | 'oc_private'; month?: number }
const note = (id: string, unitId: string, visibility: 'shared' | 'oc_private' = 'shared'): Target => ({ table: 'note', id, unitId, visibility })
const forecast = (unitId: string, month: number): Target => ({ table: 'forecast', id: `fc-${unitId}-2025-${month}`, unitId, month })

// Small pools of record ids so that devices keep meeting on the same records (and fields).
const LEADER_A_TARGETS = [note('n-A-0', IDS.unitA), note('n-A-1', IDS.unitA), note('n-seed-A', IDS.unitA), forecast(IDS.unitA, 1), forecast(IDS.unitA, 2)]
const OC_TARGETS = [note('n-A-0', IDS.unitA), note('n-seed-A', IDS.unitA), note('p-A-0', IDS.unitA, 'oc_private'), note('p-seed-A', IDS.unitA, 'oc_private'), note('n-B-0', IDS.unitB)]
const LEADER_C_TARGETS = [note('n-C-0', IDS.unitC), note('n-C-1', IDS.unitC), note('n-seed-C', IDS.unitC), forecast(IDS.unitC, 1), forecast(IDS.unitC, 2)]

/** What a device must never be able to touch: another unit's records and OC private notes. */
const PROBES: Record<string, Target[]> = {
  leaderA: [note('p-seed-A', IDS.unitA, 'oc_private'), note('n-seed-C', IDS.unitC), { ...note('n-seed-C', IDS.unitC), unitId: IDS.unitA }],
  oc: [note('n-seed-C', IDS.unitC), forecast(IDS.unitA, 1)],
  leaderC: [note('n-seed-A', IDS.unitA), note('p-seed-A', IDS.unitA, 'oc_private'), { ...note('n-seed-A', IDS.unitA), unitId: IDS.unitC }],
}

class Device {
  records = new Map<string, DeviceRecord>()
  outbox: Mutation[] = []
  cursor = 0
  online = true
  made: Mutation[] = []
  fates = new Map<string, PushResult['status']>()
  probes: string[] = []
  deviceId = ''
  private counter = 0

  constructor(
    readonly name: string,
    readonly role: 'leaderA' | 'oc' | 'leaderC',
    public cookie: string,
    readonly units: ReadonlySet<string>,
    readonly seesPrivate: boolean,
    readonly targets: Target[],
  ) {}

  reset(run: number) {
    this.records.clear()
    this.outbox = []
    this.cursor = 0
    this.online = true
    this.made = []
    this.fates.clear()
    this.probes = []
    this.deviceId = `${this.name}-${run}`
  }

  nextId(): string {
    this.counter += 1
    return `${this.deviceId}-m${this.counter}`
  }

  pending(table: SyncTable, id: string): Mutation[] {
    return this.outbox.filter((m) => m.table === table && m.recordId === id)
  }
}

type Action =
  | { kind: 'write'; dev: number; slot: number; del: boolean; mask: number; value: number }
  | { kind: 'push'; dev: number; fate: 'ok' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'delay' }
  | { kind: 'deliver'; index: number; respond: boolean }
  | { kind: 'pull'; dev: number; limit: number; drop: boolean }
  | { kind: 'offline'; dev: number }
  | { kind: 'resolve'; dev: number; mine: boolean }
  | { kind: 'probe'; dev: number; slot: number }
  | { kind: 'restart' }

const dev = fc.integer({ min: 0, max: 3 })
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('write' as const), dev, slot: fc.nat(4), del: fc.integer({ min: 0, max: 9 }).map((n) => n < 3), mask: fc.integer({ min: 1, max: 3 }), value: fc.nat(2) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('push' as const), dev, fate: fc.constantFrom('ok' as const, 'ok' as const, 'dropRequest' as const, 'dropResponse' as const, 'duplicate' as const, 'delay' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), index: fc.nat(), respond: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pull' as const), dev, limit: fc.constantFrom(1, 2, 500), drop: fc.constantFrom(false, false, false, true) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), dev }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), dev, mine: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('probe' as const), dev, slot: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
)

let db: Db
let app: FastifyInstance
let devices: Device[]
let run = 0
/** What the schedules exercised, summed over all runs: a guard against a generator that tests nothing. */
const seen: Record<string, number> = {}
const stat = (what: string) => void (seen[what] = (seen[what] ?? 0) + 1)

async function startApp() {
  app = await buildApp({ db, demo: false, today: () => TODAY })
  await app.ready()
}

beforeAll(async () => {
  db = await freshDb()
  await insertFixtures(db)
  await startApp()
  const nord = new Set([IDS.unitA, IDS.unitB, IDS.unitD])
  devices = [
    new Device('phone', 'leaderA', await login(app, PEOPLE.leaderA.email), new Set([IDS.unitA]), false, LEADER_A_TARGETS),
    new Device('tablet', 'leaderA', await login(app, PEOPLE.leaderA.email), new Set([IDS.unitA]), false, LEADER_A_TARGETS),
    new Device('oc', 'oc', await login(app, PEOPLE.ocNord.email), nord, true, OC_TARGETS),
    new Device('leaderC', 'leaderC', await login(app, PEOPLE.leaderC.email), new Set([IDS.unitC]), false, LEADER_C_TARGETS),
  ]
}, 60_000)
afterAll(async () => {
  await app.close()
  await db.close()
})

/** A clean slate with a few records as an import would leave them (version 1, no field versions). */
async function resetDb() {
  await db.exec(`delete from applied_mutation; delete from device; delete from audit_log; delete from access_log;
    ${SYNCED_SQL_TABLES.map((t) => `delete from ${t};`).join(' ')}`)
  await db.query(
    `insert into forecast (id, unit_id, year, month, amount, explanation) values
      ($1, $3, 2025, 1, 5000, null), ($2, $4, 2025, 1, 7000, 'start')`,
    [forecast(IDS.unitA, 1).id, forecast(IDS.unitC, 1).id, IDS.unitA, IDS.unitC],
  )
  await db.query(
    `insert into note (id, unit_id, indicator, year, month, body, visibility) values
      ('n-seed-A', $1, 'budget', 2025, 1, 'seed A', 'shared'), ('p-seed-A', $1, null, 2025, 1, 'privat om A', 'oc_private'),
      ('n-seed-C', $2, null, 2025, 1, 'seed C', 'shared'), ('n-seed-D', $3, null, null, null, 'seed D', 'shared')`,
    [IDS.unitA, IDS.unitC, IDS.unitD],
  )
}

// ---- the device side of the wire -----------------------------------------------------------

function write(d: Device, a: Extract<Action, { kind: 'write' }>) {
  const target = d.targets[a.slot % d.targets.length]!
  const key = recordKey(target.table, target.id)
  const rec = d.records.get(key)
  const view = rec ? viewOf(rec, d.pending(target.table, target.id)) : { exists: false, values: {} }
  let fields: Record<string, unknown>
  let op: Mutation['op'] = 'upsert'
  if (!view.exists) {
    fields = target.table === 'note'
      ? { indicator: null, year: 2025, month: a.value + 1, body: `t${a.value}`, visibility: target.visibility }
      : { year: 2025, month: target.month, amount: (a.value + 1) * 1000, explanation: null }
  } else if (a.del) {
    op = 'delete'
    fields = {}
  } else {
    fields = {}
    if (target.table === 'note') {
      if (a.mask & 1) fields.body = `t${a.value}`
      if (a.mask & 2) fields.month = a.value + 1
    } else {
      if (a.mask & 1) fields.amount = (a.value + 1) * 1000
      if (a.mask & 2) fields.explanation = a.value === 0 ? null : `e${a.value}`
    }
  }
  const { record, mutation } = localWrite(rec, { table: target.table, id: target.id, unitId: target.unitId, op, fields }, d.nextId())
  // One "transaction": the record and its outbox entry together.
  d.records.set(key, record)
  d.outbox.push(mutation)
  d.made.push(mutation)
}

function handlePushResults(d: Device, results: PushResult[]) {
  for (const result of results) {
    const m = d.outbox.find((o) => o.mutationId === result.mutationId)
    if (!m) continue // a late or duplicated answer: already handled
    const key = recordKey(m.table, m.recordId)
    const { record, keep } = applyPushResult(d.records.get(key), m, result)
    d.records.set(key, record)
    if (!keep) d.outbox = d.outbox.filter((o) => o !== m)
    if (result.status === 'conflict') expectConflictShown(record, result)
    d.fates.set(m.mutationId, result.status)
    stat(result.status === 'rejected' ? `rejected:${result.reason}` : result.status)
  }
}

/** A conflict must reach the screen: kept on the record, unless the server already agrees or the record is gone. */
function expectConflictShown(rec: DeviceRecord, result: Extract<PushResult, { status: 'conflict' }>) {
  const copy = rec.server
  for (const c of result.conflicts) {
    const shown = rec.conflicts.some((k) => k.field === c.field && valuesEqual(k.mine, c.mine))
    const settled = c.field === 'deleted' ? copy?.deleted === true : valuesEqual(fieldsOf(copy?.record ?? null)[c.field], c.mine)
    const turnedRejection = copy?.deleted === true && rec.rejections.some((r) => valuesEqual(r.fields[c.field], c.mine))
    expect(shown || settled || turnedRejection, `conflict on ${rec.id}.${c.field} not shown`).toBe(true)
  }
}

async function sendPush(d: Device, batch: Mutation[]): Promise<PushResult[]> {
  const res = await pushRaw(app, d.cookie, d.deviceId, batch)
  expect(res.statusCode, res.body).toBe(200)
  return (res.json() as { results: PushResult[] }).results
}

interface Delayed { device: Device; batch: Mutation[] }
let delayed: Delayed[] = []

async function push(d: Device, fate: Extract<Action, { kind: 'push' }>['fate']) {
  if (!d.online || d.outbox.length === 0) return
  const batch = d.outbox.slice(0, PUSH_BATCH)
  if (fate === 'dropRequest') return
  if (fate === 'delay') {
    delayed.push({ device: d, batch })
    return
  }
  const results = await sendPush(d, batch)
  if (fate === 'dropResponse') return
  handlePushResults(d, results)
  if (fate === 'duplicate') handlePushResults(d, await sendPush(d, batch))
}

async function pullPage(d: Device, limit: number, drop: boolean): Promise<boolean> {
  if (!d.online) return false
  const res = await pullRaw(app, d.cookie, d.cursor, limit)
  expect(res.statusCode, res.body).toBe(200)
  const page = res.json() as PullResponse
  for (const change of page.changes) {
    // Checked on the wire, before a device could keep it.
    expect(d.units.has(change.unitId), `${d.name} was sent ${change.unitId}`).toBe(true)
    if (change.table === 'note' && change.record?.visibility === 'oc_private') expect(d.seesPrivate, `${d.name} got a private note`).toBe(true)
  }
  if (drop) return false
  for (const change of page.changes) {
    const key = recordKey(change.table, change.id)
    d.records.set(key, rebaseOnPull(d.records.get(key), change))
  }
  d.cursor = page.cursor
  return page.hasMore
}

function resolveOne(d: Device, mine: boolean) {
  for (const [key, rec] of d.records) {
    const conflict = rec.conflicts[0]
    if (!conflict) continue
    const { record, mutation } = resolveConflict(rec, conflict.field, mine ? 'mine' : 'theirs', d.nextId())
    d.records.set(key, record)
    if (mutation) {
      d.outbox.push(mutation)
      d.made.push(mutation)
    }
    return
  }
}

async function probe(d: Device, slot: number) {
  const targets = PROBES[d.role]!
  const target = targets[slot % targets.length]!
  const mutationId = d.nextId()
  const fields = target.table === 'note' ? { indicator: null, year: 2025, month: 1, body: 'indbrud', visibility: target.visibility } : { amount: 1 }
  const [result] = await sendPush(d, [{ mutationId, table: target.table, recordId: target.id, unitId: target.unitId, baseVersion: 1, op: 'upsert', fields }])
  expect(result).toEqual({ mutationId, status: 'rejected', reason: 'forbidden', message: REJECTION_MESSAGES.forbidden })
  d.probes.push(mutationId)
}

function checkHoldsOnlyItsOwn(d: Device) {
  for (const rec of d.records.values()) {
    expect(d.units.has(rec.unitId), `${d.name} holds a record of ${rec.unitId}`).toBe(true)
    const visibility = rec.server?.record?.visibility
    if (rec.table === 'note' && visibility === 'oc_private') expect(d.seesPrivate).toBe(true)
    for (const c of rec.conflicts) {
      if (c.field === 'visibility') expect(d.seesPrivate).toBe(true)
    }
  }
}

async function perform(a: Action) {
  switch (a.kind) {
    case 'write': return write(devices[a.dev]!, a)
    case 'push': return push(devices[a.dev]!, a.fate)
    case 'deliver': {
      if (delayed.length === 0) return
      const [late] = delayed.splice(a.index % delayed.length, 1)
      const results = await sendPush(late!.device, late!.batch)
      if (a.respond) handlePushResults(late!.device, results)
      return
    }
    case 'pull': return void (await pullPage(devices[a.dev]!, a.limit, a.drop))
    case 'offline': {
      const d = devices[a.dev]!
      d.online = !d.online
      return
    }
    case 'resolve': return resolveOne(devices[a.dev]!, a.mine)
    case 'probe': return probe(devices[a.dev]!, a.slot)
    case 'restart': {
      await app.close()
      await startApp()
      return
    }
  }
}

// ---- the final sync and the checks ---------------------------------------------------------

async function settle(d: Device) {
  d.online = true
  for (let i = 0; d.outbox.length > 0; i++) {
    expect(i, `${d.name}'s outbox does not drain`).toBeLessThan(100)
    await push(d, 'ok')
  }
  while (await pullPage(d, 500, false));
}

async function finalSync(resolveMine: boolean) {
  for (const late of delayed) handlePushResults(late.device, await sendPush(late.device, late.batch))
  delayed = []
  // Each device in turn: send what waits, catch up, settle its conflicts, send those.
  for (const d of devices) {
    await settle(d)
    for (const [key, rec] of d.records) {
      let current = rec
      for (const c of rec.conflicts) {
        const { record, mutation } = resolveConflict(current, c.field, resolveMine ? 'mine' : 'theirs', d.nextId())
        current = record
        if (mutation) {
          d.outbox.push(mutation)
          d.made.push(mutation)
        }
      }
      d.records.set(key, current)
    }
    await settle(d)
  }
  for (const d of devices) await settle(d)
}

interface ServerRow { id: string; unit_id: string; version: number; deleted: boolean; record: Record<string, unknown> | null; visibility: string | null }

async function serverRows(): Promise<Map<string, ServerRow & { table: SyncTable }>> {
  const rows = new Map<string, ServerRow & { table: SyncTable }>()
  for (const table of SYNC_TABLES) {
    const t = SQL_TABLES[table]
    const visibility = table === 'note' ? 'visibility' : 'null::text'
    const found = await db.query<ServerRow>(`select id, unit_id, version, deleted, ${t.recordExpr} as record, ${visibility} as visibility from ${t.name}`)
    for (const r of found) rows.set(recordKey(table, r.id), { ...r, table })
  }
  return rows
}

async function checkAfterFinalSync() {
  const server = await serverRows()
  const stored = await db.query<{ device_id: string; mutation_id: string; result: PushResult }>('select device_id, mutation_id, result from applied_mutation')
  const storedBy = new Map(stored.map((s) => [`${s.device_id}/${s.mutation_id}`, s.result]))
  const audits = await db.query<{ device_id: string; mutation_id: string; n: number }>(
    'select device_id, mutation_id, count(*)::int as n from audit_log group by device_id, mutation_id',
  )
  // Each mutation applied once: at most one audit row per mutation…
  for (const a of audits) expect(a.n, `${a.mutation_id} audited ${a.n} times`).toBe(1)
  // …and exactly one stored answer for each mutation a device made or probed with.
  expect(stored.length).toBe(devices.reduce((n, d) => n + d.made.length + d.probes.length, 0))

  for (const d of devices) {
    expect(d.outbox).toEqual([])
    for (const m of d.made) {
      // Never lost: every write ended applied on the server, as a conflict the device showed, or
      // as a rejection the device still shows.
      const result = storedBy.get(`${d.deviceId}/${m.mutationId}`)
      expect(result, `${m.mutationId} never reached the server`).toBeDefined()
      expect(d.fates.get(m.mutationId)).toBe(result!.status)
      if (result!.status === 'applied' && m.op === 'upsert') {
        for (const [field, value] of Object.entries(m.fields)) expect(valuesEqual(result!.record?.[field], value), `${m.mutationId}.${field}`).toBe(true)
      }
      if (result!.status === 'conflict') {
        const conflicting = new Set(result!.conflicts.map((c) => c.field))
        for (const [field, value] of Object.entries(m.fields)) {
          if (!conflicting.has(field)) expect(valuesEqual(result!.record[field], value)).toBe(true)
        }
      }
      if (result!.status === 'rejected') {
        const rec = d.records.get(recordKey(m.table, m.recordId))
        expect(rec?.rejections.some((r) => r.mutationId === m.mutationId), `${m.mutationId} rejection not shown`).toBe(true)
      }
    }

    // Converged: the device holds exactly what it may see, as the server has it.
    const visible = [...server.entries()].filter(([, r]) => d.units.has(r.unit_id) && (r.visibility !== 'oc_private' || d.seesPrivate))
    for (const [key, row] of visible) {
      const rec = d.records.get(key)
      expect(rec, `${d.name} lacks ${key}`).toBeDefined()
      expect(rec!.conflicts).toEqual([])
      expect(rec!.server?.version, `${d.name} ${key}`).toBe(row.version)
      expect(rec!.server?.deleted).toBe(row.deleted)
      const view = viewOf(rec!)
      expect(view.exists).toBe(!row.deleted)
      if (!row.deleted) expect(valuesEqual(view.values, fieldsOf(row.record)), `${d.name} ${key}`).toBe(true)
    }
    const visibleKeys = new Set(visible.map(([key]) => key))
    for (const [key, rec] of d.records) {
      if (visibleKeys.has(key)) continue
      // Only what the server never had: a create that was refused (and still shows why), or a
      // create deleted again before it ever reached the server.
      expect(server.has(key), `${d.name} holds ${key} it may not see`).toBe(false)
      expect(viewOf(rec).exists).toBe(false)
    }
    checkHoldsOnlyItsOwn(d)
  }
}

it(`never loses a write, applies each once, converges and keeps units apart (${NUM_RUNS} random schedules)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(actionArb, { minLength: 5, maxLength: 32, size: 'max' }), fc.boolean(), async (actions, resolveMine) => {
      run += 1
      await resetDb()
      delayed = []
      for (const d of devices) d.reset(run)
      for (const a of actions) {
        await perform(a)
        for (const d of devices) checkHoldsOnlyItsOwn(d)
      }
      await finalSync(resolveMine)
      await checkAfterFinalSync()
      for (const a of actions) stat(a.kind === 'push' ? `push:${a.fate}` : a.kind)
    }),
    { numRuns: NUM_RUNS },
  )
  for (const what of ['applied', 'conflict', 'rejected:deleted', 'restart', 'deliver', 'push:duplicate', 'push:dropResponse', 'offline', 'probe']) {
    expect(seen[what] ?? 0, what).toBeGreaterThan(0)
  }
}, 240_000)
