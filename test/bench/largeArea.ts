// A data directory holding the demo municipality plus an area of 500 units — copies of the demo's
// units with all their figures, forecasts, action plans, balance accounts and recorded lights, so
// every light is judged from real rows — and its area chief (oc.stor@demo.dk, password "demo").
// The server is then started on it: the demo is seeded only into an empty database.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb } from '../../src/server/db/db'
import { migrate } from '../../src/server/db/migrate'
import { seedDemo } from '../../src/server/seed/seed'
import type { IsoDate } from '../../src/core/types'

export const LARGE_AREA_UNITS = 500
export const LARGE_AREA_CHIEF = 'oc.stor@demo.dk'

export async function largeAreaDataDir(today: IsoDate): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'mls-large-'))
  const db = await openDb({ dataDir: dir })
  try {
    await migrate(db)
    await seedDemo(db, { today, password: 'demo' })
    await db.transaction(async (tx) => {
      await tx.query(`insert into area (id, municipality_id, name, kind) select 'area-stort', id, 'Stort område', 'mixed' from municipality limit 1`)
      await tx.query(
        `create temp table big on commit drop as
           select 'stor-' || n || '-' || u.id as id, u.id as source, u.name || ' ' || n as name, u.unit_type, u.cost_centre || '-' || n as cost_centre, u.ean
           from unit u cross join generate_series(1, 20) n order by n, u.id limit $1`,
        [LARGE_AREA_UNITS],
      )
      await tx.query(`insert into unit (id, area_id, name, unit_type, cost_centre, ean) select id, 'area-stort', name, unit_type, cost_centre, ean from big`)
      await tx.query(
        `insert into monthly_figure (unit_id, year, month, budget, carry_over, spend_to_date, profile_share)
           select b.id, f.year, f.month, f.budget, f.carry_over, f.spend_to_date, f.profile_share from big b join monthly_figure f on f.unit_id = b.source`,
      )
      await tx.query(
        `insert into forecast (id, unit_id, year, month, amount, explanation)
           select f.id || '-' || b.id, b.id, f.year, f.month, f.amount, f.explanation from big b join forecast f on f.unit_id = b.source and not f.deleted`,
      )
      await tx.query(
        `insert into action_plan_item (id, unit_id, year, title, due_date, status, done_on, drop_reason)
           select a.id || '-' || b.id, b.id, a.year, a.title, a.due_date, a.status, a.done_on, a.drop_reason from big b join action_plan_item a on a.unit_id = b.source and not a.deleted`,
      )
      await tx.query(
        `insert into balance_account (id, unit_id, number, name, due_date, reconciled_on)
           select a.id || '-' || b.id, b.id, a.number, a.name, a.due_date, a.reconciled_on from big b join balance_account a on a.unit_id = b.source`,
      )
      await tx.query(
        `insert into recorded_light (unit_id, indicator, year, month, light, rule_set_id)
           select b.id, r.indicator, r.year, r.month, r.light, r.rule_set_id from big b join recorded_light r on r.unit_id = b.source`,
      )
      await tx.query(
        `insert into person (id, email, name, password_hash) select 'p-oc-stor', $1, 'Stine Stor', password_hash from person where email = 'oc.nord@demo.dk'`,
        [LARGE_AREA_CHIEF],
      )
      await tx.query(`insert into role_assignment (id, person_id, role, area_id) values ('r-oc-stor', 'p-oc-stor', 'area_chief', 'area-stort')`)
    })
  } finally {
    await db.close()
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
