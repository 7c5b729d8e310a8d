// Push: the mutations of one device, each in its own transaction and in order. Inside that
// transaction the server checks whether it has seen the (device, mutation) before — then it answers
// as it did the first time — and otherwise hands the mutation to the one writer (writer.ts), which
// authorises, validates, merges per field and writes the record and its audit row; the answer is
// stored with it. So a retried push never applies twice, and a failure in one mutation neither
// half-applies it nor stops the others.
import type { FastifyBaseLogger } from 'fastify'
import type { Principal } from '../../core/principal'
import type { SyncKindSet } from '../../core/sync/kinds'
import { REJECTION_MESSAGES, type Mutation, type PushResult } from '../../core/sync/protocol'
import type { IsoDate } from '../../core/types'
import type { Db } from '../db/db'
import { dataExceptionRefusal } from './dataExceptions'
import { lockForSyncWrite } from './lock'
import { writeSynced } from './writer'

export interface PushContext {
  principal: Principal
  deviceId: string
  kinds: SyncKindSet
  log?: FastifyBaseLogger
  /** The rules' today (server/today.ts); the history rules judge a dialogue's lock by it. */
  today?: IsoDate
  /** Days after "Dialog afholdt" that a dialogue locks (DIALOGUE_LOCK_DAYS). */
  dialogueLockDays?: number
}

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
    // e.g. a second record for the same natural key under an id made before ids were derived: a
    // lasting refusal, kept as one.
    if (isUniqueViolation(err)) {
      return db.transaction(
        async (tx) =>
          (await previousResult(tx, ctx, m)) ??
          finish(tx, ctx, {
            mutationId: m.mutationId,
            status: 'rejected',
            reason: 'duplicate',
            message: REJECTION_MESSAGES.duplicate,
          }),
      )
    }
    // A value the database cannot store is refused for good, not retried (dataExceptions.ts); kept
    // like any answer, or — when even that cannot be stored (a NUL in the mutation id) — given unkept.
    const unstorable = dataExceptionRefusal(err, m)
    if (unstorable) {
      ctx.log?.warn({ err, mutationId: m.mutationId, table: m.table }, 'sync mutation holds a value the database cannot store')
      return db.transaction(async (tx) => (await previousResult(tx, ctx, m)) ?? finish(tx, ctx, unstorable)).catch(() => unstorable)
    }
    ctx.log?.error({ err, mutationId: m.mutationId, table: m.table }, 'sync mutation failed')
    // Not stored: the transaction rolled back, and the device retries it with its next sync.
    return { mutationId: m.mutationId, status: 'rejected', reason: 'error', message: REJECTION_MESSAGES.error }
  }
}

async function previousResult(tx: Db, ctx: PushContext, m: Mutation): Promise<PushResult | null> {
  await lockForSyncWrite(tx)
  const rows = await tx.query<{ result: PushResult }>('select result from applied_mutation where device_id = $1 and mutation_id = $2', [
    ctx.deviceId,
    m.mutationId,
  ])
  return rows[0]?.result ?? null
}

async function finish(tx: Db, ctx: PushContext, result: PushResult): Promise<PushResult> {
  await tx.query('insert into applied_mutation (device_id, mutation_id, result) values ($1, $2, $3::jsonb)', [
    ctx.deviceId,
    result.mutationId,
    JSON.stringify(result),
  ])
  return result
}

async function applyMutation(tx: Db, ctx: PushContext, m: Mutation): Promise<PushResult> {
  const earlier = await previousResult(tx, ctx, m)
  if (earlier) return earlier
  const kind = ctx.kinds.get(m.table)
  if (!kind) {
    return finish(tx, ctx, { mutationId: m.mutationId, status: 'rejected', reason: 'invalid', message: `Ukendt slags post: ${m.table}.` })
  }
  const result = await writeSynced(tx, {
    kind,
    id: m.recordId,
    scopeId: m.scopeId,
    op: m.op,
    fields: m.fields,
    baseVersion: m.baseVersion,
    personId: ctx.principal.personId,
    principal: ctx.principal,
    deviceId: ctx.deviceId,
    mutationId: m.mutationId,
    deviceSeq: m.deviceSeq,
    today: ctx.today,
    dialogueLockDays: ctx.dialogueLockDays,
  })
  return finish(tx, ctx, { ...result, mutationId: m.mutationId })
}
