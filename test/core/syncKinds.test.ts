// The kind declarations and the access policy read off them: field kinds come from the schemas
// (and match what the SQL tables store), ids of natural-key records derive from their key, and who
// may read and write what follows from scope, writers, audience and conditions.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Principal } from '../../src/core/principal'
import { amountSchema, idSchema, isoDateSchema, nonEmptyText, timestampSchema, yearSchema } from '../../src/core/schemaPrimitives'
import { mayRead, mayWriteFields } from '../../src/core/sync/access'
import { defineSyncKind, recordIdFor } from '../../src/core/sync/kind'
import { SYNC_KINDS } from '../../src/core/sync/kinds'

const principal = (p: Partial<Principal> & Pick<Principal, 'personId' | 'roles'>): Principal => ({
  unitIds: new Set(),
  areaIds: new Set(),
  municipalityIds: new Set(['m']),
  chiefUnits: new Set(),
  ...p,
})
const leader = principal({ personId: 'lea', roles: [{ role: 'leader', unitId: 'u1', areaId: null }], unitIds: new Set(['u1']), areaIds: new Set(['a1']) })
const oc = principal({
  personId: 'olu',
  roles: [{ role: 'area_chief', unitId: null, areaId: 'a1' }],
  unitIds: new Set(['u1', 'u2']),
  areaIds: new Set(['a1']),
  chiefUnits: new Set(['u1', 'u2']),
})
const director = principal({
  personId: 'dir',
  roles: [{ role: 'directorate', unitId: null, areaId: null }],
  unitIds: 'all',
  areaIds: 'all',
  municipalityIds: 'all',
})

describe('field kinds derived from the schemas', () => {
  it('are the kinds the tables were kept with by hand before', () => {
    expect(Object.fromEntries(Object.entries(SYNC_KINDS).map(([name, k]) => [name, k.fields]))).toEqual({
      actionPlanItem: { year: 'int', title: 'text', dueDate: 'date', status: 'text', doneOn: 'date', dropReason: 'text' },
      forecast: { year: 'int', month: 'int', amount: 'amount', explanation: 'text' },
      explanation: { indicator: 'text', year: 'int', month: 'int', causes: 'json', body: 'text', validReason: 'bool' },
      initiative: { indicator: 'text', title: 'text', owner: 'text', dueDate: 'date', expectedEffect: 'amount', status: 'text', progressNote: 'text' },
      note: { indicator: 'text', year: 'int', month: 'int', body: 'text', visibility: 'text', dialogueId: 'text' },
      dialoguePreparation: { year: 'int', month: 'int', questions: 'text', readyAt: 'timestamp' },
      dialogue: {
        kind: 'text',
        topics: 'json',
        followsFrom: 'text',
        scheduledOn: 'date',
        heldOn: 'date',
        agenda: 'json',
        minutes: 'text',
        improved: 'json',
        reopenedOn: 'date',
        reopenReason: 'text',
      },
      dialogueAction: { dialogueId: 'text', title: 'text', owner: 'text', dueOn: 'date', status: 'text', doneOn: 'date' },
      developmentPlan: {
        fromDialogueId: 'text',
        indicators: 'json',
        startedOn: 'date',
        goals: 'json',
        actions: 'json',
        leaderAcknowledgedOn: 'date',
        leaderAcknowledgedBy: 'text',
        ocAcknowledgedOn: 'date',
        ocAcknowledgedBy: 'text',
        endedOn: 'date',
      },
      unitMark: { kind: 'text', indicator: 'text', text: 'text', dialogueId: 'text', markedOn: 'date', endedOn: 'date' },
      unitFigures: { importedAt: 'timestamp', importId: 'text' },
    })
  })

  it('refuses a declaration sync could not store, or one that names a field its schema lacks', () => {
    const schema = z.object({ id: idSchema, unitId: idSchema, share: z.number() })
    expect(() => defineSyncKind({ name: 'bad', schema, scope: 'unit', writers: {} })).toThrow(/share/)
    const fine = z.object({ id: idSchema, unitId: idSchema, year: yearSchema })
    // @ts-expect-error 'month' is no field of the schema: the types refuse it, and so must the runtime check
    expect(() => defineSyncKind({ name: 'bad2', schema: fine, scope: 'unit', writers: { leader: ['month'] } })).toThrow(/month/)
    expect(() => defineSyncKind({ name: 'bad3', schema: fine, scope: 'area', writers: {} })).toThrow(/areaId/)
  })

  it('reads amounts, dates and timestamps through optional and nullable wrappers', () => {
    const kind = defineSyncKind({
      name: 'mixed',
      scope: 'area',
      writers: {},
      schema: z.object({
        id: idSchema,
        areaId: idSchema,
        a: amountSchema.nullable(),
        d: isoDateSchema.optional(),
        t: timestampSchema.nullable(),
        x: z.array(z.string()),
      }),
    })
    expect(kind.fields).toEqual({ a: 'amount', d: 'date', t: 'timestamp', x: 'json' })
  })
})

describe('recordIdFor', () => {
  it('derives the same id from the scope and key on every device, and another for another month or unit', () => {
    const id = recordIdFor(SYNC_KINDS.forecast, { unitId: 'u1', year: 2025, month: 3, amount: 1 })
    expect(id).toBe(recordIdFor(SYNC_KINDS.forecast, { unitId: 'u1', year: 2025, month: 3, amount: 2 }))
    expect(id).not.toBe(recordIdFor(SYNC_KINDS.forecast, { unitId: 'u1', year: 2025, month: 4 }))
    expect(id).not.toBe(recordIdFor(SYNC_KINDS.forecast, { unitId: 'u2', year: 2025, month: 3 }))
    expect(recordIdFor(SYNC_KINDS.explanation, { unitId: 'a:b', indicator: 'budget', year: 2025, month: 3 })).not.toBe(
      recordIdFor(SYNC_KINDS.explanation, { unitId: 'a', indicator: 'b:budget', year: 2025, month: 3 }),
    )
  })
})

describe('access policy', () => {
  const note = { id: 'n', unitId: 'u1', indicator: null, year: null, month: null, body: 'x', visibility: 'shared', createdBy: 'lea' }
  const secret = { ...note, visibility: 'oc_private', createdBy: 'olu' }

  it('reads by scope, and OC private notes only for the area chiefs of the unit', () => {
    expect([leader, oc, director].map((p) => mayRead(p, SYNC_KINDS.note, note))).toEqual([true, true, true])
    expect([leader, oc, director].map((p) => mayRead(p, SYNC_KINDS.note, secret))).toEqual([false, true, false])
    expect(mayRead(leader, SYNC_KINDS.note, { ...note, unitId: 'u2' })).toBe(false)
  })

  it('writes per role and field: the leader the preparation, the area chief the dialogue, the directorate nothing', () => {
    const prep = { id: 'p', unitId: 'u1', year: 2025, month: 3, questions: '', readyAt: null }
    expect(mayWriteFields(leader, SYNC_KINDS.dialoguePreparation, null, prep, ['questions'])).toEqual({ ok: true })
    expect(mayWriteFields(oc, SYNC_KINDS.dialoguePreparation, null, prep, ['questions'])).toMatchObject({ ok: false, field: 'questions' })
    const dialogue = { id: 'd', unitId: 'u1', reopenedOn: null }
    expect(mayWriteFields(oc, SYNC_KINDS.dialogue, null, dialogue, ['minutes'])).toEqual({ ok: true })
    expect(mayWriteFields(leader, SYNC_KINDS.dialogue, null, dialogue, ['minutes'])).toMatchObject({ ok: false })
    expect(mayWriteFields(director, SYNC_KINDS.note, null, note, ['body'])).toMatchObject({ ok: false })
  })

  // A locked dialogue is a rule over its history and the calendar: test/core/dialogueLock.test.ts.
  it('keeps notes to their authors', () => {
    expect(mayWriteFields(leader, SYNC_KINDS.note, note, { ...note, body: 'y' }, ['body'])).toEqual({ ok: true })
    expect(mayWriteFields(oc, SYNC_KINDS.note, note, { ...note, body: 'y' }, ['body'])).toMatchObject({ ok: false, field: 'body' })
    expect(mayWriteFields(oc, SYNC_KINDS.note, note, null, ['deleted'])).toMatchObject({ ok: false })
    expect(mayWriteFields(leader, SYNC_KINDS.note, null, secret, ['visibility'])).toMatchObject({ ok: false, field: 'visibility' })
  })

  it('works for a kind scoped to an area: its chief writes the listed fields, a leader of a unit there reads', () => {
    const plan = defineSyncKind({
      name: 'areaPlan',
      scope: 'area',
      writers: { area_chief: ['title'] },
      schema: z.object({ id: idSchema, areaId: idSchema, title: nonEmptyText('Titlen'), budget: amountSchema }),
    })
    const record = { id: 'x', areaId: 'a1', title: 't', budget: 1 }
    expect(mayRead(leader, plan, record)).toBe(true)
    expect(mayRead(leader, plan, { ...record, areaId: 'a2' })).toBe(false)
    expect(mayWriteFields(oc, plan, record, { ...record, title: 'u' }, ['title'])).toEqual({ ok: true })
    expect(mayWriteFields(oc, plan, record, { ...record, budget: 2 }, ['budget'])).toMatchObject({ ok: false, field: 'budget' })
    expect(mayWriteFields(leader, plan, record, { ...record, title: 'u' }, ['title'])).toMatchObject({ ok: false })
  })
})
