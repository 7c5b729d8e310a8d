import { describe, expect, it } from 'vitest'
import {
  applyPushResult,
  baseVersionOf,
  dismissRejection,
  localWrite,
  rebaseOnPull,
  resolveConflict,
  viewOf,
  type DeviceRecord,
} from '../../src/core/sync/device'
import type { PullChange } from '../../src/core/sync/protocol'

const change = (version: number, fields: Record<string, unknown> | null, deleted = false): PullChange => ({
  table: 'note',
  id: 'n1',
  scopeId: 'u1',
  version,
  deleted,
  record: fields && { id: 'n1', unitId: 'u1', ...fields },
})
const pulled = (version: number, fields: Record<string, unknown>) => rebaseOnPull(undefined, change(version, fields))

describe('local writes', () => {
  it('a create is based on version 0 and shows at once', () => {
    const { record, mutation } = localWrite(undefined, { table: 'note', id: 'n1', scopeId: 'u1', op: 'upsert', fields: { body: 'ny' } }, 'm1')
    expect(mutation).toEqual({ mutationId: 'm1', table: 'note', recordId: 'n1', scopeId: 'u1', baseVersion: 0, op: 'upsert', fields: { body: 'ny' } })
    expect(viewOf(record, [mutation])).toEqual({ exists: true, values: { body: 'ny' } })
    expect(viewOf(record, [])).toEqual({ exists: false, values: {} })
  })

  it('an edit is based on the server copy; pending writes win on screen, in order', () => {
    const rec = pulled(3, { body: 'server', month: 1 })
    const a = localWrite(rec, { table: 'note', id: 'n1', scopeId: 'u1', op: 'upsert', fields: { body: 'a' } }, 'm1')
    const b = localWrite(a.record, { table: 'note', id: 'n1', scopeId: 'u1', op: 'upsert', fields: { body: 'b', month: 2 } }, 'm2')
    expect([a.mutation.baseVersion, b.mutation.baseVersion]).toEqual([3, 3])
    expect(viewOf(b.record, [a.mutation, b.mutation]).values).toEqual({ body: 'b', month: 2 })
    const d = localWrite(b.record, { table: 'note', id: 'n1', scopeId: 'u1', op: 'delete', fields: { body: 'ignored' } }, 'm3')
    expect(d.mutation.fields).toEqual({})
    expect(viewOf(d.record, [a.mutation, b.mutation, d.mutation]).exists).toBe(false)
  })

  it('an edit of a deleted record creates it again (base 0)', () => {
    expect(baseVersionOf(rebaseOnPull(undefined, change(4, null, true)))).toBe(0)
  })

  it('a write after the device’s own delete, both still waiting, makes the record anew (base 0)', () => {
    const rec = pulled(3, { body: 'server' })
    const d = localWrite(rec, { table: 'note', id: 'n1', scopeId: 'u1', op: 'delete', fields: {} }, 'm1')
    const again = localWrite(d.record, { table: 'note', id: 'n1', scopeId: 'u1', op: 'upsert', fields: { body: 'ny' } }, 'm2', [d.mutation])
    expect([d.mutation.baseVersion, again.mutation.baseVersion]).toEqual([3, 0])
    expect(viewOf(again.record, [d.mutation, again.mutation])).toEqual({ exists: true, values: { body: 'ny' } })
    // Another record's delete in the outbox changes nothing.
    expect(baseVersionOf(rec, [{ ...d.mutation, recordId: 'n2' }])).toBe(3)
  })
})

describe('rebasing on pulled changes', () => {
  it('takes newer server copies and ignores older ones', () => {
    const rec = pulled(3, { body: 'v3' })
    expect(rebaseOnPull(rec, change(2, { body: 'v2' }))).toBe(rec)
    expect(rebaseOnPull(rec, change(5, { body: 'v5' })).server).toEqual({ version: 5, deleted: false, record: { id: 'n1', unitId: 'u1', body: 'v5' } })
  })

  it('keeps pending local writes on top of a newer copy', () => {
    const rec = pulled(3, { body: 'v3', month: 1 })
    const w = localWrite(rec, { table: 'note', id: 'n1', scopeId: 'u1', op: 'upsert', fields: { body: 'mine' } }, 'm1')
    const after = rebaseOnPull(w.record, change(4, { body: 'v4', month: 2 }))
    expect(viewOf(after, [w.mutation]).values).toEqual({ body: 'mine', month: 2 })
  })

  it('keeps a conflict until resolved, updates the server side of it, and drops it once the values agree', () => {
    const rec: DeviceRecord = { ...pulled(3, { body: 'theirs' }), conflicts: [{ field: 'body', mine: 'mine', theirs: 'theirs' }] }
    const moved = rebaseOnPull(rec, change(4, { body: 'theirs 2' }))
    expect(moved.conflicts).toEqual([{ field: 'body', mine: 'mine', theirs: 'theirs 2' }])
    expect(viewOf(moved).values).toEqual({ body: 'mine' })
    expect(rebaseOnPull(moved, change(5, { body: 'mine' })).conflicts).toEqual([])
  })

  it('turns conflicts on a record deleted meanwhile into a visible rejection', () => {
    const rec: DeviceRecord = { ...pulled(3, { body: 'theirs' }), conflicts: [{ field: 'body', mine: 'mine', theirs: 'theirs' }] }
    const gone = rebaseOnPull(rec, change(4, null, true))
    expect(gone.conflicts).toEqual([])
    expect(gone.rejections).toMatchObject([{ reason: 'deleted', fields: { body: 'mine' } }])
    expect(viewOf(gone).exists).toBe(false)
  })

  it('drops a delete conflict once the record is deleted anyway', () => {
    const rec: DeviceRecord = { ...pulled(3, { body: 'x' }), conflicts: [{ field: 'deleted', mine: true, theirs: false }] }
    expect(rebaseOnPull(rec, change(4, null, true)).conflicts).toEqual([])
  })
})

describe('push results', () => {
  const rec = pulled(3, { body: 'v3', month: 1 })
  const w = localWrite(rec, { table: 'note', id: 'n1', scopeId: 'u1', op: 'upsert', fields: { body: 'mine', month: 2 } }, 'm1')

  it('applied: the new server copy replaces the old', () => {
    const out = applyPushResult(w.record, w.mutation, {
      mutationId: 'm1',
      status: 'applied',
      version: 4,
      deleted: false,
      record: { id: 'n1', unitId: 'u1', body: 'mine', month: 2 },
    })
    expect(out.keep).toBe(false)
    expect(out.record.server?.version).toBe(4)
    expect(viewOf(out.record).values).toEqual({ body: 'mine', month: 2 })
  })

  it('a late answer never rolls the server copy back', () => {
    const newer = rebaseOnPull(w.record, change(6, { body: 'v6', month: 3 }))
    const out = applyPushResult(newer, w.mutation, {
      mutationId: 'm1',
      status: 'applied',
      version: 4,
      deleted: false,
      record: { id: 'n1', unitId: 'u1', body: 'mine', month: 2 },
    })
    expect(out.record.server?.version).toBe(6)
  })

  it('conflict: the person’s value stays visible next to the server’s until resolved', () => {
    const out = applyPushResult(w.record, w.mutation, {
      mutationId: 'm1',
      status: 'conflict',
      version: 4,
      record: { id: 'n1', unitId: 'u1', body: 'theirs', month: 2 },
      conflicts: [{ field: 'body', mine: 'mine', theirs: 'theirs' }],
    })
    expect(out.keep).toBe(false)
    expect(out.record.conflicts).toEqual([{ field: 'body', mine: 'mine', theirs: 'theirs' }])
    expect(viewOf(out.record).values).toEqual({ body: 'mine', month: 2 })

    const mine = resolveConflict(out.record, 'body', 'mine', 'm2')
    expect(mine.mutation).toEqual({ mutationId: 'm2', table: 'note', recordId: 'n1', scopeId: 'u1', baseVersion: 4, op: 'upsert', fields: { body: 'mine' } })
    expect(mine.record.conflicts).toEqual([])
    expect(viewOf(mine.record, [mine.mutation!]).values.body).toBe('mine')

    const theirs = resolveConflict(out.record, 'body', 'theirs', 'm3')
    expect(theirs.mutation).toBeNull()
    expect(viewOf(theirs.record).values.body).toBe('theirs')
  })

  it('writing a conflicting field again settles the conflict with the new value', () => {
    const conflicted: DeviceRecord = { ...pulled(4, { body: 'theirs' }), conflicts: [{ field: 'body', mine: 'mine', theirs: 'theirs' }] }
    const again = localWrite(conflicted, { table: 'note', id: 'n1', scopeId: 'u1', op: 'upsert', fields: { body: 'third' } }, 'm4')
    expect(again.record.conflicts).toEqual([])
    expect(again.mutation.baseVersion).toBe(4)
  })

  it('a delete conflict resolved as mine deletes on the server version seen', () => {
    const conflicted: DeviceRecord = { ...pulled(4, { body: 'x' }), conflicts: [{ field: 'deleted', mine: true, theirs: false }] }
    expect(viewOf(conflicted).exists).toBe(true)
    expect(resolveConflict(conflicted, 'deleted', 'mine', 'm5').mutation).toMatchObject({ op: 'delete', baseVersion: 4, fields: {} })
  })

  it('rejected: kept visible with its reason until dismissed; a server error stays in the outbox', () => {
    const out = applyPushResult(w.record, w.mutation, { mutationId: 'm1', status: 'rejected', reason: 'invalid', message: 'Tekst: Noten må ikke være tom.' })
    expect(out.keep).toBe(false)
    expect(out.record.rejections).toEqual([
      { mutationId: 'm1', op: 'upsert', fields: { body: 'mine', month: 2 }, reason: 'invalid', message: 'Tekst: Noten må ikke være tom.' },
    ])
    expect(viewOf(out.record).values).toEqual({ body: 'v3', month: 1 })
    expect(dismissRejection(out.record, 'm1').rejections).toEqual([])
    expect(applyPushResult(w.record, w.mutation, { mutationId: 'm1', status: 'rejected', reason: 'error', message: '…' })).toEqual({
      record: w.record,
      keep: true,
    })
  })
})
