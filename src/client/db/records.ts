// The synced records and their outbox in Dexie. Every change a person makes is ONE transaction over
// the record and the outbox: offline, that transaction is the whole save — the screen shows the new
// value at once (liveQuery), and the outbox entry waits, on this device and across restarts, until
// the sync loop has handed it to the server. A crash between the two writes cannot happen: either
// both are stored or neither, so an edit is never shown as saved without the change that carries it.
// The bookkeeping itself (rebase on pull, push results, conflicts) is the pure src/core/sync/device.ts.
import {
  applyPushResult,
  dismissRejection as dismissCoreRejection,
  localWrite,
  rebaseOnPull,
  recordKey,
  resolveConflict as resolveCoreConflict,
  viewOf,
  type DeviceRecord,
} from '../../core/sync/device'
import { isServerStampField, recordIdFor } from '../../core/sync/kind'
import { SYNC_KINDS, type SyncTable } from '../../core/sync/kinds'
import type { PendingMutation, PullChange, PushResult } from '../../core/sync/protocol'
import { fieldLabel } from '../../core/sync/tables'
import { validateFields } from '../../core/sync/validate'
import { valuesEqual } from '../../core/sync/values'
import { db, type OutboxRow, type RecordRow } from './db'
import { InvalidFieldError } from './invalidField'
import { refusedCreateFields, settleRefusals } from './refusals'

export { InvalidFieldError }

function toDevice(row: RecordRow): DeviceRecord {
  return { table: row.table, id: row.id, scopeId: row.scopeId, server: row.server, conflicts: row.conflicts, rejections: row.rejections }
}

function mutationOf(row: OutboxRow): PendingMutation {
  const { seq: _seq, createdAt: _createdAt, ...mutation } = row
  return mutation
}

/** The record with what the screen shows worked out from the pending outbox entries. */
export function materialise(rec: DeviceRecord, pending: readonly PendingMutation[]): RecordRow {
  const view = viewOf(rec, pending)
  const rejection = rec.rejections[0]
  let values = view.values
  // A refused create has no server copy: show what was refused beside the reason, not an empty card.
  if (!view.exists && rejection?.op === 'upsert') values = { ...rejection.fields, ...values }
  const pendingFields = new Set<string>()
  for (const m of pending) for (const field of m.op === 'delete' ? ['deleted'] : Object.keys(m.fields)) pendingFields.add(field)
  for (const c of rec.conflicts) pendingFields.add(c.field)
  return {
    ...rec,
    key: recordKey(rec.table, rec.id),
    data: { ...values, id: rec.id, [SYNC_KINDS[rec.table].scopeField]: rec.scopeId },
    gone: !view.exists && rec.rejections.length === 0 && rec.conflicts.length === 0,
    pendingFields: [...pendingFields],
  }
}

async function pendingFor(table: SyncTable, id: string): Promise<PendingMutation[]> {
  // Rows with the same index value come in primary-key order: the order the changes were made.
  const rows = await db.outbox.where('[table+recordId]').equals([table, id]).toArray()
  return rows.map(mutationOf)
}

async function saveWith(rec: DeviceRecord, mutation: PendingMutation | null): Promise<void> {
  if (mutation) await db.outbox.add({ ...mutation, createdAt: Date.now() })
  await db.records.put(materialise(rec, await pendingFor(rec.table, rec.id)))
}

export interface WriteInput {
  /** Leave out to create: a natural-key kind derives it from the fields, any other gets a new uuid. */
  id?: string
  scopeId: string
  fields: Record<string, unknown>
}

/**
 * Creates or changes a record and returns its id. Only the fields that differ from what the person
 * sees go into the outbox; a save that changes nothing writes nothing. Throws InvalidFieldError (and
 * saves nothing) when the result would break the record's rules — the server would refuse it
 * anyway. Who wrote it and when (updatedBy, updatedAt, …) are the server's: left out, even when a
 * form passes them back.
 */
export function writeRecord(table: SyncTable, input: WriteInput): Promise<string> {
  const kind = SYNC_KINDS[table]
  const own = Object.fromEntries(Object.entries(input.fields).filter(([name]) => !isServerStampField(name)))
  // The forecast of a month has the same id on every device, so two offline creates meet as one.
  const id = input.id ?? (kind.naturalKey ? recordIdFor(kind, { ...own, [kind.scopeField]: input.scopeId }) : crypto.randomUUID())
  return db.transaction('rw', db.records, db.outbox, async () => {
    const row = await db.records.get(recordKey(table, id))
    const pending = await pendingFor(table, id)
    const rec = row ? toDevice(row) : undefined
    const view = rec ? viewOf(rec, pending) : null
    if (row && row.scopeId !== input.scopeId)
      throw new InvalidFieldError(kind.scopeField, `${fieldLabel(kind.scopeField)}: en post kan ikke flyttes til et andet sted.`)
    const current = view?.exists ? view.values : null
    // Until the server has the record, every change carries the whole record: should a later
    // change arrive before the create (a lost request retried), it is a create in its own right.
    // A record the device has deleted and not yet heard back about is made anew: whole, too.
    const confirmed = rec?.server ? !rec.server.deleted && pending.at(-1)?.op !== 'delete' : false
    // Editing a refused change again is how the person fixes it (refusals.ts): laid over what was refused.
    const asked = { ...refusedCreateFields(rec, current !== null), ...own }
    const checked = validateFields({
      kind,
      recordId: id,
      scopeId: input.scopeId,
      fields: confirmed ? asked : { ...current, ...asked },
      current: confirmed ? current : null,
    })
    if (!checked.ok) throw new InvalidFieldError(checked.field, checked.message)
    const fields = current ? Object.fromEntries(Object.entries(checked.fields).filter(([name, value]) => !valuesEqual(value, current[name]))) : checked.fields
    if (current && Object.keys(fields).length === 0) return id
    const base = rec && settleRefusals(rec, Object.keys(fields))
    const write = localWrite(
      base,
      { table, id, scopeId: input.scopeId, op: 'upsert', fields: confirmed ? fields : checked.fields },
      crypto.randomUUID(),
      pending,
    )
    await saveWith(write.record, write.mutation)
    return id
  })
}

/** Deletes a record: it disappears from the screen now and stays a tombstone until the server agrees. */
export function deleteRecord(table: SyncTable, id: string): Promise<void> {
  return db.transaction('rw', db.records, db.outbox, async () => {
    const row = await db.records.get(recordKey(table, id))
    if (!row || row.gone) return
    const write = localWrite(toDevice(row), { table, id, scopeId: row.scopeId, op: 'delete', fields: {} }, crypto.randomUUID())
    await saveWith(write.record, write.mutation)
  })
}

/** Mine: a new outbox entry carries the person's value. Theirs: the server's value stays. */
export function resolveConflict(table: SyncTable, id: string, field: string, choice: 'mine' | 'theirs'): Promise<void> {
  return db.transaction('rw', db.records, db.outbox, async () => {
    const row = await db.records.get(recordKey(table, id))
    if (!row) return
    const resolved = resolveCoreConflict(toDevice(row), field, choice, crypto.randomUUID())
    await saveWith(resolved.record, resolved.mutation)
  })
}

/** The person has read the first refusal on the record; the next one (if any) shows instead. */
export function dismissRejection(table: SyncTable, id: string): Promise<void> {
  return db.transaction('rw', db.records, db.outbox, async () => {
    const row = await db.records.get(recordKey(table, id))
    const first = row?.rejections[0]
    if (!row || !first) return
    await saveWith(dismissCoreRejection(toDevice(row), first.mutationId), null)
  })
}

/** The outbox in the order the changes were made, at most `limit` entries. */
export function outboxBatch(limit: number): Promise<OutboxRow[]> {
  return db.outbox.orderBy('seq').limit(limit).toArray()
}

export interface PushTally {
  applied: number
  conflicts: number
  rejected: number
  /** Refused for a server error: still in the outbox, tried again later. */
  retry: number
}

/**
 * The server's answers to a pushed batch, in one transaction. An entry no longer in the outbox
 * (another tab's sync got there first) is skipped, so an answer never counts twice.
 */
export function applyPushResults(batch: readonly OutboxRow[], results: readonly PushResult[]): Promise<PushTally> {
  const bySeq = new Map(batch.map((row) => [row.mutationId, row]))
  return db.transaction('rw', db.records, db.outbox, async () => {
    const tally: PushTally = { applied: 0, conflicts: 0, rejected: 0, retry: 0 }
    for (const result of results) {
      const entry = bySeq.get(result.mutationId)
      if (entry?.seq === undefined || !(await db.outbox.get(entry.seq))) continue
      const row = await db.records.get(recordKey(entry.table, entry.recordId))
      const outcome = applyPushResult(row ? toDevice(row) : undefined, mutationOf(entry), result)
      if (outcome.keep) tally.retry++
      else {
        await db.outbox.delete(entry.seq)
        if (result.status === 'applied') tally.applied++
        else if (result.status === 'conflict') tally.conflicts++
        else tally.rejected++
      }
      await saveWith(outcome.record, null)
    }
    return tally
  })
}

/**
 * One pulled page laid under the device's records, and the cursor moved past it — in one
 * transaction, so a page is never half applied nor applied without its cursor. bulkGet/bulkPut
 * keep a page of thousands of notes to a handful of IndexedDB requests.
 */
export function applyPullPage(changes: readonly PullChange[], cursor: number): Promise<void> {
  return db.transaction('rw', db.records, db.outbox, db.meta, async () => {
    const keys = [...new Set(changes.map((c) => recordKey(c.table, c.id)))]
    const existing = await db.records.bulkGet(keys)
    const records = new Map<string, DeviceRecord>()
    keys.forEach((key, i) => {
      const row = existing[i]
      if (row) records.set(key, toDevice(row))
    })
    // The outbox is small (what one person wrote offline), so one read beats one query per record.
    const pending = new Map<string, PendingMutation[]>()
    for (const row of await db.outbox.orderBy('seq').toArray()) {
      const key = recordKey(row.table, row.recordId)
      pending.set(key, [...(pending.get(key) ?? []), mutationOf(row)])
    }
    for (const change of changes) {
      const key = recordKey(change.table, change.id)
      records.set(key, rebaseOnPull(records.get(key), change))
    }
    await db.records.bulkPut([...records.entries()].map(([key, rec]) => materialise(rec, pending.get(key) ?? [])))
    await db.meta.put({ key: 'syncCursor', value: cursor })
  })
}
