// Pull: the changes in the caller's scope after a cursor (a change sequence number), across every
// synced table, oldest first, one page at a time. Deleted records come as tombstones without their
// content. OC private notes go only to the area chiefs of the unit's area. The query itself lives
// in the database as sync_pull_units / sync_pull_all (migration 002), so its plan is reused.
import type { PullChange, PullResponse } from '../../core/sync/protocol'
import type { SyncTable } from '../../core/sync/tables'
import { unitFilter, type Scope } from '../auth/scope'
import type { Db } from '../db/db'
import { readSettled } from './lock'

interface ChangeRow {
  t: SyncTable
  id: string
  unit_id: string
  version: number
  deleted: boolean
  seq: number
  record: Record<string, unknown> | null
}

export interface PullPage extends PullResponse {
  /** Units whose notes (with content) this page handed out, with how many: for the access log. */
  notesByUnit: Map<string, number>
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
  return { changes: [], cursor, hasMore, notesByUnit: new Map() }
}

/** One page of the changes this person may see after the cursor. */
export function pullChanges(db: Db, scopeOf: (q: Db) => Promise<Scope>, cursor: number, limit: number): Promise<PullPage> {
  return readSettled(db, async (q) => {
    const latest = await latestSeq(q)
    if (cursor === latest) return emptyPage(cursor)
    // A cursor beyond anything handed out means the database was restored or replaced: the
    // device starts over from the beginning rather than skip what is new.
    if (cursor > latest) return emptyPage(0, true)
    return changesInScope(q, await scopeOf(q), cursor, limit, latest)
  })
}

async function changesInScope(db: Db, scope: Scope, cursor: number, limit: number, latest: number): Promise<PullPage> {
  const units = unitFilter(scope)
  // Nothing in scope: the device is up to date with everything handed out so far.
  if (units !== null && units.length === 0) return emptyPage(latest)
  const privateUnits = [...scope.seesPrivateOcNotes]
  const rows = units === null
    ? await db.query<ChangeRow>('select * from sync_pull_all($1, $2, $3)', [cursor, limit + 1, privateUnits])
    : await db.query<ChangeRow>('select * from sync_pull_units($1, $2, $3, $4)', [cursor, limit + 1, units, privateUnits])
  const hasMore = rows.length > limit
  const page = hasMore ? rows.slice(0, limit) : rows
  const notesByUnit = new Map<string, number>()
  const changes = page.map<PullChange>((r) => {
    if (r.t === 'note' && r.record) notesByUnit.set(r.unit_id, (notesByUnit.get(r.unit_id) ?? 0) + 1)
    return { table: r.t, id: r.id, unitId: r.unit_id, version: r.version, deleted: r.deleted, record: r.record }
  })
  // On the last page the cursor moves up to everything handed out, also past changes in other
  // units, so the next "anything new?" is answered by latestSeq alone.
  const last = page.at(-1)?.seq ?? cursor
  return { changes, cursor: hasMore ? last : Math.max(last, latest), hasMore, notesByUnit }
}
