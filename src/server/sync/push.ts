// Push: the mutations of one device, each in its own transaction and in order. Inside that
// transaction the server checks whether it has seen the (device, mutation) before — then it answers
// as it did the first time — authorises, validates, merges per field, writes the record with a new
// change sequence number, the audit row and the stored answer. So a retried push never applies
// twice, and a failure in one mutation neither half-applies it nor stops the others.
import type { FastifyBaseLogger } from 'fastify'
import { mergeMutation, type MergeOutcome, type ServerRecordState } from '../../core/sync/merge'
import { REJECTION_MESSAGES, type Mutation, type PushResult, type RejectionReason } from '../../core/sync/protocol'
import { SYNC_TABLE_SPECS } from '../../core/sync/tables'
import { validateFields } from '../../core/sync/validate'
import type { Scope } from '../auth/scope'
import type { IsoDate } from '../../core/types'
import type { Db } from '../db/db'
import { todayInCopenhagen } from '../today'
import { mayWrite } from './authorise'
import { dataExceptionRefusal } from './dataExceptions'
import { historyRefusal } from './historyChecks'
import { lockForSyncWrite } from './lock'
import { SQL_TABLES, sqlParam } from './tables'

export interface PushContext {
  scope: Scope
  personId: string
  deviceId: string
  log?: FastifyBaseLogger
  /** The rules' today (server/today.ts); the history rules judge a dialogue's lock by it. */
  today?: IsoDate
}

interface StoredRow {
  unit_id: string
  version: number
  deleted: boolean
  field_versions: Record<string, number>
  field_writers: Record<string, string>
  v: Record<string, unknown>
  /** The server's stamps: who changed it last and when, who made it (SqlTable.stampExpr). */
  s: Record<string, unknown>
}

function rejected(m: Mutation, reason: Exclude<RejectionReason, 'invalid'>): PushResult {
  return { mutationId: m.mutationId, status: 'rejected', reason, message: REJECTION_MESSAGES[reason] }
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value))

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505'
}

export async function pushMutations(db: Db, ctx: PushContext, mutations: readonly Mutation[]): Promise<PushResult[]> {
  const results: PushResult[] = []
  for (const m of mutations) results.push(await pushOne(db, ctx, m))
  return results
}

async function pushOne(db: Db, ctx: PushContext, m: Mutation): Promise<PushResult> {
  try {
    return await db.transaction((tx) => applyMutation(tx, ctx, m))
  } catch (err) {
    // e.g. a second forecast for the same month under another id: a lasting refusal, kept as one.
    if (isUniqueViolation(err)) return db.transaction((tx) => finishOnce(tx, ctx, m, rejected(m, 'duplicate')))
    // policy: a value the database cannot store is refused for good, not retried (dataExceptions.ts);
    // kept like any answer, or — when even that cannot be stored (a NUL in the mutation id) — given unkept.
    const unstorable = dataExceptionRefusal(err, m)
    if (unstorable) {
      ctx.log?.warn({ err, mutationId: m.mutationId, table: m.table }, 'sync mutation holds a value the database cannot store')
      return db.transaction((tx) => finishOnce(tx, ctx, m, unstorable)).catch(() => unstorable)
    }
    ctx.log?.error({ err, mutationId: m.mutationId, table: m.table }, 'sync mutation failed')
    // Not stored: the transaction rolled back, and the device retries it with its next sync.
    return rejected(m, 'error')
  }
}

async function previousResult(tx: Db, ctx: PushContext, m: Mutation): Promise<PushResult | null> {
  await lockForSyncWrite(tx)
  const rows = await tx.query<{ result: PushResult }>(
    'select result from applied_mutation where device_id = $1 and mutation_id = $2',
    [ctx.deviceId, m.mutationId],
  )
  return rows[0]?.result ?? null
}

async function finish(tx: Db, ctx: PushContext, result: PushResult): Promise<PushResult> {
  await tx.query('insert into applied_mutation (device_id, mutation_id, result) values ($1, $2, $3::jsonb)', [
    ctx.deviceId, result.mutationId, JSON.stringify(result),
  ])
  return result
}

async function finishOnce(tx: Db, ctx: PushContext, m: Mutation, result: PushResult): Promise<PushResult> {
  return (await previousResult(tx, ctx, m)) ?? finish(tx, ctx, result)
}

async function loadRow(tx: Db, m: Mutation): Promise<StoredRow | null> {
  const t = SQL_TABLES[m.table]
  const rows = await tx.query<StoredRow>(
    `select unit_id, version, deleted, field_versions, field_writers, ${t.valuesExpr} as v, ${t.stampExpr} as s from ${t.name} where id = $1 for update`,
    [m.recordId],
  )
  return rows[0] ?? null
}

async function applyMutation(tx: Db, ctx: PushContext, m: Mutation): Promise<PushResult> {
  const earlier = await previousResult(tx, ctx, m)
  if (earlier) return earlier

  // The same refusal whether the record is elsewhere, missing or private: ids cannot be probed.
  if (!mayWrite(ctx.scope, m.table, m.unitId, m.fields.visibility)) return finish(tx, ctx, rejected(m, 'forbidden'))
  const row = await loadRow(tx, m)
  if (row && row.unit_id !== m.unitId) return finish(tx, ctx, rejected(m, 'forbidden'))
  if (row && m.table === 'note' && !mayWrite(ctx.scope, m.table, m.unitId, row.v.visibility)) {
    return finish(tx, ctx, rejected(m, 'forbidden'))
  }

  const live = row && !row.deleted ? row.v : null
  let fields: Record<string, unknown> = {}
  // An edit of a record that is gone is refused by the merge (not found / deleted), not as invalid.
  if (m.op === 'upsert' && (live || m.baseVersion === 0)) {
    const checked = validateFields({ table: m.table, recordId: m.recordId, unitId: m.unitId, fields: m.fields, current: live, previous: row?.v ?? null })
    if (!checked.ok) return finish(tx, ctx, { mutationId: m.mutationId, status: 'rejected', reason: 'invalid', message: checked.message })
    fields = checked.fields
  }
  // policy: rules over the record's history — a forecast's move, a dialogue's lock (historyChecks.ts)
  const broken = await historyRefusal(tx, { mutation: m, live, fields, today: ctx.today ?? todayInCopenhagen() })
  if (broken) return finish(tx, ctx, { mutationId: m.mutationId, status: 'rejected', reason: 'invalid', message: broken })

  const state: ServerRecordState | null = row
    ? { version: row.version, deleted: row.deleted, values: row.v, fieldVersions: row.field_versions, fieldWriters: row.field_writers }
    : null
  const schema = SYNC_TABLE_SPECS[m.table].schema
  const outcome = mergeMutation(
    state,
    { deviceId: ctx.deviceId, baseVersion: m.baseVersion, op: m.op, fields },
    (values) => schema.safeParse({ ...values, id: m.recordId, unitId: m.unitId }).success,
  )
  if (outcome.status === 'rejected') return finish(tx, ctx, rejected(m, outcome.reason))
  const stamps = outcome.changed.length > 0 ? await write(tx, ctx, m, state, outcome) : (row?.s ?? {})

  // Shaped as a pull hands it out, stamps included, so a device's copy is the same either way.
  const record = { ...outcome.next.values, ...stamps, id: m.recordId, unitId: m.unitId }
  const result: PushResult = outcome.status === 'conflict'
    ? { mutationId: m.mutationId, status: 'conflict', version: outcome.next.version, record, conflicts: outcome.conflicts }
    : { mutationId: m.mutationId, status: 'applied', version: outcome.next.version, deleted: outcome.next.deleted, record: outcome.next.deleted ? null : record }
  return finish(tx, ctx, result)
}

type Written = Extract<MergeOutcome, { changed: string[] }>

/** Writes the merged record and its audit row; returns the record's new stamps. */
async function write(tx: Db, ctx: PushContext, m: Mutation, before: ServerRecordState | null, outcome: Written): Promise<Record<string, unknown>> {
  const t = SQL_TABLES[m.table]
  const next = outcome.next
  const changedColumns = t.columns.filter((c) => outcome.changed.includes(c.field))
  const bookkeeping = [next.version, JSON.stringify(next.fieldVersions), JSON.stringify(next.fieldWriters), ctx.personId]
  let rows: Array<{ s: Record<string, unknown> }>
  if (outcome.created) {
    const n = changedColumns.length
    const values = changedColumns.map((c, i) => `$${i + 3}::${c.cast}`)
    rows = await tx.query(
      `insert into ${t.name} (id, unit_id, ${changedColumns.map((c) => c.column).join(', ')}, version, field_versions, field_writers, created_by, updated_by)
       values ($1, $2, ${values.join(', ')}, $${n + 3}, $${n + 4}::jsonb, $${n + 5}::jsonb, $${n + 6}, $${n + 6})
       returning ${t.stampExpr} as s`,
      [m.recordId, m.unitId, ...changedColumns.map((c) => sqlParam(c.kind, next.values[c.field])), ...bookkeeping],
    )
  } else {
    const params: unknown[] = [m.recordId, ...bookkeeping, next.deleted, ...changedColumns.map((c) => sqlParam(c.kind, next.values[c.field]))]
    const sets = changedColumns.map((c, i) => `${c.column} = $${i + 7}::${c.cast}`)
    rows = await tx.query(
      `update ${t.name} set ${[...sets, 'version = $2', 'field_versions = $3::jsonb', 'field_writers = $4::jsonb', 'updated_by = $5',
        'deleted = $6', "seq = nextval('change_seq')", 'updated_at = now()'].join(', ')} where id = $1
       returning ${t.stampExpr} as s`,
      params,
    )
  }
  await audit(tx, ctx, m, before, outcome)
  return rows[0]?.s ?? {}
}

async function audit(tx: Db, ctx: PushContext, m: Mutation, before: ServerRecordState | null, outcome: Written): Promise<void> {
  const pick = (state: ServerRecordState | null) => {
    if (!state) return null
    const values: Record<string, unknown> = {}
    for (const field of outcome.changed) values[field] = field === 'deleted' ? state.deleted : (state.values[field] ?? null)
    return values
  }
  const action = outcome.created ? 'sync.create' : outcome.next.deleted ? 'sync.delete' : before?.deleted ? 'sync.revive' : 'sync.update'
  await tx.query(
    `insert into audit_log (person_id, action, table_name, record_id, old_value, new_value, device_id, mutation_id)
     values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)`,
    [ctx.personId, action, SQL_TABLES[m.table].name, m.recordId, json(pick(before)), json(pick(outcome.next)), ctx.deviceId, m.mutationId],
  )
}
