// The municipality's rule sets: listed with who made them, and a new one made. A set is never
// changed or removed — a newer one follows it — so the list is the history. Making one is checked
// by core's rule (the same the form shows), and written in one transaction under the sync write
// lock with its audit row; every unit it may judge gets its figures stamp rewritten, so the devices
// that hold those units fetch their lights anew on their next sync.
import { randomUUID } from 'node:crypto'
import { ruleSetChangeIssues, type RuleSetInput, type RuleSetIssue } from '../../core/config/ruleSetChange'
import type { RuleSetEntry } from '../../core/http/config'
import type { Thresholds, UnitType } from '../../core/types'
import type { Db } from '../db/db'
import { stampUnits } from '../import/stamps'
import { closedYearsOf, ruleSetsOf } from '../repos/rules'
import { lockForSyncWrite } from '../sync/lock'
import { utcIso } from '../sync/tables'

export async function listRuleSets(db: Db, municipalityId: string): Promise<RuleSetEntry[]> {
  const rows = await db.query<{
    id: string
    unit_type: UnitType | null
    effective_from: string
    thresholds: Thresholds
    created_at: string
    created_by_name: string | null
  }>(
    `select r.id, r.unit_type, r.effective_from, r.thresholds, ${utcIso('r.created_at')} as created_at, p.name as created_by_name
       from rule_set r left join person p on p.id = r.created_by
      where r.municipality_id = $1 order by r.effective_from, r.created_at, r.id`,
    [municipalityId],
  )
  return rows.map((r) => ({
    id: r.id,
    municipalityId,
    unitType: r.unit_type,
    effectiveFrom: r.effective_from,
    thresholds: r.thresholds,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  }))
}

export type RuleSetOutcome = { ok: true; ruleSet: RuleSetEntry } | { ok: false; issues: RuleSetIssue[] }

export interface RuleSetWrite {
  municipalityId: string
  personId: string
  input: RuleSetInput
}

export function createRuleSet(db: Db, w: RuleSetWrite): Promise<RuleSetOutcome> {
  return db.transaction(async (tx): Promise<RuleSetOutcome> => {
    await lockForSyncWrite(tx)
    const [existing, closedYears] = await Promise.all([ruleSetsOf(tx, w.municipalityId), closedYearsOf(tx, w.municipalityId)])
    const issues = ruleSetChangeIssues(w.input, { existing, closedYears })
    if (issues.length > 0) return { ok: false, issues }

    const id = `rules-${randomUUID()}`
    const { unitType, effectiveFrom, thresholds } = w.input
    await tx.query(
      `insert into rule_set (id, municipality_id, unit_type, effective_from, thresholds, created_by)
       values ($1, $2, $3, $4, $5::jsonb, $6)`,
      [id, w.municipalityId, unitType, effectiveFrom, JSON.stringify(thresholds), w.personId],
    )
    await tx.query(
      `insert into audit_log (person_id, action, table_name, record_id, old_value, new_value, device_id, mutation_id)
       values ($1, 'config.create', 'rule_set', $2, null, $3::jsonb, 'config', $2)`,
      [w.personId, id, JSON.stringify(w.input)],
    )
    const units = await tx.query<{ id: string }>(
      `select u.id from unit u join area a on a.id = u.area_id
        where a.municipality_id = $1 and ($2::text is null or u.unit_type = $2) order by u.id`,
      [w.municipalityId, unitType],
    )
    await stampUnits(
      tx,
      units.map((u) => u.id),
      id,
      w.personId,
      new Date().toISOString(),
    )
    const made = (await listRuleSets(tx, w.municipalityId)).find((s) => s.id === id)
    if (!made) throw new Error(`rule set ${id} was written but is not there`)
    return { ok: true, ruleSet: made }
  })
}
