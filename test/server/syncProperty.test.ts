// Property: over random schedules of four devices — a leader's phone and tablet, the area chief
// (OC), and a leader of a unit in another area — with offline periods, dropped, duplicated,
// delayed (so reordered) requests and responses, and server restarts, nothing written is lost,
// every mutation is applied once and audited once, the devices converge, no device holds data it
// may not see, nobody writes what the domain does not let them, and a record that is one per
// natural key stays one. It covers EVERY declared synced kind: the writes are generated from each
// kind's declaration (its fields, their kinds and zod enums) and validated as the client does.
// Each device is the client's device layer (src/core/sync/device.ts: records, outbox, cursor)
// talking to the real app through app.inject; the database is shared across runs and reset between.
import type { FastifyInstance } from 'fastify'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { z } from 'zod'
import {
  applyPushResult, fieldsOf, localWrite, rebaseOnPull, recordKey, resolveConflict, viewOf, type DeviceRecord,
} from '../../src/core/sync/device'
import { syncFieldKinds } from '../../src/core/sync/fieldKinds'
import { recordIdFor, type SyncKind } from '../../src/core/sync/kind'
import { CORE_SYNC_KINDS, SYNC_KINDS, type SyncTable } from '../../src/core/sync/kinds'
import type { Mutation, PendingMutation, PullResponse, PushResult } from '../../src/core/sync/protocol'
import { validateFields } from '../../src/core/sync/validate'
import { valuesEqual } from '../../src/core/sync/values'
import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'
import { sqlTable } from '../../src/server/sync/tables'
import { freshDb } from '../helpers/db'
import { IDS, insertFixtures, PEOPLE, TODAY } from '../helpers/fixtures'
import { login } from '../helpers/http'
import { pullRaw, pushRaw, SYNCED_SQL_TABLES } from './syncHarness'

const NUM_RUNS = 300
const PUSH_BATCH = 3

type Role = 'leaderA' | 'oc' | 'leaderC'

// ---- the oracle: what the domain says, written here independently of the declarations -------

/** Who may write which kind (DOMAIN.md): the leader their unit's records, the OC notes and dialogues. */
const MAY_WRITE: Record<Role, ReadonlySet<SyncTable>> = {
  leaderA: new Set(['actionPlanItem', 'forecast', 'explanation', 'initiative', 'note', 'dialoguePreparation']),
  leaderC: new Set(['actionPlanItem', 'forecast', 'explanation', 'initiative', 'note', 'dialoguePreparation']),
  oc: new Set(['note', 'dialogue']),
}
/** Records that are one per unit and key (DOMAIN.md). */
const ONE_PER: Partial<Record<SyncTable, readonly string[]>> = {
  forecast: ['year', 'month'], explanation: ['indicator', 'year', 'month'], dialoguePreparation: ['year', 'month'],
}
const isPrivate = (table: string, record: Record<string, unknown> | null | undefined) => table === 'note' && record?.visibility === 'oc_private'

// ---- values from the declarations ----------------------------------------------------------

type Def = { type: string; innerType?: z.ZodType; options?: unknown[]; values?: unknown[]; element?: z.ZodType; entries?: Record<string, string> }
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** A few valid-looking values of a field, read off its zod schema: enums give their options, ranges their ends. */
function poolOf(schema: z.ZodType): unknown[] {
  const marked = syncFieldKinds.get(schema)?.syncKind
  if (marked === 'amount') return [1000, 2500.5, 40_000]
  if (marked === 'date') return ['2025-01-31', '2025-03-31']
  if (marked === 'timestamp') return ['2025-03-01T10:00:00.000Z', '2025-04-01T08:30:00.000Z']
  const def = defOf(schema)
  switch (def.type) {
    case 'nullable': return [...poolOf(def.innerType!), null]
    case 'optional': case 'default': return poolOf(def.innerType!)
    case 'enum': return Object.values(def.entries ?? {}).slice(0, 3)
    case 'boolean': return [true, false]
    case 'number': {
      const n = schema as z.ZodNumber
      const min = Number.isFinite(n.minValue ?? NaN) ? n.minValue! : 1
      return [min, min + 1, min + 2].filter((v) => v <= (n.maxValue ?? Infinity))
    }
    case 'string': return ['t0', 't1', 't2']
    case 'union': return poolOf((def.options as z.ZodType[])[0]!)
    case 'array': {
      const items = poolOf(def.element!)
      return [[], items.slice(0, 1), items.slice(0, 2)]
    }
    default: throw new Error(`no values for zod type ${def.type}`)
  }
}

const POOLS = new Map(CORE_SYNC_KINDS.map((k) => [k.name, Object.fromEntries(Object.keys(k.fields).map((f) => [f, poolOf((k.schema.shape as Record<string, z.ZodType>)[f]!)]))]))
const pick = (kind: SyncKind, field: string, n: number) => {
  const pool = POOLS.get(kind.name as SyncTable)![field]!
  return pool[n % pool.length]
}

/** Where a device writes: a kind in a unit, and for a note its visibility. */
interface Target { table: SyncTable; unitId: string; visibility?: 'shared' | 'oc_private' }
const inUnit = (unitId: string, tables: readonly SyncTable[]): Target[] => tables.map((table) => ({ table, unitId }))

const LEADER_TABLES = [...MAY_WRITE.leaderA] as SyncTable[]
const LEADER_A_TARGETS = inUnit(IDS.unitA, LEADER_TABLES)
const LEADER_C_TARGETS = inUnit(IDS.unitC, LEADER_TABLES)
const OC_TARGETS: Target[] = [
  { table: 'note', unitId: IDS.unitA }, { table: 'note', unitId: IDS.unitA, visibility: 'oc_private' }, { table: 'dialogue', unitId: IDS.unitA },
  { table: 'note', unitId: IDS.unitB }, { table: 'dialogue', unitId: IDS.unitB },
]

/** The seeded forecast of January 2025 (an import's row: its id as the derivation makes it today). */
const seededForecastId = (unitId: string) => `forecast:${unitId}:2025:1`

/** What a device must never be able to touch: another unit's records, OC private notes, kinds its role does not write. */
const PROBES: Record<Role, Array<{ table: SyncTable; id: string; unitId: string }>> = {
  leaderA: [
    { table: 'note', id: 'p-seed-A', unitId: IDS.unitA }, { table: 'note', id: 'n-seed-C', unitId: IDS.unitC },
    { table: 'note', id: 'n-seed-C', unitId: IDS.unitA }, { table: 'dialogue', id: 'dl-seed-A', unitId: IDS.unitA },
  ],
  oc: [
    { table: 'note', id: 'n-seed-C', unitId: IDS.unitC }, { table: 'forecast', id: seededForecastId(IDS.unitA), unitId: IDS.unitA },
    { table: 'actionPlanItem', id: 'ap-seed-A', unitId: IDS.unitA },
  ],
  leaderC: [
    { table: 'note', id: 'n-seed-A', unitId: IDS.unitA }, { table: 'note', id: 'p-seed-A', unitId: IDS.unitA },
    { table: 'note', id: 'n-seed-A', unitId: IDS.unitC }, { table: 'dialogue', id: 'dl-seed-A', unitId: IDS.unitC },
  ],
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
  /** The outbox's key generator (Dexie's ++seq): the mutation's deviceSeq. */
  private seq = 0

  constructor(
    readonly name: string,
    readonly role: Role,
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
    this.seq = 0
  }

  nextId(): string {
    this.counter += 1
    return `${this.deviceId}-m${this.counter}`
  }

  enqueue(mutation: PendingMutation): void {
    const numbered = { ...mutation, deviceSeq: ++this.seq }
    this.outbox.push(numbered)
    this.made.push(numbered)
  }

  pending(table: string, id: string): Mutation[] {
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
  | { kind: 'probe'; dev: number; slot: number; field: number }
  | { kind: 'restart' }

const dev = fc.integer({ min: 0, max: 3 })
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('write' as const), dev, slot: fc.nat(5), del: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
      mask: fc.integer({ min: 1, max: 255 }), value: fc.nat(2),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('push' as const), dev, fate: fc.constantFrom('ok' as const, 'ok' as const, 'dropRequest' as const, 'dropResponse' as const, 'duplicate' as const, 'delay' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), index: fc.nat(), respond: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pull' as const), dev, limit: fc.constantFrom(1, 2, 500), drop: fc.constantFrom(false, false, false, true) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), dev }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), dev, mine: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('probe' as const), dev, slot: fc.nat(3), field: fc.nat(7) }) },
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

/** Ids of rows put in as an import would leave them (version 1, no field versions, no audit row). */
const SEEDED = new Set<string>()

/** A clean slate with a few records as an import would leave them. */
async function resetDb() {
  await db.exec(`delete from applied_mutation; delete from device; delete from audit_log; delete from access_log;
    ${SYNCED_SQL_TABLES.map((t) => `delete from ${t};`).join(' ')}`)
  const fcA = seededForecastId(IDS.unitA)
  const fcC = seededForecastId(IDS.unitC)
  await db.query(
    `insert into forecast (id, unit_id, year, month, amount, explanation, created_by) values ($1, $3, 2025, 1, 5000, null, $5), ($2, $4, 2025, 1, 7000, 'start', $6)`,
    [fcA, fcC, IDS.unitA, IDS.unitC, PEOPLE.leaderA.id, PEOPLE.leaderC.id],
  )
  await db.query(
    `insert into note (id, unit_id, indicator, year, month, body, visibility, created_by) values
      ('n-seed-A', $1, 'budget', 2025, 1, 'seed A', 'shared', $4), ('p-seed-A', $1, null, 2025, 1, 'privat om A', 'oc_private', $5),
      ('n-seed-C', $2, null, 2025, 1, 'seed C', 'shared', $6), ('n-seed-D', $3, null, null, null, 'seed D', 'shared', $5)`,
    [IDS.unitA, IDS.unitC, IDS.unitD, PEOPLE.leaderA.id, PEOPLE.ocNord.id, PEOPLE.leaderC.id],
  )
  await db.query(`insert into dialogue (id, unit_id, kind, scheduled_on, created_by) values ('dl-seed-A', $1, 'support', '2025-02-01', $2)`, [IDS.unitA, PEOPLE.ocNord.id])
  await db.query(
    `insert into action_plan_item (id, unit_id, year, title, due_date, status, created_by) values ('ap-seed-A', $1, 2025, 'Plan', '2025-06-30', 'planned', $2)`,
    [IDS.unitA, PEOPLE.leaderA.id],
  )
  for (const id of [fcA, fcC, 'n-seed-A', 'p-seed-A', 'n-seed-C', 'n-seed-D', 'dl-seed-A', 'ap-seed-A']) SEEDED.add(id)
}

// ---- the device side of the wire -----------------------------------------------------------

/**
 * A new record's fields, every one from its pool. The key of a record that is one per key (the
 * oracle's list, not the declaration's) is always the same — the person writes this month's
 * forecast — so devices offline at once make the same one.
 */
function newFields(kind: SyncKind, target: Target, value: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  const key = ONE_PER[target.table] ?? []
  Object.keys(kind.fields).forEach((f, i) => {
    fields[f] = pick(kind, f, key.includes(f) ? 0 : value + i)
  })
  if (target.table === 'note') fields.visibility = target.visibility ?? 'shared'
  return fields
}

/** A write as the client makes it (db/records.ts): validated first, a refused one is not saved. */
function write(d: Device, a: Extract<Action, { kind: 'write' }>) {
  const target = d.targets[a.slot % d.targets.length]!
  const kind = SYNC_KINDS[target.table]
  // As the client: the id of a natural-key record derives from its key; otherwise the person edits
  // the record of this kind they see, or makes a new one under an id of the device's own.
  const shown = [...d.records.values()].find((r) => {
    const view = viewOf(r, d.pending(r.table, r.id))
    return r.table === target.table && r.scopeId === target.unitId && view.exists && (target.table !== 'note' || view.values.visibility === (target.visibility ?? 'shared'))
  })
  const id = kind.naturalKey
    ? recordIdFor(kind, { ...newFields(kind, target, a.value), unitId: target.unitId })
    : shown?.id ?? `${d.name}-${target.table}-${target.unitId}-${target.visibility ?? 'shared'}`
  let fields: Record<string, unknown>
  const key = recordKey(target.table, id)
  const rec = d.records.get(key)
  const view = rec ? viewOf(rec, d.pending(target.table, id)) : { exists: false, values: {} }
  let op: PendingMutation['op'] = 'upsert'
  if (!view.exists) {
    fields = newFields(kind, target, a.value)
  } else if (a.del) {
    op = 'delete'
    fields = {}
  } else {
    fields = {}
    const editable = Object.keys(kind.fields).filter((f) => !(kind.fixedAfterCreate ?? []).includes(f as never))
    editable.forEach((f, i) => {
      if (a.mask & (1 << (i % 8))) fields[f] = pick(kind, f, a.value + i)
    })
  }
  const confirmed = rec?.server ? !rec.server.deleted : false
  if (op === 'upsert') {
    const current = view.exists ? view.values : null
    const checked = validateFields({ kind, recordId: id, scopeId: target.unitId, fields: confirmed ? fields : { ...current, ...fields }, current: confirmed ? current : null })
    if (!checked.ok) return stat('write:refused-on-device')
    fields = confirmed ? Object.fromEntries(Object.entries(checked.fields).filter(([f, v]) => !valuesEqual(v, current?.[f]))) : checked.fields
    if (confirmed && Object.keys(fields).length === 0) return
  }
  const { record, mutation } = localWrite(rec, { table: target.table, id, scopeId: target.unitId, op, fields }, d.nextId())
  // One "transaction": the record and its outbox entry together.
  d.records.set(key, record)
  d.enqueue(mutation)
  stat(`write:${target.table}`)
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
    if (result.status === 'rejected' && result.field === 'id') stat('rejected:id')
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
  return res.json<{ results: PushResult[] }>().results
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
  const page = res.json<PullResponse>()
  for (const change of page.changes) {
    // Checked on the wire, before a device could keep it.
    expect(d.units.has(change.scopeId), `${d.name} was sent ${change.scopeId}`).toBe(true)
    if (isPrivate(change.table, change.record)) expect(d.seesPrivate, `${d.name} got a private note`).toBe(true)
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
    if (mutation) d.enqueue(mutation)
    return
  }
}

/** A write the domain does not allow this person: it must be refused, whatever the declarations say. */
async function probe(d: Device, slot: number, fieldSlot: number) {
  const targets = PROBES[d.role]
  const target = targets[slot % targets.length]!
  const mutationId = d.nextId()
  const kind = SYNC_KINDS[target.table]
  // One field at a time: a role allowed some fields of a kind must still be refused each other one.
  const editable = Object.keys(kind.fields).filter((f) => !(kind.fixedAfterCreate ?? []).includes(f as never))
  const field = editable[fieldSlot % editable.length]!
  const fields = { [field]: pick(kind, field, 1) }
  const [result] = await sendPush(d, [{ mutationId, table: target.table, recordId: target.id, scopeId: target.unitId, baseVersion: 1, op: 'upsert', fields, deviceSeq: 1 }])
  expect(result, `${d.name} probed ${target.table} ${target.id}`).toMatchObject({ mutationId, status: 'rejected' })
  expect(['not_found', 'forbidden']).toContain((result as { reason: string }).reason)
  d.probes.push(mutationId)
}

function checkHoldsOnlyItsOwn(d: Device) {
  for (const rec of d.records.values()) {
    expect(d.units.has(rec.scopeId), `${d.name} holds a record of ${rec.scopeId}`).toBe(true)
    if (isPrivate(rec.table, rec.server?.record)) expect(d.seesPrivate).toBe(true)
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
    case 'probe': return probe(devices[a.dev]!, a.slot, a.field)
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
        if (mutation) d.enqueue(mutation)
      }
      d.records.set(key, current)
    }
    await settle(d)
  }
  for (const d of devices) await settle(d)
}

interface ServerRow { id: string; scope_id: string; version: number; deleted: boolean; record: Record<string, unknown> | null; created_by: string | null }

async function serverRows(): Promise<Map<string, ServerRow & { table: SyncTable }>> {
  const rows = new Map<string, ServerRow & { table: SyncTable }>()
  for (const kind of CORE_SYNC_KINDS) {
    const t = sqlTable(kind)
    const found = await db.query<ServerRow>(`select id, ${t.scopeColumn} as scope_id, version, deleted, created_by, ${t.recordExpr} as record from ${t.name}`)
    for (const r of found) rows.set(recordKey(kind.name, r.id), { ...r, table: kind.name })
  }
  return rows
}

/** A later write of the same device to the same field (or a delete) explains an applied value no longer there. */
function overtaken(d: Device, m: Mutation, field: string): boolean {
  return d.made.some((n) => n.table === m.table && n.recordId === m.recordId && n.deviceSeq > m.deviceSeq && (n.op === 'delete' || Object.hasOwn(n.fields, field)))
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
  // …and every change audited: one row per version a write made (an imported row starts at 1 unaudited).
  const perRecord = await db.query<{ table_name: string; record_id: string; n: number }>('select table_name, record_id, count(*)::int as n from audit_log group by 1, 2')
  const auditCount = new Map(perRecord.map((r) => [`${r.table_name}:${r.record_id}`, r.n]))
  for (const [, row] of server) {
    const expected = row.version - (SEEDED.has(row.id) ? 1 : 0)
    expect(auditCount.get(`${sqlTable(SYNC_KINDS[row.table]).name}:${row.id}`) ?? 0, `audit rows of ${row.table} ${row.id}`).toBe(expected)
  }
  // …and exactly one stored answer for each mutation a device made or probed with.
  expect(stored.length).toBe(devices.reduce((n, d) => n + d.made.length + d.probes.length, 0))

  // Nobody wrote what the domain does not let them, and a record one per key stayed one.
  const people: Record<string, Role> = { [PEOPLE.leaderA.id]: 'leaderA', [PEOPLE.ocNord.id]: 'oc', [PEOPLE.leaderC.id]: 'leaderC' }
  const writers = await db.query<{ person_id: string; table_name: string }>('select distinct person_id, table_name from audit_log')
  for (const w of writers) {
    const kind = CORE_SYNC_KINDS.find((k) => sqlTable(k).name === w.table_name)!
    expect(MAY_WRITE[people[w.person_id]!].has(kind.name), `${people[w.person_id]} wrote ${kind.name}`).toBe(true)
  }
  for (const [table, key] of Object.entries(ONE_PER)) {
    const live = [...server.values()].filter((r) => r.table === table && !r.deleted)
    const keys = live.map((r) => [r.scope_id, ...key.map((f) => r.record?.[f])].join('|'))
    expect(new Set(keys).size, `${table}: two records for one key`).toBe(keys.length)
  }
  expect(seen['rejected:duplicate'] ?? 0, 'a natural-key record was made twice').toBe(0)
  // The device derives ids as the server checks them: never a refusal of the id itself.
  expect(seen['rejected:id'] ?? 0, 'the server refused an id the device made').toBe(0)

  for (const d of devices) {
    expect(d.outbox).toEqual([])
    for (const m of d.made) {
      // Never lost: every write ended applied on the server (or overtaken by the device's own
      // later write), as a conflict the device showed, or as a rejection the device still shows.
      const result = storedBy.get(`${d.deviceId}/${m.mutationId}`)
      expect(result, `${m.mutationId} never reached the server`).toBeDefined()
      expect(d.fates.get(m.mutationId)).toBe(result!.status)
      if (result!.status === 'applied' && m.op === 'upsert') {
        for (const [field, value] of Object.entries(m.fields)) {
          expect(valuesEqual(result!.record?.[field], value) || overtaken(d, m, field), `${m.mutationId}.${field}`).toBe(true)
        }
      }
      if (result!.status === 'conflict') {
        const conflicting = new Set(result!.conflicts.map((c) => c.field))
        for (const [field, value] of Object.entries(m.fields)) {
          if (!conflicting.has(field)) expect(valuesEqual(result!.record[field], value) || overtaken(d, m, field)).toBe(true)
        }
      }
      if (result!.status === 'rejected') {
        const rec = d.records.get(recordKey(m.table, m.recordId))
        expect(rec?.rejections.some((r) => r.mutationId === m.mutationId), `${m.mutationId} rejection not shown`).toBe(true)
      }
    }

    // Converged: the device holds exactly what it may see, as the server has it.
    const visible = [...server.entries()].filter(([, r]) => d.units.has(r.scope_id) && (!isPrivate(r.table, r.record) || d.seesPrivate))
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
      expect(viewOf(rec).exists, `${d.name} holds ${key} it may not see`).toBe(false)
    }
    checkHoldsOnlyItsOwn(d)
  }
}

it(`never loses a write, applies and audits each once, converges and keeps scopes apart, for every synced kind (${NUM_RUNS} random schedules)`, async () => {
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
  // (An edit of a record deleted meanwhile, 'rejected:deleted', is too rare over seven kinds to
  // require here; test/server/sync.test.ts covers it.)
  const required = ['applied', 'conflict', 'rejected:forbidden', 'restart', 'deliver', 'push:duplicate', 'push:dropResponse', 'offline', 'probe']
  for (const what of [...required, ...CORE_SYNC_KINDS.map((k) => `write:${k.name}`)]) {
    expect(seen[what] ?? 0, what).toBeGreaterThan(0)
  }
}, 300_000)
