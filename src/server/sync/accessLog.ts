// DOMAIN.md: access to a unit's notes is logged, so it can be shown on request. One row per pull
// page that handed out a unit's notes, written in small batches: a pull is the request devices
// make most, and a write per pull would cost more than the pull itself. A batch waits at most a
// second (and is written when the app closes), so on a crash at most that second is missing.
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'

interface Access {
  at: string
  personId: string
  unitId: string
  what: string
  records: number
}

export class NoteAccessLog {
  private pending: Access[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly opts = { maxRows: 200, delayMs: 1000 },
  ) {}

  /** `byScope`: per scope (a unit's id for notes) how many records of kind `what` a pull handed out. */
  record(personId: string, byScope: ReadonlyMap<string, number>, what = 'note'): void {
    if (byScope.size === 0) return
    const at = new Date().toISOString()
    for (const [unitId, records] of byScope) this.pending.push({ at, personId, unitId, what, records })
    if (this.pending.length >= this.opts.maxRows) {
      void this.flush()
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.opts.delayMs)
      this.timer.unref()
    }
  }

  /** Writes what waits; resolves when everything recorded so far is in the database. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const rows = this.pending
    this.pending = []
    if (rows.length > 0) this.writing = this.writing.then(() => this.write(rows))
    return this.writing
  }

  private async write(rows: Access[]): Promise<void> {
    try {
      await this.db.query(
        `insert into access_log (at, person_id, unit_id, what, records)
         select a, p, u, w, c from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::int[]) as x(a, p, u, w, c)`,
        [rows.map((r) => r.at), rows.map((r) => r.personId), rows.map((r) => r.unitId), rows.map((r) => r.what), rows.map((r) => r.records)],
      )
    } catch (err) {
      this.log.error({ err, rows: rows.length }, 'note access log could not be written')
    }
  }
}
