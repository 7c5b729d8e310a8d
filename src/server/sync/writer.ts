// THE writer of synced records. Every write of a synced table goes through writeSynced — push,
// the demo seed, and every writer to come (imports, configuration, the OC's dialogue tools) — so
// that each one takes the sync write lock, merges per field (src/core/sync/merge.ts), moves the
// change sequence number, the version, the field versions, writers and device sequence numbers and
// the server's stamps, and writes the audit row with the old and the new value. Do not write these
// tables any other way: a change without its sequence number is never pulled, one without its
// field versions breaks the merge, and one without its audit row cannot be accounted for.
import { serverOwnedChange } from '../../core/history/dialogueLock'
import { mayRead, mayWriteFields, mayWriteScope, NO_WRITE_ACCESS } from '../../core/sync/access'
import type { SyncKind } from '../../core/sync/kind'
import { mergeMutation, type MergeOutcome, type ServerRecordState } from '../../core/sync/merge'
import { REJECTION_MESSAGES, type PushResult, type RejectionReason, type SyncRecord } from '../../core/sync/protocol'
import { validateFields } from '../../core/sync/validate'
import { valuesEqual } from '../../core/sync/values'
import { mayReadScope, type Principal } from '../../core/principal'
import type { Db } from '../db/db'
import type { IsoDate } from '../../core/types'
import { todayInCopenhagen } from '../today'
import { historyRefusal } from './historyChecks'
import { lockForSyncWrite } from './lock'
import { sqlParam, sqlTable } from './tables'

export interface SyncWrite {
  kind: SyncKind
  id: string
  scopeId: string
  op: 'upsert' | 'delete'
  /** Only the changed fields on an update; every field on a create. Never id, scope or stamps. */
  fields: Record<string, unknown>
  /** Who writes: the audit row's person and the record's updatedBy. */
  personId: string
  /** When given, the access policy decides (a push); a trusted writer (seed, import) passes none. */
  principal?: Principal
  /** The device that wrote it; a server-side writer is 'server'. */
  deviceId?: string
  mutationId?: string
  /** The device's own sequence number: its older writes never overwrite its newer ones. */
  deviceSeq?: number
  /** The version the change is based on (0 creates); default the current one: write over what is there. */
  baseVersion?: number
  /** The time to stamp (updatedAt), e.g. an import's; default now. */
  at?: string
  /** The rules' today (server/today.ts): the history rules judge a dialogue's lock by it. */
  today?: IsoDate
  /** Days after "Dialog afholdt" that a dialogue locks (DIALOGUE_LOCK_DAYS); default 14. */
  dialogueLockDays?: number
}

/** The answer of a write, shaped as push answers it (without the mutation id). */
export type WriteResult = PushResult extends infer R ? (R extends PushResult ? Omit<R, 'mutationId'> : never) : never

interface StoredRow {
  scope_id: string
  version: number
  deleted: boolean
  field_versions: Record<string, number>
  field_writers: Record<string, string>
  field_seqs: Record<string, number>
  v: Record<string, unknown>
  /** The server's stamps: who changed it last and when, who made it (SqlTable.stampExpr). */
  s: Record<string, unknown>
}

export const UNKNOWN_BASE_VERSION = 'Ændringen bygger på en version af posten, som serveren aldrig har udleveret. Hent nye data, og prøv igen.'

function rejected(reason: Exclude<RejectionReason, 'invalid'>, message: string = REJECTION_MESSAGES[reason], field?: string): WriteResult {
  return field === undefined ? { status: 'rejected', reason, message } : { status: 'rejected', reason, message, field }
}

function invalid(message: string, field?: string): WriteResult {
  return field === undefined ? { status: 'rejected', reason: 'invalid', message } : { status: 'rejected', reason: 'invalid', message, field }
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value))

/** The stored rows of these ids, locked for the transaction. */
async function loadRows(tx: Db, kind: SyncKind, ids: readonly string[]): Promise<Map<string, StoredRow>> {
  const t = sqlTable(kind)
  const rows = await tx.query<StoredRow & { id: string }>(
    `select id, ${t.scopeColumn} as scope_id, version, deleted, field_versions, field_writers, field_seqs, ${t.valuesExpr} as v, ${t.stampExpr} as s
       from ${t.name} where id = any($1) for update`,
    [ids],
  )
  return new Map(rows.map((r) => [r.id, r]))
}

export async function writeSynced(tx: Db, w: SyncWrite): Promise<WriteResult> {
  await lockForSyncWrite(tx)
  const stored = (await loadRows(tx, w.kind, [w.id])).get(w.id) ?? null
  const decided = await decide(tx, w, stored)
  if ('status' in decided) return decided
  const [stamps] = await storeMany(tx, [decided])
  return resultOf(decided, stamps!)
}

/**
 * Many trusted writes of one kind at once (an import stamping a thousand units): each decided as
 * writeSynced decides it — merge, versions, sequence numbers, audit rows — in a few statements.
 */
export async function writeSyncedMany(tx: Db, writes: readonly SyncWrite[]): Promise<WriteResult[]> {
  if (writes.some((w) => w.principal || w.kind !== writes[0]?.kind)) throw new Error('writeSyncedMany takes trusted writes of one kind')
  if (writes.length === 0) return []
  await lockForSyncWrite(tx)
  const stored = await loadRows(
    tx,
    writes[0]!.kind,
    writes.map((w) => w.id),
  )
  const decided = await Promise.all(writes.map((w) => decide(tx, w, stored.get(w.id) ?? null)))
  const pending = decided.filter((d): d is Decided => !('status' in d))
  const stamps = new Map(pending.map((d, i) => [d, i]))
  const written = await storeMany(tx, pending)
  return decided.map((d) => ('status' in d ? d : resultOf(d, written[stamps.get(d)!]!)))
}

/** A write decided and merged, to be stored (or, with nothing changed, only answered). */
interface Decided {
  w: SyncWrite
  deviceId: string
  state: ServerRecordState | null
  outcome: Exclude<MergeOutcome, { status: 'rejected' }>
  envelope: Record<string, string>
  /** The stored stamps, for an answer that changes nothing. */
  stamps: Record<string, unknown>
}

function resultOf(d: Decided, stamps: Record<string, unknown>): WriteResult {
  const { outcome, envelope } = d
  // Shaped as a pull hands it out, stamps included, so a device's copy is the same either way.
  const record: SyncRecord = { ...outcome.next.values, ...stamps, ...envelope }
  return outcome.status === 'conflict'
    ? { status: 'conflict', version: outcome.next.version, record, conflicts: outcome.conflicts }
    : { status: 'applied', version: outcome.next.version, deleted: outcome.next.deleted, record: outcome.next.deleted ? null : record }
}

async function decide(tx: Db, w: SyncWrite, stored: StoredRow | null): Promise<Decided | WriteResult> {
  const { kind, principal } = w
  const envelope = { id: w.id, [kind.scopeField]: w.scopeId }
  if (principal && !mayWriteScope(principal, kind, w.scopeId)) {
    // Somewhere the person cannot even read answers as a record that is not there: ids cannot be probed.
    return mayReadScope(principal, kind.scope, w.scopeId) ? rejected('forbidden', NO_WRITE_ACCESS) : rejected('not_found')
  }
  // What a create would make is judged from the mutation alone, before anything is read.
  if (principal && w.op === 'upsert' && w.baseVersion === 0 && !mayRead(principal, kind, { ...w.fields, ...envelope })) {
    const refusal = mayWriteFields(principal, kind, null, { ...w.fields, ...envelope }, Object.keys(w.fields))
    if (!refusal.ok) return rejected('forbidden', refusal.message, refusal.field)
  }

  // A record in another scope, or one this person may not read, is to them a record that is not there.
  const hidden = stored !== null && (stored.scope_id !== w.scopeId || (principal !== undefined && !mayRead(principal, kind, { ...stored.v, ...envelope })))
  if (hidden && !principal) return invalid(`Posten hører til ${stored.scope_id}, ikke ${w.scopeId}.`, kind.scopeField)
  const row = hidden ? null : stored
  const baseVersion = w.baseVersion ?? (row && !row.deleted ? row.version : 0)
  if (row && baseVersion > row.version) return invalid(UNKNOWN_BASE_VERSION)

  const live = row && !row.deleted ? row.v : null
  let fields: Record<string, unknown> = {}
  // An edit of a record that is gone is refused by the merge (not found / deleted), not as invalid.
  if (w.op === 'upsert' && (live || baseVersion === 0)) {
    const current = principal ? live : withServerOwned(kind, w.fields, live)
    const checked = validateFields({ kind, recordId: w.id, scopeId: w.scopeId, fields: w.fields, current, previous: row?.v ?? null })
    if (!checked.ok) return invalid(checked.message, checked.field)
    fields = checked.fields
  }
  // Rules over the record's history (a forecast's move, a dialogue's lock) bind what people write;
  // a trusted server-side writer (seed, import) sets figures, not these records' history.
  if (principal) {
    const mutation = { table: kind.name, recordId: w.id, scopeId: w.scopeId, op: w.op, fields: w.fields }
    const broken = await historyRefusal(tx, { mutation, live, fields, today: w.today ?? todayInCopenhagen(), lockDays: w.dialogueLockDays })
    if (broken) return invalid(broken.message, broken.field)
  }

  if (principal) {
    const before = live ? { ...live, ...row!.s, ...envelope } : null
    const changed =
      w.op === 'delete' ? (live ? ['deleted'] : []) : live ? Object.keys(fields).filter((f) => !valuesEqual(fields[f], live[f])) : setOnCreate(fields)
    const after = w.op === 'delete' ? null : { ...(live ?? {}), ...fields, ...envelope }
    if (changed.length > 0) {
      const verdict = mayWriteFields(principal, kind, before, after, changed)
      if (!verdict.ok) return rejected('forbidden', verdict.message, verdict.field)
    }
  }

  const state: ServerRecordState | null = row
    ? {
        version: row.version,
        deleted: row.deleted,
        values: row.v,
        fieldVersions: row.field_versions,
        fieldWriters: row.field_writers,
        fieldSeqs: row.field_seqs,
      }
    : null
  const deviceId = w.deviceId ?? 'server'
  const outcome = mergeMutation(
    state,
    { deviceId, deviceSeq: w.deviceSeq, baseVersion, op: w.op, fields },
    (values) => kind.schema.safeParse({ ...values, ...envelope }).success,
  )
  if (outcome.status === 'rejected') return rejected(outcome.reason)
  // A create whose id a record out of the person's sight holds: it cannot be made, and is "not there".
  if (hidden && outcome.changed.length > 0) return rejected('not_found')
  return { w, deviceId, state, outcome, envelope, stamps: row?.s ?? {} }
}

/**
 * The fields a create sets: those it gives a value. A field it leaves empty (null) is not written by
 * its maker — the area chief makes a development plan without the leader's acknowledgement, which
 * only the leader may write. A create that leaves everything empty is judged on every field.
 */
function setOnCreate(fields: Record<string, unknown>): string[] {
  const all = Object.keys(fields)
  const set = all.filter((f) => fields[f] !== null)
  return set.length > 0 ? set : all
}

/**
 * A trusted server-side writer (the reopening of a dialogue) may set the fields only the server
 * writes (core/history/dialogueLock.ts), which validation refuses from a device: they are judged as
 * the record's own. Only for a record that exists: the server creates no record already reopened.
 */
function withServerOwned(kind: SyncKind, fields: Record<string, unknown>, live: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!live) return live
  const owned = Object.keys(fields).filter((f) => serverOwnedChange(kind.name, { [f]: fields[f] }, live) === f)
  return owned.length > 0 ? { ...live, ...Object.fromEntries(owned.map((f) => [f, fields[f]])) } : live
}

type Pending = Decided & { outcome: { changed: string[] } }

const CHUNK = 500

/** Groups of at most CHUNK items that create or change the same columns: one statement each. */
function byColumns(items: Pending[]): Pending[][] {
  const groups = new Map<string, Pending[]>()
  for (const item of items) {
    const key = `${item.outcome.created}|${item.outcome.changed.join(',')}`
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  return [...groups.values()].flatMap((group) => Array.from({ length: Math.ceil(group.length / CHUNK) }, (_, i) => group.slice(i * CHUNK, (i + 1) * CHUNK)))
}

/** Writes the merged records and their audit rows, a few statements for all; returns each record's new stamps. */
async function storeMany(tx: Db, items: readonly Decided[]): Promise<Array<Record<string, unknown>>> {
  const changed = items.filter((d): d is Pending => d.outcome.changed.length > 0)
  const stamps = new Map<Decided, Record<string, unknown>>()
  for (const group of byColumns(changed)) {
    const written = group[0]!.outcome.created ? await insertGroup(tx, group) : await updateGroup(tx, group)
    for (const item of group) stamps.set(item, written.get(item.w.id) ?? {})
  }
  await audit(tx, changed)
  return items.map((d) => stamps.get(d) ?? d.stamps)
}

function bookkeeping(d: Pending): unknown[] {
  const next = d.outcome.next
  return [next.version, JSON.stringify(next.fieldVersions), JSON.stringify(next.fieldWriters), JSON.stringify(next.fieldSeqs), d.w.personId, d.w.at ?? null]
}

const BOOKKEEPING_CASTS = ['int', 'jsonb', 'jsonb', 'jsonb', 'text', 'timestamptz']

/** `($1::text, $2::int), ($3::text, $4::int)`: rows of typed parameters, and the parameters. */
function valuesList(rows: unknown[][], casts: string[]): { sql: string; params: unknown[] } {
  const params: unknown[] = []
  const sql = rows.map((row) => `(${row.map((value, i) => `$${params.push(value)}::${casts[i]}`).join(', ')})`).join(', ')
  return { sql, params }
}

async function insertGroup(tx: Db, group: Pending[]): Promise<Map<string, Record<string, unknown>>> {
  const t = sqlTable(group[0]!.w.kind)
  const columns = t.columns.filter((c) => group[0]!.outcome.changed.includes(c.field))
  const { sql, params } = valuesList(
    group.map((d) => [d.w.id, d.w.scopeId, ...columns.map((c) => sqlParam(c.kind, d.outcome.next.values[c.field])), ...bookkeeping(d)]),
    ['text', 'text', ...columns.map((c) => c.cast), ...BOOKKEEPING_CASTS],
  )
  const rows = await tx.query<{ id: string; s: Record<string, unknown> }>(
    `insert into ${t.name} (id, ${t.scopeColumn}, ${columns.map((c) => c.column).join(', ')}, version, field_versions, field_writers, field_seqs, created_by, updated_by, updated_at)
     select x.id, x.scope, ${columns.map((_, i) => `x.c${i}`).join(', ')}, x.version, x.fv, x.fw, x.fs, x.by, x.by, coalesce(x.at, now())
       from (values ${sql}) as x(id, scope, ${columns.map((_, i) => `c${i}`).join(', ')}, version, fv, fw, fs, by, at)
     returning id, ${t.stampExpr} as s`,
    params,
  )
  return new Map(rows.map((r) => [r.id, r.s]))
}

async function updateGroup(tx: Db, group: Pending[]): Promise<Map<string, Record<string, unknown>>> {
  const t = sqlTable(group[0]!.w.kind)
  const columns = t.columns.filter((c) => group[0]!.outcome.changed.includes(c.field))
  const { sql, params } = valuesList(
    group.map((d) => [d.w.id, ...bookkeeping(d), d.outcome.next.deleted, ...columns.map((c) => sqlParam(c.kind, d.outcome.next.values[c.field]))]),
    ['text', ...BOOKKEEPING_CASTS, 'boolean', ...columns.map((c) => c.cast)],
  )
  const rows = await tx.query<{ id: string; s: Record<string, unknown> }>(
    `update ${t.name} set ${[
      ...columns.map((c, i) => `${c.column} = x.c${i}`),
      'version = x.n_version',
      'field_versions = x.n_fv',
      'field_writers = x.n_fw',
      'field_seqs = x.n_fs',
      'updated_by = x.n_by',
      'updated_at = coalesce(x.n_at, now())',
      'deleted = x.n_deleted',
      "seq = nextval('change_seq')",
    ].join(', ')}
       from (values ${sql}) as x(n_id, n_version, n_fv, n_fw, n_fs, n_by, n_at, n_deleted${columns.map((_, i) => `, c${i}`).join('')})
      where ${t.name}.id = x.n_id
     returning ${t.name}.id, ${t.stampExpr} as s`,
    params,
  )
  return new Map(rows.map((r) => [r.id, r.s]))
}

async function audit(tx: Db, items: readonly Pending[]): Promise<void> {
  if (items.length === 0) return
  const rows = items.map((d) => {
    const { outcome, state } = d
    const pick = (from: ServerRecordState | null) => {
      if (!from) return null
      const values: Record<string, unknown> = {}
      for (const field of outcome.changed) values[field] = field === 'deleted' ? from.deleted : (from.values[field] ?? null)
      return values
    }
    const action = outcome.created ? 'sync.create' : outcome.next.deleted ? 'sync.delete' : state?.deleted ? 'sync.revive' : 'sync.update'
    return [d.w.personId, action, sqlTable(d.w.kind).name, d.w.id, json(pick(state)), json(pick(outcome.next)), d.deviceId, d.w.mutationId ?? null]
  })
  for (let i = 0; i < rows.length; i += CHUNK) {
    const { sql, params } = valuesList(rows.slice(i, i + CHUNK), ['text', 'text', 'text', 'text', 'jsonb', 'jsonb', 'text', 'text'])
    await tx.query(`insert into audit_log (person_id, action, table_name, record_id, old_value, new_value, device_id, mutation_id) values ${sql}`, params)
  }
}
