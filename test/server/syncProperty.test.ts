// Property: over random schedules of four devices — a leader's phone and tablet, the area chief
// (OC), and a leader of a unit in another area — with offline periods, dropped, duplicated and
// delayed (so reordered) requests and responses, pages cut short, and server restarts, nothing
// written is lost, every mutation is applied once and audited once, the devices converge, no device
// holds data it may not see, nobody writes what the domain does not let them, and a record that is
// one per natural key stays one. It covers EVERY declared synced kind: the writes are generated from
// each kind's declaration (its fields, their kinds and zod enums).
//
// Each device is the client's REAL Dexie layer, as the app runs it: its own copy of the client
// modules (src/client/db/records.ts for writes, deletes and conflict choices; src/client/sync/
// engine.ts for push and pull) over its own IndexedDB (fake-indexeddb, one factory per device: a
// browser profile each), its requests going through the api layer's fetch to the real app by
// app.inject — only the network between them is scripted. The database (PGlite) is fresh for the
// file, shared across runs and reset between them.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import Dexie from 'dexie'
import type { FastifyInstance } from 'fastify'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { serverOwnedChange } from '../../src/core/history/dialogueLock'
import { idSchema } from '../../src/core/schemaPrimitives'
import { fieldsOf, recordKey, viewOf } from '../../src/core/sync/device'
import { syncFieldKinds } from '../../src/core/sync/fieldKinds'
import { recordIdFor, type SyncKind } from '../../src/core/sync/kind'
import { CORE_SYNC_KINDS, SYNC_KINDS, type SyncTable } from '../../src/core/sync/kinds'
import type { Mutation, PullResponse, PushRequest, PushResult } from '../../src/core/sync/protocol'
import { valuesEqual } from '../../src/core/sync/values'
import type { OutboxRow, RecordRow } from '../../src/client/db/db'
import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'
import { sqlTable } from '../../src/server/sync/tables'
import { freshDb } from '../helpers/db'
import { IDS, insertFixtures, PEOPLE, TODAY } from '../helpers/fixtures'
import { login } from '../helpers/http'
import { requestUrl } from '../helpers/requestUrl'
import { stampUnits } from '../../src/server/import/stamps'
import { pushRaw, SYNCED_SQL_TABLES } from './syncHarness'

const NUM_RUNS = 300

type Role = 'leaderA' | 'oc' | 'leaderC'

// ---- the oracle: what the domain says, written here independently of the declarations -------

/**
 * Who may write which fields of which kind (DOMAIN.md; '*': every field, and delete): the leader
 * their unit's records, the status of what was agreed at a dialogue (their to-dos) and, with the OC,
 * the development plan's goals and actions and their own acknowledgement of it; the OC notes, the
 * dialogues, what was agreed, the marks and the rest of the plan.
 */
type Writes = '*' | readonly string[]
const LEADER_WRITES: Partial<Record<SyncTable, Writes>> = {
  actionPlanItem: '*',
  forecast: '*',
  explanation: '*',
  initiative: '*',
  note: '*',
  dialoguePreparation: '*',
  dialogueAction: ['status', 'doneOn'],
  developmentPlan: ['goals', 'actions', 'leaderAcknowledgedOn', 'leaderAcknowledgedBy'],
}
const MAY_WRITE: Record<Role, Partial<Record<SyncTable, Writes>>> = {
  leaderA: LEADER_WRITES,
  leaderC: LEADER_WRITES,
  oc: {
    note: '*',
    dialogue: '*',
    dialogueAction: '*',
    unitMark: '*',
    developmentPlan: ['fromDialogueId', 'indicators', 'startedOn', 'goals', 'actions', 'ocAcknowledgedOn', 'ocAcknowledgedBy', 'endedOn'],
  },
}
/** May the role write this field ('deleted': delete the record) of this kind in a unit of theirs? */
function mayWrite(role: Role, table: SyncTable, field: string): boolean {
  const writes = MAY_WRITE[role][table]
  return writes === '*' || (field !== 'deleted' && (writes ?? []).includes(field))
}
/** A development plan is acknowledged by each in their own name (DOMAIN.md). */
const ACKNOWLEDGED_BY = new Set(['leaderAcknowledgedBy', 'ocAcknowledgedBy'])
const PERSON_OF: Record<Role, string> = { leaderA: PEOPLE.leaderA.id, leaderC: PEOPLE.leaderC.id, oc: PEOPLE.ocNord.id }
/** Records that are one per unit and key (DOMAIN.md). */
const ONE_PER: Partial<Record<SyncTable, readonly string[]>> = {
  forecast: ['year', 'month'],
  explanation: ['indicator', 'year', 'month'],
  dialoguePreparation: ['year', 'month'],
}
const isPrivate = (table: string, record: Record<string, unknown> | null | undefined) => table === 'note' && record?.visibility === 'oc_private'

// ---- values from the declarations ----------------------------------------------------------

type Def = {
  type: string
  innerType?: z.ZodType
  options?: z.ZodType[]
  element?: z.ZodType
  entries?: Record<string, string>
  shape?: Record<string, z.ZodType>
  keyType?: z.ZodType
  valueType?: z.ZodType
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Stands for the id of the person writing (an acknowledgement is given in one's own name): resolved per device. */
const ME = 'me'

/** The first `n` of each pool in turn: [a0, b0, a1, b1, …], so a list mixes the shapes it may hold. */
function interleave(pools: unknown[][]): unknown[] {
  const out: unknown[] = []
  for (let i = 0; i < Math.max(0, ...pools.map((p) => p.length)); i++) for (const p of pools) if (i < p.length) out.push(p[i])
  return out
}

/**
 * A few valid values of a field, read off its zod schema: enums give their options, ranges their
 * ends, objects and records are built from the pools of their fields, lists hold 0, 1 or 2 of their
 * items. Only values the schema takes are kept (a list of indicators has each at most once).
 */
function poolOf(schema: z.ZodType): unknown[] {
  return candidatesOf(schema).filter((v) => schema.safeParse(v).success)
}

function candidatesOf(schema: z.ZodType): unknown[] {
  const marked = syncFieldKinds.get(schema)?.syncKind
  if (marked === 'amount') return [1000, 2500.5, 40_000]
  if (marked === 'date') return ['2025-01-31', '2025-03-31']
  if (marked === 'timestamp') return ['2025-03-01T10:00:00.000Z', '2025-04-01T08:30:00.000Z']
  if (schema === idSchema) return ['t0', 't1', ME]
  const def = defOf(schema)
  switch (def.type) {
    case 'nullable':
      return [...poolOf(def.innerType!), null]
    case 'optional':
    case 'default':
      return poolOf(def.innerType!)
    case 'enum':
      return Object.values(def.entries ?? {}).slice(0, 3)
    case 'boolean':
      return [true, false]
    case 'number': {
      const n = schema as z.ZodNumber
      const min = Number.isFinite(n.minValue ?? NaN) ? n.minValue! : 1
      return [min, min + 1, min + 2].filter((v) => v <= (n.maxValue ?? Infinity))
    }
    case 'string':
      return ['t0', 't1', 't2']
    case 'union':
      return interleave(def.options!.map(poolOf))
    case 'array': {
      const items = poolOf(def.element!)
      return [[], items.slice(0, 1), items.slice(0, 2), items.slice(1, 3)]
    }
    case 'object': {
      // The n-th object takes the n-th value of each field's pool (shifted per field, so they vary apart).
      const fields = Object.entries(def.shape!).map(([name, field]) => [name, poolOf(field)] as const)
      return [0, 1, 2].map((n) => Object.fromEntries(fields.map(([name, pool], i) => [name, pool[(n + i) % pool.length]])))
    }
    case 'record': {
      const keys = poolOf(def.keyType!) as string[]
      const values = poolOf(def.valueType!)
      return [{}, { [keys[0]!]: values[0] }, { [keys[1]!]: values[1], [keys[2]!]: values[0] }]
    }
    default:
      throw new Error(`no values for zod type ${def.type}`)
  }
}

const shapeOf = (kind: SyncKind) => kind.schema.shape as Record<string, z.ZodType>

/**
 * Fields no device writes (a dialogue's reopening: core/history/dialogueLock.ts), found by asking
 * the rule itself: a form sends them empty on a create and never changes them.
 */
function serverOwnedFields(kind: SyncKind): Set<string> {
  return new Set(
    Object.keys(kind.fields).filter((f) => {
      const sample = poolOf(shapeOf(kind)[f]!).find((v) => v !== null && v !== '')
      return sample !== undefined && serverOwnedChange(kind.name, { [f]: sample }, null) === f
    }),
  )
}
const SERVER_OWNED = new Map(CORE_SYNC_KINDS.map((k) => [k.name, serverOwnedFields(k)]))

function fieldPool(kind: SyncKind, field: string): unknown[] {
  const schema = shapeOf(kind)[field]!
  if (SERVER_OWNED.get(kind.name as SyncTable)!.has(field)) return [null, ''].filter((v) => schema.safeParse(v).success)
  const pool = poolOf(schema)
  if (pool.length === 0) throw new Error(`${kind.name}.${field}: no valid value in its pool`)
  return pool
}

const POOLS = new Map(CORE_SYNC_KINDS.map((k) => [k.name, Object.fromEntries(Object.keys(k.fields).map((f) => [f, fieldPool(k, f)]))]))
const pick = (kind: SyncKind, field: string, n: number) => {
  const pool = POOLS.get(kind.name as SyncTable)![field]!
  return pool[n % pool.length]
}

/** An index for another try at a valid record: the first try is n itself, later ones spread. */
const attemptIndex = (n: number, attempt: number, i: number) =>
  attempt === 0 ? n + i : [n, attempt, i].reduce((h, x) => Math.imul(h ^ (x + 0x9e37), 0x01000193) >>> 0, 0x811c9dc5)

/** The fields a form lets the person change: not the fixed ones, not the server's own. */
const editableFields = (kind: SyncKind) =>
  Object.keys(kind.fields).filter((f) => !(kind.fixedAfterCreate ?? []).includes(f as never) && !SERVER_OWNED.get(kind.name as SyncTable)!.has(f))

/** The person's own id where the pool said "me" (a form acknowledges in the name of who is signed in). */
const asPerson = (fields: Record<string, unknown>, personId: string) => Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, v === ME ? personId : v]))

/** Where a device writes: a kind in a unit, and for a note its visibility. */
interface Target {
  table: SyncTable
  unitId: string
  visibility?: 'shared' | 'oc_private'
}
const inUnit = (unitId: string, tables: readonly SyncTable[]): Target[] => tables.map((table) => ({ table, unitId }))

const LEADER_TABLES = Object.keys(MAY_WRITE.leaderA) as SyncTable[]
const LEADER_A_TARGETS = inUnit(IDS.unitA, LEADER_TABLES)
const LEADER_C_TARGETS = inUnit(IDS.unitC, LEADER_TABLES)
// What was agreed in unit A is the seeded action's, which the OC leaves to the leader (a probe asks
// it); the OC and the leader write unit A's development plan together.
const OC_TARGETS: Target[] = [
  { table: 'note', unitId: IDS.unitA },
  { table: 'note', unitId: IDS.unitA, visibility: 'oc_private' },
  { table: 'dialogue', unitId: IDS.unitA },
  { table: 'developmentPlan', unitId: IDS.unitA },
  { table: 'unitMark', unitId: IDS.unitA },
  { table: 'note', unitId: IDS.unitB },
  { table: 'dialogue', unitId: IDS.unitB },
  { table: 'dialogueAction', unitId: IDS.unitB },
  { table: 'developmentPlan', unitId: IDS.unitB },
  { table: 'unitMark', unitId: IDS.unitB },
]

/** The seeded forecast of January 2025 (an import's row: its id as the derivation makes it today). */
const seededForecastId = (unitId: string) => `forecast:${unitId}:2025:1`

/**
 * What a device must never be able to touch: another unit's records, OC private notes, kinds its
 * role does not write, fields of a kind it writes others of — edited (an existing record, one field
 * at a time) or created (a whole new record: a leader's private note, a leader's dialogue, an OC's
 * forecast).
 */
type Probe = { table: SyncTable; unitId: string } & ({ id: string } | { create: 'shared' | 'oc_private' })
const PROBES: Record<Role, Probe[]> = {
  leaderA: [
    { table: 'note', id: 'p-seed-A', unitId: IDS.unitA },
    { table: 'note', id: 'n-seed-C', unitId: IDS.unitC },
    { table: 'note', id: 'n-seed-C', unitId: IDS.unitA },
    { table: 'dialogue', id: 'dl-seed-A', unitId: IDS.unitA },
    { table: 'dialogueAction', id: 'da-seed-A', unitId: IDS.unitA },
    { table: 'developmentPlan', id: 'pl-seed-A', unitId: IDS.unitA },
    { table: 'unitMark', id: 'mk-seed-A', unitId: IDS.unitA },
    { table: 'note', unitId: IDS.unitA, create: 'oc_private' },
    { table: 'dialogue', unitId: IDS.unitA, create: 'shared' },
    { table: 'dialogueAction', unitId: IDS.unitA, create: 'shared' },
    { table: 'developmentPlan', unitId: IDS.unitA, create: 'shared' },
    { table: 'unitMark', unitId: IDS.unitA, create: 'shared' },
    { table: 'forecast', unitId: IDS.unitC, create: 'shared' },
    { table: 'unitFigures', unitId: IDS.unitA, create: 'shared' },
  ],
  oc: [
    { table: 'unitFigures', unitId: IDS.unitA, create: 'shared' },
    { table: 'note', id: 'n-seed-C', unitId: IDS.unitC },
    { table: 'forecast', id: seededForecastId(IDS.unitA), unitId: IDS.unitA },
    { table: 'actionPlanItem', id: 'ap-seed-A', unitId: IDS.unitA },
    { table: 'developmentPlan', id: 'pl-seed-A', unitId: IDS.unitA },
    { table: 'forecast', unitId: IDS.unitA, create: 'shared' },
    { table: 'initiative', unitId: IDS.unitB, create: 'shared' },
    { table: 'note', unitId: IDS.unitC, create: 'shared' },
    { table: 'unitMark', unitId: IDS.unitC, create: 'shared' },
  ],
  leaderC: [
    { table: 'note', id: 'n-seed-A', unitId: IDS.unitA },
    { table: 'note', id: 'p-seed-A', unitId: IDS.unitA },
    { table: 'note', id: 'n-seed-A', unitId: IDS.unitC },
    { table: 'dialogue', id: 'dl-seed-A', unitId: IDS.unitC },
    { table: 'dialogueAction', id: 'da-seed-A', unitId: IDS.unitA },
    { table: 'developmentPlan', id: 'pl-seed-A', unitId: IDS.unitC },
    { table: 'note', unitId: IDS.unitC, create: 'oc_private' },
    { table: 'dialogue', unitId: IDS.unitC, create: 'shared' },
    { table: 'actionPlanItem', unitId: IDS.unitA, create: 'shared' },
  ],
}

// ---- a device: the client's own modules over its own IndexedDB ----------------------------

/** One copy of the client's sync layer, as one browser profile loads it. */
async function loadClient() {
  // A module graph of its own (so its own `db`), over an IndexedDB of its own.
  vi.resetModules()
  Dexie.dependencies.indexedDB = new IDBFactory()
  Dexie.dependencies.IDBKeyRange = IDBKeyRange
  const [dbModule, records, engine, ids] = await Promise.all([
    import('../../src/client/db/db'),
    import('../../src/client/db/records'),
    import('../../src/client/sync/engine'),
    import('../../src/client/sync/deviceId'),
  ])
  return { db: dbModule.db, records, engine, deviceId: ids.deviceId }
}
type Client = Awaited<ReturnType<typeof loadClient>>

type PushFate = 'ok' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'delay'

/** How the network treats the requests of one sync: the push's fate, the pull's page size, and after how many pages the line drops. */
interface Line {
  push: PushFate
  pageLimit: number
  pages: number
}

class Device {
  online = true
  /** Every mutation the device's writes put in its outbox (as pushed: deviceSeq = the outbox's seq). */
  made: Mutation[] = []
  /** The last answer the device was handed for each mutation. */
  fates = new Map<string, PushResult['status']>()
  probes: string[] = []
  deviceId = ''
  line: Line = { push: 'ok', pageLimit: 500, pages: Infinity }
  /** Conflicts answered to the last push, checked once the device has taken the answer in. */
  answered: Array<Extract<PushResult, { status: 'conflict' }>> = []
  private probeCounter = 0

  constructor(
    readonly name: string,
    readonly role: Role,
    public cookie: string,
    readonly units: ReadonlySet<string>,
    readonly seesPrivate: boolean,
    readonly targets: Target[],
    readonly client: Client,
  ) {}

  async reset() {
    await Promise.all(this.client.db.tables.map((t) => t.clear()))
    this.online = true
    this.made = []
    this.fates.clear()
    this.probes = []
    this.answered = []
    this.deviceId = await this.client.deviceId()
  }

  async rows(): Promise<Map<string, RecordRow>> {
    return new Map((await this.client.db.records.toArray()).map((r) => [r.key, r]))
  }

  outbox(): Promise<OutboxRow[]> {
    return this.client.db.outbox.orderBy('seq').toArray()
  }

  nextProbeId(): string {
    this.probeCounter += 1
    return `${this.deviceId}-probe${this.probeCounter}`
  }

  /** What the last local change put in the outbox, noted as made. */
  async noteMade() {
    const known = new Set(this.made.map((m) => m.deviceSeq))
    for (const { seq, createdAt: _createdAt, ...m } of await this.outbox()) {
      if (!known.has(seq!)) this.made.push({ ...m, deviceSeq: seq! })
    }
  }
}

type Action =
  | { kind: 'write'; dev: number; slot: number; del: boolean; mask: number; value: number }
  | { kind: 'sync'; dev: number; push: PushFate; pageLimit: number; pages: number }
  | { kind: 'deliver'; index: number }
  | { kind: 'offline'; dev: number }
  | { kind: 'resolve'; dev: number; mine: boolean }
  | { kind: 'probe'; dev: number; slot: number; field: number }
  | { kind: 'restart' }
  | { kind: 'import'; unit: number }

const dev = fc.integer({ min: 0, max: 3 })
// Slots enough to reach every target and every probe of the longest list.
const WRITE_SLOTS = Math.max(LEADER_A_TARGETS.length, LEADER_C_TARGETS.length, OC_TARGETS.length)
const PROBE_SLOTS = Math.max(...Object.values(PROBES).map((p) => p.length))
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      dev,
      slot: fc.nat(WRITE_SLOTS - 1),
      del: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
      mask: fc.integer({ min: 1, max: 255 }),
      value: fc.nat(2),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      dev,
      push: fc.constantFrom<PushFate>('ok', 'ok', 'dropRequest', 'dropResponse', 'duplicate', 'delay'),
      pageLimit: fc.constantFrom(1, 2, 500),
      pages: fc.constantFrom(0, 1, Infinity, Infinity, Infinity),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), dev }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), dev, mine: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('probe' as const), dev, slot: fc.nat(PROBE_SLOTS - 1), field: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), unit: fc.nat(2) }) },
)

let db: Db
let app: FastifyInstance
let devices: Device[]
/** Ids made on the devices (records, mutations, device ids), counted from 1 in each run. */
let uuids = 0
/** What the schedules exercised, summed over all runs: a guard against a generator that tests nothing. */
const seen: Record<string, number> = {}
/** The same, for the run going on (its checks name the schedule that broke them). */
let thisRun: Record<string, number> = {}
const stat = (what: string) => {
  seen[what] = (seen[what] ?? 0) + 1
  thisRun[what] = (thisRun[what] ?? 0) + 1
}

async function startApp() {
  app = await buildApp({ db, demo: false, today: () => TODAY })
  await app.ready()
}

// ---- the network between the devices and the app ----------------------------------------

/** The device whose client is running now: one action at a time, so one device at a time. */
let current: Device | undefined
/** Push requests that left a device and reach the server only later (the device gave up on them). */
let delayed: Array<{ device: Device; body: PushRequest }> = []

class LineDown extends TypeError {
  constructor() {
    super('Failed to fetch')
  }
}

async function inject(d: Device, url: string, init: RequestInit | undefined) {
  const method = (init?.method ?? 'GET') as 'GET' | 'POST'
  const headers = { ...(init?.headers as Record<string, string>), cookie: d.cookie }
  return app.inject({ method, url, headers, payload: typeof init?.body === 'string' ? init.body : undefined })
}

function asResponse(res: Awaited<ReturnType<typeof inject>>): Response {
  return new Response(res.statusCode === 204 ? null : res.body, {
    status: res.statusCode,
    headers: { 'content-type': String(res.headers['content-type'] ?? '') },
  })
}

/** The results a push answer hands the device: what it was told, and the conflicts it must show. */
async function handed(d: Device, res: Awaited<ReturnType<typeof inject>>) {
  expect(res.statusCode, res.body).toBe(200)
  // An answer for a change no longer waiting (a late or repeated answer) is skipped by the device.
  const waiting = new Set((await d.outbox()).map((o) => o.mutationId))
  for (const result of res.json<{ results: PushResult[] }>().results) {
    if (!waiting.has(result.mutationId)) continue
    d.fates.set(result.mutationId, result.status)
    stat(result.status === 'rejected' ? `rejected:${result.reason}` : result.status)
    if (result.status === 'rejected' && result.field === 'id') stat('rejected:id')
    if (result.status === 'conflict') d.answered.push(result)
  }
}

/** The fetch every device's api layer calls: the scripted line, then the real app. */
async function network(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const d = current
  if (!d) throw new Error('a request with no device running')
  if (!d.online) throw new LineDown()
  const url = new URL(requestUrl(input), 'http://localhost')
  if (url.pathname === '/api/sync/push') {
    await checkConflictsShown(d)
    const fate = d.line.push
    d.line.push = 'ok'
    stat(`push:${fate}`)
    if (fate === 'dropRequest') throw new LineDown()
    if (fate === 'delay') {
      delayed.push({ device: d, body: JSON.parse(init!.body as string) as PushRequest })
      throw new LineDown()
    }
    const res = await inject(d, url.pathname, init)
    if (fate === 'dropResponse') throw new LineDown()
    if (fate === 'duplicate') {
      const again = await inject(d, url.pathname, init)
      await handed(d, again)
      return asResponse(again)
    }
    await handed(d, res)
    return asResponse(res)
  }
  if (url.pathname === '/api/sync/pull') {
    await checkConflictsShown(d)
    if (d.line.pages <= 0) throw new LineDown()
    d.line.pages -= 1
    // A server may answer a smaller page than asked (pages are bounded by bytes too).
    url.searchParams.set('limit', String(Math.min(d.line.pageLimit, Number(url.searchParams.get('limit')))))
    const res = await inject(d, `${url.pathname}${url.search}`, init)
    expect(res.statusCode, res.body).toBe(200)
    for (const change of res.json<PullResponse>().changes) {
      // Checked on the wire, before a device could keep it.
      expect(d.units.has(change.scopeId), `${d.name} was sent ${change.scopeId}`).toBe(true)
      if (isPrivate(change.table, change.record)) expect(d.seesPrivate, `${d.name} got a private note`).toBe(true)
    }
    return asResponse(res)
  }
  throw new Error(`${d.name} asked for ${url.pathname}`)
}

/** One sync as the scheduler runs it (engine.syncOnce), over the line given; a failure is the engine's to report. */
async function sync(d: Device, line: Line): Promise<boolean> {
  d.line = { ...line }
  current = d
  try {
    await d.client.engine.syncOnce()
    return true
  } catch (error) {
    // A lost line or a change kept for a retry: what the scheduler backs off from. Anything else is a bug.
    if (!(error instanceof Error) || !['NetworkError', 'SyncRetryError'].includes(error.name)) throw error
    return false
  } finally {
    current = undefined
    await checkConflictsShown(d)
  }
}

/** A conflict must reach the screen: kept on the record, unless the server already agrees or the record is gone. */
async function checkConflictsShown(d: Device) {
  const answered = d.answered
  d.answered = []
  if (answered.length === 0) return
  const rows = await d.rows()
  for (const result of answered) {
    const m = d.made.find((x) => x.mutationId === result.mutationId)!
    const rec = rows.get(recordKey(m.table, m.recordId))
    expect(rec, `${m.mutationId}: its record is gone from the device`).toBeDefined()
    const copy = rec!.server
    for (const c of result.conflicts) {
      const shown = rec!.conflicts.some((k) => k.field === c.field && valuesEqual(k.mine, c.mine))
      const settled = c.field === 'deleted' ? copy?.deleted === true : valuesEqual(fieldsOf(copy?.record ?? null)[c.field], c.mine)
      const turnedRejection = copy?.deleted === true && rec!.rejections.some((r) => valuesEqual(r.fields[c.field], c.mine))
      expect(shown || settled || turnedRejection, `conflict on ${rec!.id}.${c.field} not shown`).toBe(true)
    }
  }
}

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
  await db.query(`insert into dialogue (id, unit_id, kind, scheduled_on, created_by) values ('dl-seed-A', $1, 'dialogue', '2025-02-01', $2)`, [
    IDS.unitA,
    PEOPLE.ocNord.id,
  ])
  await db.query(
    `insert into action_plan_item (id, unit_id, year, title, due_date, status, created_by) values ('ap-seed-A', $1, 2025, 'Plan', '2025-06-30', 'planned', $2)`,
    [IDS.unitA, PEOPLE.leaderA.id],
  )
  // Of no dialogue the devices hold, so its lock never answers a probe before its access does.
  await db.query(
    `insert into dialogue_action (id, unit_id, dialogue_id, title, owner, due_on, status, created_by) values ('da-seed-A', $1, 'dl-none', 'Aftalt', 'Lea', '2025-06-30', 'open', $2)`,
    [IDS.unitA, PEOPLE.ocNord.id],
  )
  await db.query(
    `insert into development_plan (id, unit_id, indicators, started_on, goals, leader_acknowledged_on, leader_acknowledged_by, oc_acknowledged_on, oc_acknowledged_by, created_by)
     values ('pl-seed-A', $1, '["budget"]', '2025-02-01', '["Budgettet holder"]', '2025-02-02', $2, '2025-02-02', $3, $3)`,
    [IDS.unitA, PEOPLE.leaderA.id, PEOPLE.ocNord.id],
  )
  await db.query(
    `insert into unit_mark (id, unit_id, kind, indicator, text, marked_on, created_by) values ('mk-seed-A', $1, 'best_practice', 'budget', 'God praksis', '2025-02-01', $2)`,
    [IDS.unitA, PEOPLE.ocNord.id],
  )
  for (const id of [fcA, fcC, 'n-seed-A', 'p-seed-A', 'n-seed-C', 'n-seed-D', 'dl-seed-A', 'ap-seed-A', 'da-seed-A', 'pl-seed-A', 'mk-seed-A']) SEEDED.add(id)
}

// ---- what people do on the devices --------------------------------------------------------

/** Would the record be valid — the schema's rules across fields too (a done action has a date)? */
const validRecord = (kind: SyncKind, unitId: string, values: Record<string, unknown>) =>
  kind.schema.safeParse({ ...values, id: 'x', [kind.scopeField]: unitId }).success

/** How many other picks a form tries before it gives up on a valid record (and the device refuses it). */
const TRIES = 24

/**
 * A new record's fields, every one from its pool, tried until the record is valid as a whole. The
 * key of a record that is one per key (the oracle's list, not the declaration's) is always the same
 * — the person writes this month's forecast — so devices offline at once make the same one. What
 * the person may not write a form leaves empty where it can be (the OC's plan without the leader's
 * acknowledgement); an acknowledgement is in the writer's own name.
 */
function newFields(kind: SyncKind, target: Target, value: number, role: Role): Record<string, unknown> {
  const key = ONE_PER[target.table] ?? []
  const shape = shapeOf(kind)
  let fields: Record<string, unknown> = {}
  for (let attempt = 0; attempt < TRIES; attempt++) {
    fields = {}
    Object.keys(kind.fields).forEach((f, i) => {
      const leftEmpty = !mayWrite(role, target.table, f) && shape[f]!.safeParse(null).success
      fields[f] = leftEmpty ? null : pick(kind, f, key.includes(f) ? 0 : attemptIndex(value, attempt, i))
    })
    if (target.table === 'note') fields.visibility = target.visibility ?? 'shared'
    fields = asPerson(fields, PERSON_OF[role])
    if (validRecord(kind, target.unitId, fields)) break
  }
  return fields
}

/** An edit of the fields the mask picks, tried until the record it leaves is valid. */
function editFields(
  kind: SyncKind,
  unitId: string,
  current: Record<string, unknown>,
  a: Extract<Action, { kind: 'write' }>,
  role: Role,
): Record<string, unknown> {
  let fields: Record<string, unknown> = {}
  for (let attempt = 0; attempt < TRIES; attempt++) {
    fields = {}
    editableFields(kind).forEach((f, i) => {
      if (a.mask & (1 << (i % 8))) fields[f] = pick(kind, f, attemptIndex(a.value, attempt, i))
    })
    fields = asPerson(fields, PERSON_OF[role])
    if (validRecord(kind, unitId, { ...current, ...fields })) break
  }
  return fields
}

/**
 * A write as a form makes it, through the client's records layer: the person edits (or deletes)
 * the record of this kind they see, or creates one — with no id, so the device makes it (derived
 * from the key for a natural-key kind). The layer validates; a refused write saves nothing.
 */
async function write(d: Device, a: Extract<Action, { kind: 'write' }>) {
  const target = d.targets[a.slot % d.targets.length]!
  const kind = SYNC_KINDS[target.table]
  const outbox = await d.outbox()
  const key = ONE_PER[target.table] ?? []
  const wanted = newFields(kind, target, a.value, d.role)
  let shownValues: Record<string, unknown> = {}
  const shown = [...(await d.rows()).values()].find((r) => {
    if (r.table !== target.table || r.scopeId !== target.unitId) return false
    const view = viewOf(
      r,
      outbox.filter((m) => m.table === r.table && m.recordId === r.id),
    )
    if (!view.exists) return false
    if (target.table === 'note' && view.values.visibility !== (target.visibility ?? 'shared')) return false
    shownValues = view.values
    // A record one per key: the one of this key (the form of this month's forecast).
    return key.every((f) => valuesEqual(view.values[f], wanted[f]))
  })
  const { records } = d.client
  try {
    if (!shown) await records.writeRecord(target.table, { scopeId: target.unitId, fields: wanted })
    else if (a.del) await records.deleteRecord(target.table, shown.id)
    else await records.writeRecord(target.table, { id: shown.id, scopeId: target.unitId, fields: editFields(kind, target.unitId, shownValues, a, d.role) })
  } catch (error) {
    if (!(error instanceof records.InvalidFieldError)) throw error
    // The device makes the ids itself: it must never refuse one of its own.
    expect(error.field, `${d.name} refused its own id: ${error.message}`).not.toBe('id')
    return stat('write:refused-on-device')
  }
  const before = d.made.length
  await d.noteMade()
  if (d.made.length > before) stat(`write:${target.table}`)
}

async function resolveOne(d: Device, mine: boolean) {
  const rec = [...(await d.rows()).values()].find((r) => r.conflicts.length > 0)
  if (!rec) return
  await d.client.records.resolveConflict(rec.table, rec.id, rec.conflicts[0]!.field, mine ? 'mine' : 'theirs')
  await d.noteMade()
}

/** The record as the server holds it now (its fields), or null. */
async function serverRecord(table: SyncTable, id: string): Promise<Record<string, unknown> | null> {
  const t = sqlTable(SYNC_KINDS[table])
  const [row] = await db.query<{ record: Record<string, unknown> | null }>(`select ${t.recordExpr} as record from ${t.name} where id = $1`, [id])
  return row?.record ? fieldsOf(row.record) : null
}

/**
 * A write the domain does not allow this person, sent as a tampered device would: it must be
 * refused, whatever the declarations say — for who may not write there, not for a value the record
 * would not take (so an edit sets one field the person may not write to a value that keeps the
 * record valid; with none such, there is nothing to probe now).
 */
async function probe(d: Device, slot: number, fieldSlot: number) {
  if (!d.online) return
  const targets = PROBES[d.role]
  const target = targets[slot % targets.length]!
  const mutationId = d.nextProbeId()
  const kind = SYNC_KINDS[target.table]
  let mutation: Mutation
  let what: string
  if ('create' in target) {
    const fields = newFields(kind, { table: target.table, unitId: target.unitId, visibility: target.create }, fieldSlot, d.role)
    const id = kind.naturalKey ? recordIdFor(kind, { ...fields, [kind.scopeField]: target.unitId }) : `${mutationId}-new`
    mutation = { mutationId, table: target.table, recordId: id, scopeId: target.unitId, baseVersion: 0, op: 'upsert', fields, deviceSeq: 1 }
    what = `a new ${target.create} ${target.table} in ${target.unitId}`
  } else {
    // One field at a time: a role allowed some fields of a kind must still be refused each other one.
    const editable = editableFields(kind)
    const denied = editable.filter((f) => !mayWrite(d.role, target.table, f))
    const current = await serverRecord(target.table, target.id)
    const valueOf = (f: string) => pick(kind, f, 1)
    const candidates = (denied.length > 0 ? denied : editable).filter((f) => !current || validRecord(kind, target.unitId, { ...current, [f]: valueOf(f) }))
    const field = candidates[fieldSlot % Math.max(1, candidates.length)]
    if (field === undefined) return
    mutation = {
      mutationId,
      table: target.table,
      recordId: target.id,
      scopeId: target.unitId,
      baseVersion: 1,
      op: 'upsert',
      fields: { [field]: valueOf(field) },
      deviceSeq: 1,
    }
    what = `${target.table} ${target.id}.${field}`
  }
  const res = await pushRaw(app, d.cookie, d.deviceId, [mutation])
  expect(res.statusCode, res.body).toBe(200)
  const [result] = res.json<{ results: PushResult[] }>().results
  expect(result, `${d.name} probed ${what}`).toMatchObject({ mutationId, status: 'rejected' })
  expect(['not_found', 'forbidden'], `${d.name} probed ${what}: ${JSON.stringify(result)}`).toContain((result as { reason: string }).reason)
  d.probes.push(mutationId)
}

async function checkHoldsOnlyItsOwn(d: Device) {
  for (const rec of (await d.rows()).values()) {
    expect(d.units.has(rec.scopeId), `${d.name} holds a record of ${rec.scopeId}`).toBe(true)
    if (isPrivate(rec.table, rec.server?.record) || isPrivate(rec.table, rec.data)) expect(d.seesPrivate, `${d.name} holds a private note`).toBe(true)
    for (const c of rec.conflicts) {
      if (c.field === 'visibility') expect(d.seesPrivate).toBe(true)
    }
  }
}

let imports = 0

/**
 * The economics team imports new figures for a unit: the server stamps it (a kind no device
 * writes) through the one writer, and every device that holds the unit must pull the stamp.
 */
async function importFor(unitId: string) {
  imports++
  await db.transaction((tx) => stampUnits(tx, [unitId], `import-${imports}`, PEOPLE.economics.id, new Date(Date.UTC(2025, 10, 1, 6, imports)).toISOString()))
  stat('write:unitFigures')
}

async function perform(a: Action) {
  switch (a.kind) {
    case 'write':
      return write(devices[a.dev]!, a)
    case 'sync':
      return void (await sync(devices[a.dev]!, a))
    case 'deliver': {
      if (delayed.length === 0) return
      // The request the device gave up on reaches the server now; its answer goes nowhere.
      const [late] = delayed.splice(a.index % delayed.length, 1)
      const res = await pushRaw(app, late!.device.cookie, late!.body.deviceId, late!.body.mutations)
      expect(res.statusCode, res.body).toBe(200)
      return
    }
    case 'offline': {
      const d = devices[a.dev]!
      d.online = !d.online
      return
    }
    case 'resolve':
      return resolveOne(devices[a.dev]!, a.mine)
    case 'probe':
      return probe(devices[a.dev]!, a.slot, a.field)
    case 'restart': {
      await app.close()
      await startApp()
      return
    }
    case 'import':
      return importFor([IDS.unitA, IDS.unitB, IDS.unitC][a.unit]!)
  }
}

// ---- the final sync and the checks ---------------------------------------------------------

const GOOD_LINE: Line = { push: 'ok', pageLimit: 500, pages: Infinity }

/** Back online, syncing until nothing waits and the last sync went through. */
async function settle(d: Device) {
  d.online = true
  for (let i = 0; ; i++) {
    expect(i, `${d.name} does not settle`).toBeLessThan(20)
    if ((await sync(d, GOOD_LINE)) && (await d.client.db.outbox.count()) === 0) return
  }
}

async function finalSync(resolveMine: boolean) {
  for (const late of delayed) {
    const res = await pushRaw(app, late.device.cookie, late.body.deviceId, late.body.mutations)
    expect(res.statusCode, res.body).toBe(200)
  }
  delayed = []
  // Each device in turn: send what waits, catch up, settle its conflicts, send those.
  for (const d of devices) {
    await settle(d)
    for (const rec of (await d.rows()).values()) {
      for (const c of rec.conflicts) await d.client.records.resolveConflict(rec.table, rec.id, c.field, resolveMine ? 'mine' : 'theirs')
    }
    await d.noteMade()
    await settle(d)
  }
  for (const d of devices) await settle(d)
}

interface ServerRow {
  id: string
  scope_id: string
  version: number
  deleted: boolean
  record: Record<string, unknown> | null
  created_by: string | null
}

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
  return d.made.some(
    (n) => n.table === m.table && n.recordId === m.recordId && n.deviceSeq > m.deviceSeq && (n.op === 'delete' || Object.hasOwn(n.fields, field)),
  )
}

/**
 * The person wrote every refused field of a refused change again, later on the same device: that
 * is how a refusal is fixed (src/client/db/refusals.ts), so it no longer shows — the later write
 * carries what was written, and its own fate is checked like any other.
 */
function settledLater(d: Device, m: Mutation): boolean {
  const refused = Object.keys(m.fields)
  return (
    m.op === 'upsert' &&
    refused.length > 0 &&
    d.made.some(
      (n) =>
        n.table === m.table && n.recordId === m.recordId && n.deviceSeq > m.deviceSeq && n.op === 'upsert' && refused.every((f) => Object.hasOwn(n.fields, f)),
    )
  )
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
  const perRecord = await db.query<{ table_name: string; record_id: string; n: number }>(
    'select table_name, record_id, count(*)::int as n from audit_log group by 1, 2',
  )
  const auditCount = new Map(perRecord.map((r) => [`${r.table_name}:${r.record_id}`, r.n]))
  for (const [, row] of server) {
    const expected = row.version - (SEEDED.has(row.id) ? 1 : 0)
    expect(auditCount.get(`${sqlTable(SYNC_KINDS[row.table]).name}:${row.id}`) ?? 0, `audit rows of ${row.table} ${row.id}`).toBe(expected)
  }
  // …and exactly one stored answer for each mutation a device made or probed with.
  expect(stored.length).toBe(devices.reduce((n, d) => n + d.made.length + d.probes.length, 0))

  // Nobody wrote what the domain does not let them — no field of it, nor an acknowledgement in
  // another's name — and a record one per key stayed one. A create leaves what it does not set empty.
  const people: Record<string, Role> = { [PEOPLE.leaderA.id]: 'leaderA', [PEOPLE.ocNord.id]: 'oc', [PEOPLE.leaderC.id]: 'leaderC' }
  const writes = await db.query<{
    person_id: string
    table_name: string
    old_value: Record<string, unknown> | null
    new_value: Record<string, unknown> | null
  }>('select person_id, table_name, old_value, new_value from audit_log')
  for (const w of writes) {
    const kind = CORE_SYNC_KINDS.find((k) => sqlTable(k).name === w.table_name)!
    // The import's stamps are the server's own writes, in the economics person's name, and nothing else is.
    if (w.person_id === PEOPLE.economics.id) {
      expect(kind.name, 'the import wrote a kind people write').toBe('unitFigures')
      stat(`audited:${kind.name}`)
      continue
    }
    const role = people[w.person_id]!
    for (const [field, value] of Object.entries(w.new_value ?? {})) {
      if (w.old_value === null && value === null) continue
      expect(mayWrite(role, kind.name, field), `${role} wrote ${kind.name}.${field}`).toBe(true)
      if (ACKNOWLEDGED_BY.has(field) && value !== null) expect(value, `${role} acknowledged in another's name`).toBe(w.person_id)
    }
    stat(`audited:${kind.name}`)
  }
  for (const [table, key] of Object.entries(ONE_PER)) {
    const live = [...server.values()].filter((r) => r.table === table && !r.deleted)
    const keys = live.map((r) => [r.scope_id, ...key.map((f) => r.record?.[f])].join('|'))
    expect(new Set(keys).size, `${table}: two records for one key`).toBe(keys.length)
  }
  expect(thisRun['rejected:duplicate'] ?? 0, 'a natural-key record was made twice').toBe(0)
  // The device derives ids as the server checks them: never a refusal of the id itself.
  expect(thisRun['rejected:id'] ?? 0, 'the server refused an id the device made').toBe(0)

  for (const d of devices) {
    expect(await d.outbox()).toEqual([])
    const rows = await d.rows()
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
      if (result!.status === 'rejected' && !settledLater(d, m)) {
        const rec = rows.get(recordKey(m.table, m.recordId))
        expect(
          rec?.rejections.some((r) => r.mutationId === m.mutationId),
          `${m.mutationId} rejection not shown`,
        ).toBe(true)
      }
    }

    // Converged: the device holds exactly what it may see, as the server has it — and shows it.
    const visible = [...server.entries()].filter(([, r]) => d.units.has(r.scope_id) && (!isPrivate(r.table, r.record) || d.seesPrivate))
    for (const [key, row] of visible) {
      const rec = rows.get(key)
      expect(rec, `${d.name} lacks ${key}`).toBeDefined()
      expect(rec!.conflicts).toEqual([])
      expect(rec!.pendingFields).toEqual([])
      expect(rec!.server?.version, `${d.name} ${key}`).toBe(row.version)
      expect(rec!.server?.deleted).toBe(row.deleted)
      const view = viewOf(rec!)
      expect(view.exists).toBe(!row.deleted)
      if (!row.deleted) {
        expect(valuesEqual(view.values, fieldsOf(row.record)), `${d.name} ${key}`).toBe(true)
        // What the screen reads (the materialised row) is the same.
        expect(rec!.gone).toBe(false)
        expect(valuesEqual(fieldsOf(rec!.data), fieldsOf(row.record)), `${d.name} shows ${key}`).toBe(true)
      }
    }
    const visibleKeys = new Set(visible.map(([key]) => key))
    for (const [key, rec] of rows) {
      if (visibleKeys.has(key)) continue
      // Only what the server never had: a create that was refused (and still shows why), or a
      // create deleted again before it ever reached the server.
      expect(viewOf(rec).exists, `${d.name} holds ${key} it may not see`).toBe(false)
    }
    await checkHoldsOnlyItsOwn(d)
  }
}

beforeAll(async () => {
  db = await freshDb()
  await insertFixtures(db)
  await startApp()
  vi.stubGlobal('fetch', network)
  // Ids made on the devices (records, mutations, device ids) counted, not random: a failing
  // schedule replays the same, and shrinks.
  vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(
    () => `00000000-0000-4000-8000-${String(++uuids).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`,
  )
  const nord = new Set([IDS.unitA, IDS.unitB, IDS.unitD])
  devices = [
    new Device('phone', 'leaderA', await login(app, PEOPLE.leaderA.email), new Set([IDS.unitA]), false, LEADER_A_TARGETS, await loadClient()),
    new Device('tablet', 'leaderA', await login(app, PEOPLE.leaderA.email), new Set([IDS.unitA]), false, LEADER_A_TARGETS, await loadClient()),
    new Device('oc', 'oc', await login(app, PEOPLE.ocNord.email), nord, true, OC_TARGETS, await loadClient()),
    new Device('leaderC', 'leaderC', await login(app, PEOPLE.leaderC.email), new Set([IDS.unitC]), false, LEADER_C_TARGETS, await loadClient()),
  ]
}, 60_000)
afterAll(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  await Promise.all(devices.map((d) => d.client.db.delete()))
  await app.close()
  await db.close()
})

it(`never loses a write, applies and audits each once, converges and keeps scopes apart, for every synced kind, on the client's Dexie layer (${NUM_RUNS} random schedules)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(actionArb, { minLength: 5, maxLength: 32, size: 'max' }), fc.boolean(), async (actions, resolveMine) => {
      await resetDb()
      uuids = 0
      thisRun = {}
      delayed = []
      for (const d of devices) await d.reset()
      for (const a of actions) {
        await perform(a)
        // Only what a device does (a write, a sync, a choice) changes what it holds.
        if ('dev' in a) await checkHoldsOnlyItsOwn(devices[a.dev]!)
      }
      await finalSync(resolveMine)
      await checkAfterFinalSync()
      for (const a of actions) stat(a.kind)
    }),
    { numRuns: NUM_RUNS },
  )
  // (An edit of a record deleted meanwhile, 'rejected:deleted', is too rare over ten kinds to
  // require here; test/server/sync.test.ts covers it.)
  const required = ['applied', 'conflict', 'rejected:forbidden', 'restart', 'deliver', 'push:duplicate', 'push:dropResponse', 'push:delay', 'offline', 'probe']
  // Every kind written on a device, and written on the server (an audited change) by someone.
  for (const what of [...required, ...CORE_SYNC_KINDS.flatMap((k) => [`write:${k.name}`, `audited:${k.name}`])]) {
    expect(seen[what] ?? 0, what).toBeGreaterThan(0)
  }
}, 300_000)
