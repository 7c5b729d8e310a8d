// A synced kind declared in ONE place — here, in this test, with its CREATE TABLE as its migration —
// is pushed, merged, pulled, authorised and audited with no other edit anywhere: the SQL mapping,
// the generated pull, the access policy and the writer all follow from the declaration. It is
// scoped to an area, where every kind of today is scoped to a unit.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { amountSchema, idSchema, isoDateSchema, nonEmptyText } from '../../src/core/schemaPrimitives'
import { defineSyncKind } from '../../src/core/sync/kind'
import { CORE_SYNC_KINDS } from '../../src/core/sync/kinds'
import { REJECTION_MESSAGES } from '../../src/core/sync/protocol'
import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'
import { migrate } from '../../src/server/db/migrate'
import { freshDb } from '../helpers/db'
import { IDS, insertFixtures, PEOPLE, TODAY } from '../helpers/fixtures'
import { login } from '../helpers/http'
import { mutation, pullAll, push } from './syncHarness'

// ---- the one declaration … ----
const areaGoal = defineSyncKind({
  name: 'areaGoal',
  schema: z.object({ id: idSchema, areaId: idSchema, title: nonEmptyText('Titlen'), target: amountSchema, dueOn: isoDateSchema.nullable() }),
  scope: 'area',
  writers: { area_chief: '*', directorate: ['target'] },
})

// ---- … and its migration ----
const MIGRATION = `create table area_goal (
  id text primary key, area_id text not null references area(id),
  title text not null, target numeric(14,2) not null, due_on date,
  version int not null default 1, field_versions jsonb not null default '{}'::jsonb,
  field_writers jsonb not null default '{}'::jsonb, field_seqs jsonb not null default '{}'::jsonb,
  seq bigint not null default nextval('change_seq'), deleted boolean not null default false,
  created_by text references person(id), updated_by text references person(id), updated_at timestamptz not null default now()
);`

const KINDS = [...CORE_SYNC_KINDS, areaGoal]
let db: Db
let app: FastifyInstance
const c: Record<'oc' | 'leaderA' | 'leaderC' | 'dir', string> = { oc: '', leaderA: '', leaderC: '', dir: '' }

beforeAll(async () => {
  db = await freshDb()
  await insertFixtures(db)
  const dir = mkdtempSync(join(tmpdir(), 'mls-kind-'))
  writeFileSync(join(dir, '900_area_goal.sql'), MIGRATION)
  await migrate(db, { dir, kinds: KINDS })
  app = await buildApp({ db, demo: false, today: () => TODAY, syncKinds: KINDS })
  c.oc = await login(app, PEOPLE.ocNord.email)
  c.leaderA = await login(app, PEOPLE.leaderA.email)
  c.leaderC = await login(app, PEOPLE.leaderC.email)
  c.dir = await login(app, PEOPLE.directorate.email)
}, 60_000)
afterAll(async () => {
  await app.close()
  await db.close()
})

const goal = { title: 'Færre vikartimer', target: 250_000, dueOn: '2026-06-30' }

describe('a throwaway kind, declared once', () => {
  it('is pushed by its writer, refused to others, merged per field, pulled by its area, and audited', async () => {
    const [made] = await push(app, c.oc, 'dev-oc', [mutation({ table: 'areaGoal', recordId: 'g-1', scopeId: IDS.areaNord, fields: goal })])
    expect(made).toMatchObject({ status: 'applied', version: 1, record: { id: 'g-1', areaId: IDS.areaNord, ...goal, createdBy: PEOPLE.ocNord.id } })

    // Authorised from the declaration: a leader reads the area but does not write; another area is "not there".
    const [byLeader] = await push(app, c.leaderA, 'dev-a', [
      mutation({ table: 'areaGoal', recordId: 'g-1', scopeId: IDS.areaNord, baseVersion: 1, fields: { title: 'x' } }),
    ])
    expect(byLeader).toMatchObject({ status: 'rejected', reason: 'forbidden' })
    const [elsewhere] = await push(app, c.leaderC, 'dev-c', [
      mutation({ table: 'areaGoal', recordId: 'g-1', scopeId: IDS.areaNord, baseVersion: 1, fields: { title: 'x' } }),
    ])
    expect(elsewhere).toMatchObject({ status: 'rejected', reason: 'not_found', message: REJECTION_MESSAGES.not_found })
    // The directorate writes the one field it is given, and no other.
    const [dirTitle] = await push(app, c.dir, 'dev-d', [
      mutation({ table: 'areaGoal', recordId: 'g-1', scopeId: IDS.areaNord, baseVersion: 1, fields: { title: 'x' } }),
    ])
    expect(dirTitle).toMatchObject({ status: 'rejected', reason: 'forbidden', field: 'title' })

    // Merged per field: the directorate's target and the OC's title on the same base version.
    const [dirTarget] = await push(app, c.dir, 'dev-d', [
      mutation({ table: 'areaGoal', recordId: 'g-1', scopeId: IDS.areaNord, baseVersion: 1, fields: { target: 300_000 } }),
    ])
    const [ocTitle] = await push(app, c.oc, 'dev-oc-2', [
      mutation({ table: 'areaGoal', recordId: 'g-1', scopeId: IDS.areaNord, baseVersion: 1, fields: { title: 'Færre vikarer' } }),
    ])
    expect(dirTarget).toMatchObject({ status: 'applied', version: 2 })
    expect(ocTitle).toMatchObject({ status: 'applied', version: 3, record: { title: 'Færre vikarer', target: 300_000 } })

    // Pulled by everyone who reads the area, by no one else.
    const pulledBy = async (cookie: string) => (await pullAll(app, cookie)).changes.filter((ch) => ch.table === 'areaGoal')
    const forLeaderA = await pulledBy(c.leaderA)
    expect(forLeaderA).toEqual([
      { table: 'areaGoal', id: 'g-1', scopeId: IDS.areaNord, version: 3, deleted: false, record: (ocTitle as { record: unknown }).record },
    ])
    expect(await pulledBy(c.leaderC)).toEqual([])

    const audit = await db.query<{ action: string; person_id: string; new_value: unknown }>(
      `select action, person_id, new_value from audit_log where table_name = 'area_goal' order by id`,
    )
    expect(audit).toEqual([
      { action: 'sync.create', person_id: PEOPLE.ocNord.id, new_value: goal },
      { action: 'sync.update', person_id: PEOPLE.directorate.id, new_value: { target: 300_000 } },
      { action: 'sync.update', person_id: PEOPLE.ocNord.id, new_value: { title: 'Færre vikarer' } },
    ])
  })

  it('is refused at start, with a clear message, when its table is missing or lacks a column', async () => {
    const other = defineSyncKind({
      name: 'unitPlan',
      schema: z.object({ id: idSchema, unitId: idSchema, title: nonEmptyText('Titlen') }),
      scope: 'unit',
      writers: {},
    })
    await expect(migrate(db, { kinds: [...KINDS, other] })).rejects.toThrow(/'unitPlan': table unit_plan does not exist/)
    const wider = defineSyncKind({ ...areaGoal, schema: areaGoal.schema.extend({ note: z.string() }) })
    await expect(migrate(db, { kinds: [...CORE_SYNC_KINDS, wider] })).rejects.toThrow(/area_goal lacks column\(s\) note/)
  })
})
