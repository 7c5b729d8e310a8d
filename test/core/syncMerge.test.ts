import { describe, expect, it } from 'vitest'
import { mergeMutation, type MergeInput, type ServerRecordState } from '../../src/core/sync/merge'

// A note at version 3: body last changed at 3 by the tablet, month at 2 by the phone, the rest
// (year) at creation, by the OC.
const server: ServerRecordState = {
  version: 3,
  deleted: false,
  values: { body: 'tablet', month: 10, year: 2025 },
  fieldVersions: { body: 3, month: 2, year: 1 },
  fieldWriters: { body: 'tablet', month: 'phone', year: 'oc' },
  fieldSeqs: {},
}
const upsert = (deviceId: string, baseVersion: number, fields: Record<string, unknown>): MergeInput => ({ deviceId, baseVersion, op: 'upsert', fields })
const del = (deviceId: string, baseVersion: number): MergeInput => ({ deviceId, baseVersion, op: 'delete', fields: {} })

describe('mergeMutation — upserts on a live record', () => {
  const cases: Array<{ name: string; input: MergeInput; status: string; applied: Record<string, unknown>; conflicts: string[]; version: number }> = [
    {
      name: 'a field untouched since the base merges',
      input: upsert('phone', 2, { year: 2026 }),
      status: 'applied',
      applied: { year: 2026 },
      conflicts: [],
      version: 4,
    },
    {
      name: 'a field changed by someone else since the base conflicts',
      input: upsert('phone', 2, { body: 'phone' }),
      status: 'conflict',
      applied: {},
      conflicts: ['body'],
      version: 3,
    },
    {
      name: 'equal values never conflict (and change nothing)',
      input: upsert('phone', 1, { body: 'tablet' }),
      status: 'applied',
      applied: {},
      conflicts: [],
      version: 3,
    },
    {
      name: 'different fields merge while the same field conflicts',
      input: upsert('phone', 2, { body: 'phone', year: 2026 }),
      status: 'conflict',
      applied: { year: 2026 },
      conflicts: ['body'],
      version: 4,
    },
    {
      name: 'a base at the current version applies everything',
      input: upsert('oc', 3, { body: 'oc', month: 11 }),
      status: 'applied',
      applied: { body: 'oc', month: 11 },
      conflicts: [],
      version: 4,
    },
    {
      name: 'the device’s own later write of a field is no conflict',
      input: upsert('tablet', 1, { body: 'tablet 2' }),
      status: 'applied',
      applied: { body: 'tablet 2' },
      conflicts: [],
      version: 4,
    },
    {
      name: 'base version 0 on an existing record: differing fields changed by others conflict',
      input: upsert('phone', 0, { body: 'phone', month: 10, year: 2024 }),
      status: 'conflict',
      applied: {},
      conflicts: ['body', 'year'],
      version: 3,
    },
    {
      name: 'base version 0 from the device that wrote the fields merges them',
      input: upsert('phone', 0, { month: 9 }),
      status: 'applied',
      applied: { month: 9 },
      conflicts: [],
      version: 4,
    },
    { name: 'null and a missing value are equal', input: upsert('phone', 1, { indicator: null }), status: 'applied', applied: {}, conflicts: [], version: 3 },
  ]
  it.each(cases)('$name', ({ input, status, applied, conflicts, version }) => {
    const out = mergeMutation(server, input)
    if (out.status === 'rejected') throw new Error('unexpected rejection')
    expect(out.status).toBe(status)
    expect(out.conflicts.map((c) => c.field)).toEqual(conflicts)
    expect(out.changed).toEqual(Object.keys(applied))
    expect(out.next.version).toBe(version)
    expect(out.next.values).toEqual({ ...server.values, ...applied })
    for (const field of Object.keys(applied)) {
      expect(out.next.fieldVersions[field]).toBe(version)
      expect(out.next.fieldWriters[field]).toBe(input.deviceId)
    }
  })

  it('reports both values of a conflict', () => {
    const out = mergeMutation(server, upsert('phone', 2, { body: 'phone' }))
    expect(out).toMatchObject({ conflicts: [{ field: 'body', mine: 'phone', theirs: 'tablet' }] })
  })

  it('compares JSON values by content, not key order', () => {
    const withJson: ServerRecordState = {
      ...server,
      values: { ...server.values, agenda: [{ title: 'A', n: 1 }] },
      fieldVersions: { ...server.fieldVersions, agenda: 3 },
    }
    const out = mergeMutation(withJson, upsert('phone', 1, { agenda: [{ n: 1, title: 'A' }] }))
    expect(out).toMatchObject({ status: 'applied', changed: [] })
  })

  it('freezes the version of fields that had none before moving on', () => {
    const seeded: ServerRecordState = { version: 1, deleted: false, values: { body: 'seed', month: 1 }, fieldVersions: {}, fieldWriters: {}, fieldSeqs: {} }
    const first = mergeMutation(seeded, upsert('phone', 1, { body: 'phone' }))
    if (first.status === 'rejected') throw new Error('unexpected')
    expect(first.next.fieldVersions).toEqual({ body: 2, month: 1 })
    // The tablet, still on version 1, edits the untouched month: that must merge.
    expect(mergeMutation(first.next, upsert('tablet', 1, { month: 2 }))).toMatchObject({ status: 'applied', changed: ['month'] })
    // A field without a version counts as changed at the record's version (safe side).
    expect(mergeMutation({ ...seeded, version: 5 }, upsert('tablet', 4, { month: 2 }))).toMatchObject({ status: 'conflict' })
  })

  it('applies nothing when a partial merge would break a rule across fields, and reports every differing field', () => {
    const check = (values: Record<string, unknown>) => values.status !== 'done' || values.doneOn !== null
    const item: ServerRecordState = {
      version: 2,
      deleted: false,
      values: { status: 'planned', doneOn: '2025-01-01' },
      fieldVersions: { status: 1, doneOn: 2 },
      fieldWriters: { doneOn: 'oc' },
      fieldSeqs: {},
    }
    // doneOn was changed by someone else: status "done" merges alone, as the date already there keeps the rule.
    expect(mergeMutation(item, upsert('phone', 1, { status: 'done', doneOn: '2025-02-02' }), check)).toMatchObject({ status: 'conflict', changed: ['status'] })
    const cleared = { ...item, values: { status: 'planned', doneOn: null } }
    const out = mergeMutation(cleared, upsert('phone', 1, { status: 'done', doneOn: '2025-02-02' }), check)
    expect(out).toMatchObject({ status: 'conflict', changed: [], next: cleared })
    if (out.status === 'rejected') throw new Error('unexpected')
    expect(out.conflicts.map((c) => c.field).sort()).toEqual(['doneOn', 'status'])
  })
})

describe('mergeMutation — creates and deletes', () => {
  it('creates a record at version 1 with every field stamped', () => {
    const out = mergeMutation(null, upsert('phone', 0, { body: 'ny', month: 1 }))
    expect(out).toEqual({
      status: 'applied',
      created: true,
      changed: ['body', 'month'],
      conflicts: [],
      next: {
        version: 1,
        deleted: false,
        values: { body: 'ny', month: 1 },
        fieldVersions: { body: 1, month: 1 },
        fieldWriters: { body: 'phone', month: 'phone' },
        fieldSeqs: {},
      },
    })
  })

  const cases: Array<{ name: string; state: ServerRecordState | null; input: MergeInput; expected: Record<string, unknown> }> = [
    {
      name: 'an edit of a record the server never had is not found',
      state: null,
      input: upsert('phone', 2, { body: 'x' }),
      expected: { status: 'rejected', reason: 'not_found' },
    },
    {
      name: 'an edit of a deleted record is refused',
      state: { ...server, deleted: true, version: 4 },
      input: upsert('phone', 3, { body: 'x' }),
      expected: { status: 'rejected', reason: 'deleted' },
    },
    {
      name: 'creating a deleted record again revives it',
      state: { ...server, deleted: true, version: 4 },
      input: upsert('phone', 0, { body: 'igen', month: 1, year: 2025 }),
      expected: { status: 'applied', created: false, next: { version: 5, deleted: false, values: { body: 'igen', month: 1, year: 2025 } } },
    },
    {
      name: 'a delete on the current version deletes (tombstone, version + 1)',
      state: server,
      input: del('phone', 3),
      expected: { status: 'applied', changed: ['deleted'], next: { ...server, version: 4, deleted: true } },
    },
    {
      name: 'a delete meeting edits by others since its base is a conflict',
      state: server,
      input: del('phone', 2),
      expected: { status: 'conflict', changed: [], conflicts: [{ field: 'deleted', mine: true, theirs: false }] },
    },
    {
      name: 'a delete after only the device’s own edits deletes',
      state: { ...server, fieldWriters: { body: 'phone', month: 'phone', year: 'oc' } },
      input: del('phone', 1),
      expected: { status: 'applied', changed: ['deleted'] },
    },
    {
      name: 'deleting a deleted record changes nothing',
      state: { ...server, deleted: true },
      input: del('phone', 1),
      expected: { status: 'applied', changed: [] },
    },
    {
      name: 'deleting what the server never had changes nothing',
      state: null,
      input: del('phone', 0),
      expected: { status: 'applied', changed: [], next: { version: 0, deleted: true } },
    },
  ]
  it.each(cases)('$name', ({ state, input, expected }) => {
    expect(mergeMutation(state, input)).toMatchObject(expected)
  })
})
