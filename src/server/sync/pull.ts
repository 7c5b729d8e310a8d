// Pull: the changes in the caller's scope after a cursor (a change sequence number), across every
// synced kind, oldest first, one page at a time — at most `limit` records and about
// MAX_PULL_PAGE_BYTES of them. Deleted records come as tombstones without their content; a kind's
// audience rules (OC private notes: the area chiefs of the unit's area) hold as in the access
// policy. The query lives in the database as sync_pull_scoped / sync_pull_all, generated from the
// kinds' declarations (pullSql.ts), so its plan is reused.
import type { Principal } from '../../core/principal'
import { audienceIds } from '../../core/sync/access'
import type { SyncKind } from '../../core/sync/kind'
import { MAX_PULL_PAGE_BYTES, type PullChange, type PullResponse } from '../../core/sync/protocol'
import type { Db } from '../db/db'
import { readSettled } from './lock'

interface ChangeRow {
  t: string
  id: string
  scope_id: string
  version: number
  deleted: boolean
  seq: number
  record: Record<string, unknown> | null
}

export interface PullPage extends PullResponse {
  /** Per kind whose reads are logged (notes), the scopes this page handed out records of, with how many. */
  logged: Map<string, Map<string, number>>
}

/**
 * The last change sequence number handed out (0 before the first). Most pulls are a device asking
 * "anything new?" — answered by this one cheap read, without the scope or the big query.
 */
export async function latestSeq(db: Db): Promise<number> {
  const rows = await db.query<{ seq: number }>('select case when is_called then last_value else 0 end as seq from change_seq')
  return Number(rows[0]?.seq ?? 0)
}

function emptyPage(cursor: number, hasMore = false): PullPage {
  return { changes: [], cursor, hasMore, logged: new Map() }
}

export interface PullOptions {
  kinds: readonly SyncKind[]
  cursor: number
  limit: number
  maxBytes?: number
}

/** One page of the changes this person may see after the cursor. */
export function pullChanges(db: Db, principalOf: (q: Db) => Promise<Principal>, opts: PullOptions): Promise<PullPage> {
  return readSettled(db, async (q) => {
    const latest = await latestSeq(q)
    if (opts.cursor === latest) return emptyPage(opts.cursor)
    // A cursor beyond anything handed out means the database was restored or replaced: the
    // device starts over from the beginning rather than skip what is new.
    if (opts.cursor > latest) return emptyPage(0, true)
    return changesInScope(q, await principalOf(q), opts, latest)
  })
}

const asParam = (ids: ReadonlySet<string> | 'all') => (ids === 'all' ? null : [...ids])

async function queryRows(db: Db, p: Principal, opts: PullOptions): Promise<ChangeRow[] | null> {
  const audience = opts.kinds.flatMap((k) => audienceIds(p, k).map(asParam))
  if (p.unitIds === 'all' && p.areaIds === 'all' && p.municipalityIds === 'all') {
    const marks = audience.map((_, i) => `$${i + 3}`)
    return db.query<ChangeRow>(`select * from sync_pull_all(${['$1', '$2', ...marks].join(', ')})`, [opts.cursor, opts.limit + 1, ...audience])
  }
  const scopes = [p.unitIds, p.areaIds, p.municipalityIds].map((ids) => asParam(ids) ?? null)
  // Nothing in scope: the device is up to date with everything handed out so far.
  if (scopes.every((ids) => ids !== null && ids.length === 0)) return null
  // A level seen whole by a person who is not seen everything whole does not occur; pass it as empty.
  const marks = audience.map((_, i) => `$${i + 6}`)
  return db.query<ChangeRow>(`select * from sync_pull_scoped(${['$1', '$2', '$3', '$4', '$5', ...marks].join(', ')})`, [
    opts.cursor,
    opts.limit + 1,
    ...scopes.map((ids) => ids ?? []),
    ...audience,
  ])
}

async function changesInScope(db: Db, p: Principal, opts: PullOptions, latest: number): Promise<PullPage> {
  const rows = await queryRows(db, p, opts)
  if (rows === null) return emptyPage(latest)
  const maxBytes = opts.maxBytes ?? MAX_PULL_PAGE_BYTES
  const logged = new Set(opts.kinds.filter((k) => k.readsLogged).map((k) => k.name))
  const page: ChangeRow[] = []
  let bytes = 0
  for (const r of rows.slice(0, opts.limit)) {
    // Bounded by bytes too (one big record still goes, alone): a page of long texts stays one answer of a sane size.
    const size = r.record ? JSON.stringify(r.record).length : 0
    if (page.length > 0 && bytes + size > maxBytes) break
    bytes += size
    page.push(r)
  }
  const hasMore = rows.length > page.length
  const counts = new Map<string, Map<string, number>>()
  const changes = page.map<PullChange>((r) => {
    if (logged.has(r.t) && r.record) {
      const byScope = counts.get(r.t) ?? new Map<string, number>()
      byScope.set(r.scope_id, (byScope.get(r.scope_id) ?? 0) + 1)
      counts.set(r.t, byScope)
    }
    return { table: r.t, id: r.id, scopeId: r.scope_id, version: r.version, deleted: r.deleted, record: r.record }
  })
  // On the last page the cursor moves up to everything handed out, also past changes in other
  // scopes, so the next "anything new?" is answered by latestSeq alone.
  const last = page.at(-1)?.seq ?? opts.cursor
  return { changes, cursor: hasMore ? last : Math.max(last, latest), hasMore, logged: counts }
}
