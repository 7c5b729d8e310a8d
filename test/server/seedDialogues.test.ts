// The demo's dialogue chain (issue 8 §10), whatever day the server starts on: held dialogues lie in
// the past, each area has a follow-up due this month and one overdue, open actions carried over to
// a later dialogue, a running development plan the leader has not acknowledged, a best practice
// and a special unit; the OC's private notes are the OC's own. Judged on the generated history for
// days at the seasons' and months' edges, and on what the first OC and the red-unit leader pull
// from a demo seeded on two different days.
import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDaysIso, addMonthsIso, compareIso, endOfMonthIso, periodOf } from '../../src/core/dates'
import { FOLLOW_UP_MONTHS } from '../../src/core/dialogueChain'
import type { developmentPlanSchema, dialogueActionSchema, dialogueSchema, unitMarkSchema } from '../../src/core/dialogueSchemas'
import type { noteSchema } from '../../src/core/schemas'
import { SYNC_KINDS } from '../../src/core/sync/kinds'
import type { IsoDate } from '../../src/core/types'
import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'
import { DEMO_ACCOUNTS_HIGHLIGHT, generateDemo, seedDemo } from '../../src/server/seed/demo'
import { demoDialogueChain } from '../../src/server/seed/dialogues'
import { AREAS, DESIGNS, UNITS } from '../../src/server/seed/org'
import { PEOPLE, ROLES } from '../../src/server/seed/people'
import type { DemoChainWrite } from '../../src/server/seed/types'
import { freshDb } from '../helpers/db'
import { login } from '../helpers/http'
import { pullAll } from './syncHarness'

type Authored<S extends z.ZodType> = z.output<S> & { createdBy: string }
interface Chain {
  dialogues: Authored<typeof dialogueSchema>[]
  actions: Authored<typeof dialogueActionSchema>[]
  notes: Authored<typeof noteSchema>[]
  plans: Authored<typeof developmentPlanSchema>[]
  marks: Authored<typeof unitMarkSchema>[]
}

/** Records as a device would hold them, each parsed by its kind's schema (so each is valid). */
function chainOf(records: Array<{ table: string; record: Record<string, unknown> }>): Chain {
  const chain: Chain = { dialogues: [], actions: [], notes: [], plans: [], marks: [] }
  for (const { table, record } of records) {
    const createdBy = record.createdBy as string
    if (table === 'dialogue') chain.dialogues.push({ ...SYNC_KINDS.dialogue.schema.parse(record), createdBy })
    if (table === 'dialogueAction') chain.actions.push({ ...SYNC_KINDS.dialogueAction.schema.parse(record), createdBy })
    if (table === 'note') chain.notes.push({ ...SYNC_KINDS.note.schema.parse(record), createdBy })
    if (table === 'developmentPlan') chain.plans.push({ ...SYNC_KINDS.developmentPlan.schema.parse(record), createdBy })
    if (table === 'unitMark') chain.marks.push({ ...SYNC_KINDS.unitMark.schema.parse(record), createdBy })
  }
  return chain
}

/** The generated history folded into the records it leaves, as the writer would merge it. */
function foldWrites(writes: readonly DemoChainWrite[]): Chain {
  const records = new Map<string, { table: string; record: Record<string, unknown> }>()
  for (const w of writes) {
    const key = `${w.kind}:${w.id}`
    const before = records.get(key)
    if (w.create === (before !== undefined)) throw new Error(`${key}: ${w.create ? 'created twice' : 'changed before it was created'}`)
    records.set(key, { table: w.kind, record: { ...(before?.record ?? { id: w.id, unitId: w.unitId, createdBy: w.personId }), ...w.fields } })
  }
  return chainOf([...records.values()])
}

const areaOf = (unitId: string) => UNITS.find((u) => u.id === unitId)?.areaId
const ocOf = (areaId: string) => ROLES.find((r) => r.role === 'area_chief' && r.areaId === areaId)?.personId
const inArea = (chain: Chain, areaId: string): Chain => {
  const here = <T extends { unitId: string }>(list: T[]) => list.filter((r) => areaOf(r.unitId) === areaId)
  return { dialogues: here(chain.dialogues), actions: here(chain.actions), notes: here(chain.notes), plans: here(chain.plans), marks: here(chain.marks) }
}

function expectHeldInThePast(chain: Chain, today: IsoDate): void {
  const held = chain.dialogues.filter((d) => d.heldOn !== null)
  expect(held.length).toBeGreaterThan(0)
  expect(held.filter((d) => compareIso(d.heldOn as IsoDate, today) >= 0).map((d) => d.id)).toEqual([])
  expect(chain.actions.filter((a) => a.doneOn !== null && compareIso(a.doneOn, today) >= 0).map((a) => a.id)).toEqual([])
}

/** What the first OC's area — and every other — shows: judged on the records alone. */
function expectAreaChain(chain: Chain, areaId: string, today: IsoDate): void {
  const byId = new Map(chain.dialogues.map((d) => [d.id, d]))
  const monthEnd = endOfMonthIso(periodOf(today))
  const waiting = chain.dialogues.filter((d) => d.kind === 'follow_up' && d.heldOn === null)

  // A follow-up due this month (today or later), and one overdue: the only meeting left unheld in the past.
  expect(waiting.filter((d) => compareIso(today, d.scheduledOn) <= 0 && compareIso(d.scheduledOn, monthEnd) <= 0).length).toBeGreaterThan(0)
  const overdue = chain.dialogues.filter((d) => d.heldOn === null && compareIso(d.scheduledOn, today) < 0)
  expect(overdue.map((d) => d.kind)).toEqual(['follow_up'])

  // Every follow-up follows a held support dialogue of its unit, on those indicators, named as core names them.
  for (const f of chain.dialogues.filter((d) => d.kind === 'follow_up')) {
    const from = byId.get(f.followsFrom as string)
    expect(from?.kind, f.id).toBe('dialogue')
    expect(from?.unitId).toBe(f.unitId)
    expect(from?.heldOn).not.toBeNull()
    const indicators = f.topics.map((t) => t.indicator)
    expect(f.topics.every((t) => t.purpose === 'follow_up')).toBe(true)
    expect(indicators.every((i) => from?.topics.some((t) => t.indicator === i && t.purpose === 'support'))).toBe(true)
    expect(f.id).toBe(`${from?.id}.opf${FOLLOW_UP_MONTHS[indicators[0]!]}`)
    expect(compareIso(from?.heldOn as IsoDate, f.scheduledOn)).toBeLessThan(0)
  }

  // Carried over: open, agreed at a held dialogue of a unit that has a later one.
  const carried = chain.actions.filter((a) => {
    const at = byId.get(a.dialogueId)
    return (
      a.status === 'open' &&
      at?.heldOn != null &&
      chain.dialogues.some((d) => d.kind === 'dialogue' && d.unitId === a.unitId && d.heldOn !== null && compareIso(d.heldOn, at.heldOn as IsoDate) > 0)
    )
  })
  expect(carried.length).toBeGreaterThan(0)
  expect(chain.actions.some((a) => a.status === 'done')).toBe(true)

  // One running plan the leader has not acknowledged yet, from a held follow-up that found no improvement.
  const running = chain.plans.filter((p) => p.endedOn === null && p.leaderAcknowledgedOn === null)
  expect(running).toHaveLength(1)
  const plan = running[0]!
  expect(plan.ocAcknowledgedBy).toBe(ocOf(areaId))
  expect(plan.ocAcknowledgedOn).not.toBeNull()
  expect(plan.id).toBe(`${plan.fromDialogueId}.plan`)
  const from = byId.get(plan.fromDialogueId as string)
  expect(from?.kind).toBe('follow_up')
  expect(from?.heldOn).toBe(plan.startedOn)
  expect(plan.indicators.map((i) => from?.improved[i])).toEqual(plan.indicators.map(() => false))
  expect(compareIso(plan.startedOn, addDaysIso(today, -25))).toBeGreaterThanOrEqual(0)
  expect(plan.goals.length).toBeGreaterThan(0)
  expect(plan.actions.length).toBeGreaterThanOrEqual(3)
  expect(plan.actions.length).toBeLessThanOrEqual(4)
  for (const a of plan.actions) {
    expect(a.owner.trim()).not.toBe('')
    expect(compareIso(plan.startedOn, a.dueOn as IsoDate)).toBeLessThan(0)
  }
  const planMeeting = byId.get(`${plan.fromDialogueId}.plan1`)
  expect(planMeeting?.kind).toBe('plan_follow_up')
  expect(compareIso(today, planMeeting?.scheduledOn as IsoDate)).toBeLessThanOrEqual(0)

  // A best practice on a green unit's recognition dialogue, and a special unit with its reason.
  const best = chain.marks.filter((m) => m.kind === 'best_practice')
  expect(best).toHaveLength(1)
  const recognised = byId.get(best[0]!.dialogueId as string)
  expect(recognised?.heldOn).not.toBeNull()
  expect(recognised?.topics).toContainEqual({ indicator: best[0]!.indicator, purpose: 'recognition' })
  expect(DESIGNS.find((d) => d.unitId === best[0]!.unitId)?.colours[best[0]!.indicator!]).toBe('green')
  expect(best[0]!.text.length).toBeGreaterThan(40)
  const special = chain.marks.filter((m) => m.kind === 'special_unit')
  expect(special).toHaveLength(1)
  expect(special[0]!.unitId).toBe(plan.unitId)
  expect(special[0]!.text.length).toBeGreaterThan(40)

  // The notes at dialogues are the OC's, the private ones among them.
  const ownNotes = chain.notes.filter((n) => n.dialogueId !== null)
  expect(ownNotes.some((n) => n.visibility === 'shared')).toBe(true)
  expect(ownNotes.some((n) => n.visibility === 'oc_private')).toBe(true)
  expect(new Set(ownNotes.map((n) => n.createdBy))).toEqual(new Set([ocOf(areaId)]))
  expect(ownNotes.every((n) => byId.get(n.dialogueId as string)?.heldOn != null)).toBe(true)
}

const RED_LEADER = DEMO_ACCOUNTS_HIGHLIGHT[0]!
const redLeaderId = PEOPLE.find((p) => p.email === RED_LEADER.email)!.id
const redUnits = ROLES.filter((r) => r.role === 'leader' && r.personId === redLeaderId).map((r) => r.unitId)
const FIRST_OC = DEMO_ACCOUNTS_HIGHLIGHT.find((a) => a.role === 'area_chief')!
const firstArea = ROLES.find((r) => r.role === 'area_chief' && r.personId === PEOPLE.find((p) => p.email === FIRST_OC.email)?.id)!.areaId!

/** What the red-unit leader has to do: a meeting within a month, open actions, the plan to acknowledge. */
function expectRedLeaderChain(chain: Chain, today: IsoDate): void {
  const mine = <T extends { unitId: string }>(list: T[]) => list.filter((r) => redUnits.includes(r.unitId))
  const ahead = mine(chain.dialogues).filter((d) => d.heldOn === null && compareIso(today, d.scheduledOn) <= 0)
  expect(ahead.some((d) => compareIso(d.scheduledOn, addMonthsIso(today, 1)) <= 0)).toBe(true)
  expect(mine(chain.actions).filter((a) => a.status === 'open').length).toBeGreaterThan(1)
  expect(mine(chain.plans).filter((p) => p.endedOn === null && p.leaderAcknowledgedOn === null && p.ocAcknowledgedOn !== null)).toHaveLength(1)
}

// The seasons' edges (this year's spring counts from 1 April, its autumn from 1 October), month
// ends (the due follow-up must then be today itself), the turn of the year and a leap day.
const DAYS: IsoDate[] = [
  '2026-01-01',
  '2026-03-31',
  '2026-04-01',
  '2026-04-20',
  '2026-05-31',
  '2026-06-01',
  '2026-07-15',
  '2026-09-07',
  '2026-09-30',
  '2026-10-01',
  '2026-11-23',
  '2026-11-30',
  '2026-12-31',
  '2028-02-29',
]

describe.each(DAYS)('the dialogue chain generated on %s', (today) => {
  const writes = demoDialogueChain({ today, areas: AREAS, units: UNITS, designs: DESIGNS, people: PEOPLE })
  const chain = foldWrites(writes)

  it('was written before today, oldest first, and is the same on every start', () => {
    expect(writes.every((w) => compareIso(w.at.slice(0, 10), today) < 0)).toBe(true)
    expect(writes.map((w) => w.at)).toEqual(writes.map((w) => w.at).sort())
    expect(demoDialogueChain({ today, areas: AREAS, units: UNITS, designs: DESIGNS, people: PEOPLE })).toEqual(writes)
    expectHeldInThePast(chain, today)
  })

  it.each(AREAS.map((a) => a.id))('shows the whole chain in %s', (areaId) => {
    expectAreaChain(inArea(chain, areaId), areaId, today)
  })

  it('gives the red-unit leader a meeting ahead, open actions and the plan to acknowledge', () => {
    expectRedLeaderChain(chain, today)
  })
})

const changesAsRecords = (changes: Awaited<ReturnType<typeof pullAll>>['changes']) =>
  changes.filter((c) => c.record !== null).map((c) => ({ table: c.table, record: c.record as Record<string, unknown> }))

describe.each(['2026-11-23', '2027-06-30'])('the demo seeded on %s', (today) => {
  let db: Db
  let app: FastifyInstance

  beforeAll(async () => {
    db = await freshDb()
    await seedDemo(db, { today, password: 'demo' })
    app = await buildApp({ db, demo: true, today: () => today })
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('stores what was generated: the same records, none held after today', async () => {
    const stored = await db.query<{ n: number }>(`select count(*)::int as n from dialogue where held_on >= $1::date`, [today])
    expect(stored[0]?.n).toBe(0)
    const generated = foldWrites(generateDemo(today).dialogueChain)
    const count = async (table: string) => Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n)
    expect(await count('dialogue')).toBe(generated.dialogues.length)
    expect(await count('dialogue_action')).toBe(generated.actions.length)
    expect(await count('development_plan')).toBe(generated.plans.length)
    expect(await count('unit_mark')).toBe(generated.marks.length)
  })

  it(`shows ${FIRST_OC.email} the whole chain of their area, private notes included`, async () => {
    const { changes } = await pullAll(app, await login(app, FIRST_OC.email, 'demo'))
    const chain = chainOf(changesAsRecords(changes))
    expect(chain.dialogues.every((d) => areaOf(d.unitId) === firstArea)).toBe(true)
    expectHeldInThePast(chain, today)
    expectAreaChain(chain, firstArea, today)
  })

  it(`gives ${RED_LEADER.email} a meeting ahead, open actions and the plan to acknowledge — and no private note`, async () => {
    const { changes } = await pullAll(app, await login(app, RED_LEADER.email, 'demo'))
    const chain = chainOf(changesAsRecords(changes))
    expectRedLeaderChain(chain, today)
    expect(chain.notes.filter((n) => n.visibility === 'oc_private')).toEqual([])
    // The OC did write private notes at this leader's dialogues: they exist, and stay with the OC.
    const privateHere = await db.query<{ created_by: string; area_id: string }>(
      `select n.created_by, u.area_id from note n join unit u on u.id = n.unit_id where n.visibility = 'oc_private' and n.unit_id = any($1)`,
      [redUnits],
    )
    expect(privateHere.length).toBeGreaterThan(0)
    expect(privateHere.every((n) => n.created_by === ocOf(n.area_id))).toBe(true)
  })

  it("keeps every private note the area's OC's own", async () => {
    const notes = await db.query<{ created_by: string; area_id: string; visibility: string }>(
      'select n.created_by, n.visibility, u.area_id from note n join unit u on u.id = n.unit_id where n.dialogue_id is not null',
    )
    const privates = notes.filter((n) => n.visibility === 'oc_private')
    expect(privates.length).toBeGreaterThan(0)
    for (const n of privates) expect(n.created_by).toBe(ocOf(n.area_id))
  })
})
