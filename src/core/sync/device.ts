// The device's side of sync, pure so that the Dexie layer and the tests share it. A device keeps,
// per record, the last copy it saw from the server, the conflicts the server reported (kept until
// the person resolves them) and the rejections (kept until dismissed); its pending writes live in
// the outbox. What the screen shows is the server copy with the person's conflicting values and
// then the outbox laid over it: local writes win on screen until the server has answered.
import type { FieldConflict, PendingMutation, PullChange, PushResult, RejectionReason, SyncRecord } from './protocol'
import { REJECTION_MESSAGES } from './protocol'
import type { SyncTable } from './tables'
import { valuesEqual } from './values'

export interface ServerCopy {
  version: number
  deleted: boolean
  /** { id, <scope field>, ...fields, ...stamps }; null for a tombstone. */
  record: SyncRecord | null
}

export interface Rejection {
  mutationId: string
  op: PendingMutation['op']
  fields: Record<string, unknown>
  reason: RejectionReason
  message: string
  /** The field the refusal is about, when the server named one the person wrote: the form shows the message beside it. */
  field?: string
}

export interface DeviceRecord {
  table: SyncTable
  id: string
  /** The id of the record's scope (its unitId for a unit's record). */
  scopeId: string
  /** Null until the server has confirmed the record. */
  server: ServerCopy | null
  /** At most one per field; 'deleted' when a delete met changes made since. */
  conflicts: FieldConflict[]
  rejections: Rejection[]
}

export interface RecordView {
  /** False when the record is deleted, or was never created. */
  exists: boolean
  values: Record<string, unknown>
}

export interface LocalWrite {
  table: SyncTable
  id: string
  scopeId: string
  op: PendingMutation['op']
  /** Only the changed fields; every field when creating. */
  fields: Record<string, unknown>
}

export function recordKey(table: string, id: string): string {
  return `${table}:${id}`
}

// The wire names a kind by string; a device only ever hears of the kinds its own build declares.
function emptyRecord(table: string, id: string, scopeId: string): DeviceRecord {
  return { table: table as SyncTable, id, scopeId, server: null, conflicts: [], rejections: [] }
}

/** The fields of a synced record (without its id and scope field — every kind's scope field is one of these). */
export function fieldsOf(record: SyncRecord | null): Record<string, unknown> {
  if (!record) return {}
  const { id: _id, unitId: _unitId, areaId: _areaId, municipalityId: _municipalityId, ...fields } = record
  return fields
}

/**
 * The version a new edit is based on: 0 (create) when the server has no live copy, or when the
 * device's own delete still waits in the outbox — the edit then comes after that delete and makes
 * the record again (a natural-key record such as this month's preparation is deleted and made anew
 * under the same id), rather than editing a copy the delete will have ended.
 */
export function baseVersionOf(rec: DeviceRecord | undefined, pending: readonly PendingMutation[] = []): number {
  const own = pending.filter((m) => rec && m.table === rec.table && m.recordId === rec.id)
  if (own.at(-1)?.op === 'delete') return 0
  return rec?.server && !rec.server.deleted ? rec.server.version : 0
}

/** What the screen shows: the server copy, then the person's conflicting values, then the outbox. */
export function viewOf(rec: DeviceRecord, pending: readonly PendingMutation[] = []): RecordView {
  let exists = rec.server !== null && !rec.server.deleted
  let values = exists ? fieldsOf(rec.server?.record ?? null) : {}
  for (const c of rec.conflicts) if (c.field !== 'deleted') values = { ...values, [c.field]: c.mine }
  for (const m of pending) {
    if (m.table !== rec.table || m.recordId !== rec.id) continue
    if (m.op === 'delete') {
      exists = false
    } else {
      exists = true
      values = { ...values, ...m.fields }
    }
  }
  return { exists, values }
}

/**
 * A write made on the device: the record to store and the outbox entry to append — in ONE
 * transaction, so an edit is never saved without the change that will carry it to the server.
 * Writing a field that is in conflict settles that conflict with the new value. `pending` is the
 * record's outbox, oldest first (see baseVersionOf).
 */
export function localWrite(
  rec: DeviceRecord | undefined,
  write: LocalWrite,
  mutationId: string,
  pending: readonly PendingMutation[] = [],
): { record: DeviceRecord; mutation: PendingMutation } {
  const record = rec ?? emptyRecord(write.table, write.id, write.scopeId)
  const settled = write.op === 'delete' ? ['deleted'] : Object.keys(write.fields)
  const mutation: PendingMutation = {
    mutationId,
    table: write.table,
    recordId: write.id,
    scopeId: record.scopeId,
    baseVersion: write.op === 'upsert' ? baseVersionOf(record, pending) : baseVersionOf(record),
    op: write.op,
    fields: write.op === 'delete' ? {} : { ...write.fields },
  }
  return { record: { ...record, conflicts: record.conflicts.filter((c) => !settled.includes(c.field)) }, mutation }
}

/** Conflicts measured against the newest server copy: a value the server now shares is no conflict. */
function refreshConflicts(conflicts: readonly FieldConflict[], copy: ServerCopy | null): FieldConflict[] {
  if (!copy) return [...conflicts]
  const values = fieldsOf(copy.record)
  const out: FieldConflict[] = []
  for (const c of conflicts) {
    if (c.field === 'deleted') {
      if (!copy.deleted) out.push(c)
      continue
    }
    const theirs = values[c.field] ?? null
    if (!copy.deleted && !valuesEqual(c.mine, theirs)) out.push({ ...c, theirs })
  }
  return out
}

/** Field conflicts on a record deleted meanwhile can no longer be saved: they become rejections. */
function conflictsOnDeleted(conflicts: readonly FieldConflict[], copy: ServerCopy | null): Rejection[] {
  if (!copy?.deleted) return []
  const fields = conflicts.filter((c) => c.field !== 'deleted')
  if (fields.length === 0) return []
  return [
    {
      mutationId: `conflict:${copy.version}`,
      op: 'upsert',
      fields: Object.fromEntries(fields.map((c) => [c.field, c.mine])),
      reason: 'deleted',
      message: REJECTION_MESSAGES.deleted,
    },
  ]
}

function withCopy(record: DeviceRecord, copy: ServerCopy, extraConflicts: readonly FieldConflict[] = []): DeviceRecord {
  const newer = !record.server || copy.version > record.server.version
  const server = newer ? copy : record.server
  const merged = [...record.conflicts.filter((c) => !extraConflicts.some((e) => e.field === c.field)), ...extraConflicts]
  return {
    ...record,
    server,
    conflicts: refreshConflicts(merged, server),
    rejections: [...record.rejections, ...conflictsOnDeleted(merged, server)],
  }
}

/** A pulled change laid under the device's record; the outbox stays on top of it (see viewOf). */
export function rebaseOnPull(rec: DeviceRecord | undefined, change: PullChange): DeviceRecord {
  const record = rec ?? emptyRecord(change.table, change.id, change.scopeId)
  if (record.server && record.server.version >= change.version) return record
  return withCopy(record, { version: change.version, deleted: change.deleted, record: change.record })
}

/**
 * The server's answer to one outbox entry. Call it only while the entry is still in the outbox (a
 * late duplicate answer changes nothing), and remove the entry unless `keep` — a rejection for an
 * unexpected server error is retried with the next sync.
 */
export function applyPushResult(rec: DeviceRecord | undefined, mutation: PendingMutation, result: PushResult): { record: DeviceRecord; keep: boolean } {
  const record = rec ?? emptyRecord(mutation.table, mutation.recordId, mutation.scopeId)
  switch (result.status) {
    case 'applied':
      return { record: withCopy(record, { version: result.version, deleted: result.deleted, record: result.record }), keep: false }
    case 'conflict':
      return { record: withCopy(record, { version: result.version, deleted: false, record: result.record }, result.conflicts), keep: false }
    case 'rejected': {
      if (result.reason === 'error') return { record, keep: true }
      const rejection: Rejection = { mutationId: mutation.mutationId, op: mutation.op, fields: mutation.fields, reason: result.reason, message: result.message }
      if (result.field !== undefined) rejection.field = result.field
      return { record: { ...record, rejections: [...record.rejections, rejection] }, keep: false }
    }
  }
}

/**
 * The person settles a conflict. Mine: a new outbox entry carries their value, based on the server
 * version they have now seen. Theirs: their value is dropped and the server's stays.
 */
export function resolveConflict(
  rec: DeviceRecord,
  field: string,
  choice: 'mine' | 'theirs',
  mutationId: string,
): { record: DeviceRecord; mutation: PendingMutation | null } {
  const conflict = rec.conflicts.find((c) => c.field === field)
  const record = { ...rec, conflicts: rec.conflicts.filter((c) => c.field !== field) }
  if (!conflict || choice === 'theirs') return { record, mutation: null }
  const mutation: PendingMutation = {
    mutationId,
    table: rec.table,
    recordId: rec.id,
    scopeId: rec.scopeId,
    baseVersion: rec.server?.version ?? 0,
    op: field === 'deleted' ? 'delete' : 'upsert',
    fields: field === 'deleted' ? {} : { [field]: conflict.mine },
  }
  return { record, mutation }
}

/** The person has read a rejection and lets it go. */
export function dismissRejection(rec: DeviceRecord, mutationId: string): DeviceRecord {
  return { ...rec, rejections: rec.rejections.filter((r) => r.mutationId !== mutationId) }
}
