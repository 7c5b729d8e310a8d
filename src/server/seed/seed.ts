// Writes the demo municipality into an empty database: one transaction, one password hash shared
// by every demo account, and nothing at all when a municipality already exists (so restarting a
// demo server never duplicates or overwrites what people wrote).
import { hashPassword } from '../auth/passwords'
import type { Db } from '../db/db'
import type { SyncKind } from '../../core/sync/kind'
import { actionPlanItemKind, forecastKind, SYNC_KINDS } from '../../core/sync/kinds'
import type { IsoDate } from '../../core/types'
import { writeSynced } from '../sync/writer'
import { generateDemo } from './generate'
import { insertRows } from './insert'
import type { DemoData } from './types'

/** Keeps two servers starting at once on one PostgreSQL from both seeding. */
const SEED_LOCK_KEY = 424243

async function hasMunicipality(db: Db): Promise<boolean> {
  return (await db.query('select 1 from municipality limit 1')).length > 0
}

const json = (value: unknown): string => JSON.stringify(value)

/** A create (base version 0), or with `update` a change written over what is there. */
async function seedWrite(
  tx: Db,
  kind: SyncKind,
  id: string,
  unitId: string,
  personId: string,
  at: string,
  fields: Record<string, unknown>,
  update = false,
): Promise<void> {
  const result = await writeSynced(tx, { kind, id, scopeId: unitId, op: 'upsert', fields, personId, at, baseVersion: update ? undefined : 0 })
  if (result.status !== 'applied') throw new Error(`seed: ${kind.name} ${id} was not written: ${JSON.stringify(result)}`)
}

async function insertDemo(tx: Db, d: DemoData, passwordHash: string): Promise<void> {
  const m = d.municipality
  await insertRows(tx, 'municipality', ['id', 'name', 'config'], [[m.id, m.name, json(m.config)]])
  await insertRows(
    tx,
    'area',
    ['id', 'municipality_id', 'name', 'kind'],
    d.areas.map((a) => [a.id, a.municipalityId, a.name, a.kind]),
  )
  await insertRows(
    tx,
    'unit',
    ['id', 'area_id', 'name', 'unit_type', 'cost_centre', 'ean', 'economics_contact'],
    d.units.map((u) => [u.id, u.areaId, u.name, u.unitType, u.costCentre, u.ean, json(u.economicsContact)]),
  )
  await insertRows(
    tx,
    'person',
    ['id', 'email', 'name', 'password_hash'],
    d.people.map((p) => [p.id, p.email, p.name, passwordHash]),
  )
  await insertRows(
    tx,
    'role_assignment',
    ['id', 'person_id', 'role', 'unit_id', 'area_id'],
    d.roles.map((r) => [r.id, r.personId, r.role, r.unitId, r.areaId]),
  )
  await insertRows(
    tx,
    'rule_set',
    ['id', 'municipality_id', 'unit_type', 'effective_from', 'thresholds'],
    d.ruleSets.map((r) => [r.id, r.municipalityId, r.unitType, r.effectiveFrom, json(r.thresholds)]),
  )
  await insertRows(
    tx,
    'monthly_figure',
    ['unit_id', 'year', 'month', 'budget', 'carry_over', 'spend_to_date', 'profile_share'],
    d.figures.map((f) => [f.unitId, f.year, f.month, f.budget, f.carryOver, f.spendToDate, f.profileShare]),
  )
  // Synced records through the one writer, as the leader who wrote them (stamps, versions, audit).
  for (const f of d.forecasts) {
    await seedWrite(tx, forecastKind, f.id, f.unitId, f.updatedBy, f.updatedAt, { year: f.year, month: f.month, amount: f.amount, explanation: f.explanation })
  }
  for (const a of d.actionPlan) {
    await seedWrite(tx, actionPlanItemKind, a.id, a.unitId, a.createdBy, `${a.doneOn ?? `${a.year}-01-20`}T12:00:00.000Z`, {
      year: a.year,
      title: a.title,
      dueDate: a.dueDate,
      status: a.status,
      doneOn: a.doneOn,
      dropReason: a.dropReason,
    })
  }
  // The dialogue chain in the order it was written: the OC's meetings, notes, plans and marks, the
  // actions agreed at them and the leader ticking them off.
  for (const w of d.dialogueChain) {
    await seedWrite(tx, SYNC_KINDS[w.kind], w.id, w.unitId, w.personId, w.at, w.fields, !w.create)
  }
  await insertRows(
    tx,
    'balance_account',
    ['id', 'unit_id', 'number', 'name', 'due_date', 'reconciled_on'],
    d.balanceAccounts.map((b) => [b.id, b.unitId, b.number, b.name, b.dueDate, b.reconciledOn]),
  )
  await insertRows(
    tx,
    'year_close',
    ['municipality_id', 'year', 'closed_at'],
    d.yearCloses.map((y) => [y.municipalityId, y.year, y.closedAt]),
  )
  const closedAt = new Map(d.yearCloses.map((y) => [y.year, y.closedAt]))
  await insertRows(
    tx,
    'recorded_light',
    ['unit_id', 'indicator', 'year', 'month', 'light', 'rule_set_id', 'recorded_at'],
    d.recordedLights.map((r) => [r.unitId, r.indicator, r.year, r.month, json(r.light), r.ruleSetId, closedAt.get(r.year) ?? null]),
  )
}

export async function seedDemo(db: Db, opts: { today: IsoDate; password: string }): Promise<{ seeded: boolean }> {
  if (await hasMunicipality(db)) return { seeded: false }
  const data = generateDemo(opts.today)
  // Hashed once: argon2id is slow on purpose, and every demo account shares the one password.
  const passwordHash = await hashPassword(opts.password)
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK_KEY])
    if (await hasMunicipality(tx)) return { seeded: false }
    await insertDemo(tx, data, passwordHash)
    return { seeded: true }
  })
}
