// An initiative's own progress note (issue 7: "An initiative has no note"), synced like its other
// fields: pushed, merged per field, pulled, bounded like a note, written by the leader alone — and
// an initiative made by a device built before the field existed still goes in, with an empty note.
import { describe, expect, it } from 'vitest'
import { MAX_NOTE_LENGTH } from '../../src/core/limits'
import type { PushResult } from '../../src/core/sync/protocol'
import { signedInApp } from '../helpers/http'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { mutation, pullAll, push } from './syncHarness'

const { t, c } = signedInApp({ leader: PEOPLE.leaderA, oc: PEOPLE.ocNord })

const NOTE = 'Vikarerne er opsagt, effekt fra uge 25'
const fields = { indicator: 'budget', title: 'Færre vikarer', owner: 'Lea', dueDate: '2026-01-31', expectedEffect: 150_000, status: 'in_progress' }
const create = (recordId: string, extra: Record<string, unknown> = {}) =>
  mutation({ table: 'initiative', recordId, scopeId: IDS.unitA, fields: { ...fields, ...extra } })
const edit = (recordId: string, baseVersion: number, changed: Record<string, unknown>) =>
  mutation({ table: 'initiative', recordId, scopeId: IDS.unitA, baseVersion, fields: changed })
const stored = async (id: string) =>
  (await t.db.query<{ progress_note: string; title: string; version: number }>('select progress_note, title, version from initiative where id = $1', [id]))[0]
const outcome = (r: PushResult | undefined) => (r?.status === 'rejected' ? { reason: r.reason, field: r.field, message: r.message } : r?.status)

describe('an initiative’s progress note', () => {
  it('is pushed with the initiative, stored, and pulled with it (also by the area chief)', async () => {
    const [r] = await push(t.app, c.leader, 'dev-p1', [create('ini-p1', { progressNote: `  ${NOTE} ` })])
    expect(r).toMatchObject({ status: 'applied', record: { id: 'ini-p1', progressNote: NOTE } })
    expect(await stored('ini-p1')).toMatchObject({ progress_note: NOTE })
    for (const cookie of [c.leader, c.oc]) {
      const pulled = (await pullAll(t.app, cookie)).changes.find((ch) => ch.id === 'ini-p1')
      expect(pulled?.record).toMatchObject({ ...fields, progressNote: NOTE })
    }
    const audit = await t.db.query<{ new_value: Record<string, unknown> }>(`select new_value from audit_log where record_id = 'ini-p1'`)
    expect(audit[0]?.new_value).toMatchObject({ progressNote: NOTE })
  })

  it('is merged per field: one device writes the note, another the title, both from the same version', async () => {
    await push(t.app, c.leader, 'dev-p1', [create('ini-p2', { progressNote: '' })])
    const [phone] = await push(t.app, c.leader, 'dev-p1', [edit('ini-p2', 1, { progressNote: NOTE })])
    const [tablet] = await push(t.app, c.leader, 'dev-p2', [edit('ini-p2', 1, { title: 'Færre vikarer i indskolingen' })])
    expect([phone?.status, tablet?.status]).toEqual(['applied', 'applied'])
    expect(await stored('ini-p2')).toEqual({ progress_note: NOTE, title: 'Færre vikarer i indskolingen', version: 3 })
    // The same field from two devices is a conflict the second person resolves, as for any field.
    const [clash] = await push(t.app, c.leader, 'dev-p2', [edit('ini-p2', 1, { progressNote: 'Ingen effekt endnu' })])
    expect(clash).toMatchObject({ status: 'conflict', conflicts: [{ field: 'progressNote', mine: 'Ingen effekt endnu', theirs: NOTE }] })
  })

  it('is empty on an initiative made by a device built before the field existed', async () => {
    const [r] = await push(t.app, c.leader, 'dev-old', [create('ini-old')])
    expect(r).toMatchObject({ status: 'applied', record: { progressNote: '' } })
    expect(await stored('ini-old')).toMatchObject({ progress_note: '' })
  })

  it('is bounded like a note, and refused beyond it naming the field', async () => {
    const [atLimit, over] = await push(t.app, c.leader, 'dev-p1', [
      create('ini-max', { progressNote: 'x'.repeat(MAX_NOTE_LENGTH) }),
      create('ini-over', { progressNote: 'x'.repeat(MAX_NOTE_LENGTH + 1) }),
    ])
    expect(outcome(atLimit)).toBe('applied')
    expect(outcome(over)).toEqual({ reason: 'invalid', field: 'progressNote', message: 'Fremdrift: Fremdriften må højst være 4.000 tegn.' })
    expect(await stored('ini-over')).toBeUndefined()
  })

  it('is the leader’s to write: the area chief is refused', async () => {
    await push(t.app, c.leader, 'dev-p1', [create('ini-p3', { progressNote: '' })])
    const [r] = await push(t.app, c.oc, 'dev-oc', [edit('ini-p3', 1, { progressNote: 'Områdechefen skriver' })])
    expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' })
    expect(await stored('ini-p3')).toMatchObject({ progress_note: '' })
  })
})
