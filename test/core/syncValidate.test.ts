import { describe, expect, it } from 'vitest'
import { normaliseValue, valuesEqual } from '../../src/core/sync/values'
import { validateFields, type ValidationInput } from '../../src/core/sync/validate'
import { SYNC_KINDS } from '../../src/core/sync/kinds'
import { protocolStatus, pushRequestSchema } from '../../src/core/sync/protocol'

const base = { recordId: 'r1', scopeId: 'u1' }
const note = { indicator: null, year: null, month: null, body: 'Tekst', visibility: 'shared' }

describe('validateFields', () => {
  const cases: Array<{ name: string; input: Omit<ValidationInput, 'recordId' | 'scopeId'>; expected: unknown }> = [
    {
      name: 'a full create passes, trimmed',
      input: { kind: SYNC_KINDS.note, fields: { ...note, body: '  hej ' }, current: null },
      expected: { ok: true, fields: { ...note, body: 'hej' } },
    },
    { name: 'a create misses a field', input: { kind: SYNC_KINDS.note, fields: { body: 'x' }, current: null }, expected: { ok: false, field: 'indicator' } },
    {
      name: 'an update is checked over the current record',
      input: { kind: SYNC_KINDS.note, fields: { body: 'ny' }, current: note },
      expected: { ok: true, fields: { body: 'ny' } },
    },
    {
      name: 'an unknown field is refused',
      input: { kind: SYNC_KINDS.note, fields: { colour: 'red' }, current: note },
      expected: { ok: false, field: 'colour', message: 'colour: feltet findes ikke og kan ikke gemmes.' },
    },
    {
      name: 'who wrote it is the server’s to say',
      input: { kind: SYNC_KINDS.note, fields: { body: 'ny', updatedByName: 'En anden' }, current: note },
      expected: { ok: false, field: 'updatedByName', message: 'Ændret af: sættes af serveren og kan ikke ændres.' },
    },
    {
      name: '…and when, also on a create',
      input: { kind: SYNC_KINDS.note, fields: { ...note, updatedAt: '2020-01-01T00:00:00.000Z' }, current: null },
      expected: { ok: false, field: 'updatedAt' },
    },
    { name: 'id cannot be a field', input: { kind: SYNC_KINDS.note, fields: { id: 'other' }, current: note }, expected: { ok: false, field: 'id' } },
    {
      name: 'the message names the field in Danish',
      input: { kind: SYNC_KINDS.note, fields: { month: 13 }, current: note },
      expected: { ok: false, field: 'month', message: 'Måned: Måned skal være mellem 1 og 12.' },
    },
    {
      name: 'rules across fields hold after the update',
      input: {
        kind: SYNC_KINDS.actionPlanItem,
        fields: { status: 'done' },
        current: { year: 2025, title: 'T', dueDate: '2025-01-31', status: 'planned', doneOn: null, dropReason: null },
      },
      expected: { ok: false, field: 'doneOn' },
    },
    {
      name: 'a note’s visibility is fixed after creation',
      input: { kind: SYNC_KINDS.note, fields: { visibility: 'oc_private' }, current: note },
      expected: { ok: false, field: 'visibility' },
    },
    {
      name: '…also when a deleted note is created again',
      input: { kind: SYNC_KINDS.note, fields: { ...note, visibility: 'oc_private' }, current: null, previous: note },
      expected: { ok: false, field: 'visibility' },
    },
    {
      name: 'timestamps are stored as UTC ISO with milliseconds',
      input: {
        kind: SYNC_KINDS.dialoguePreparation,
        fields: { readyAt: '2025-03-31T14:00:00+02:00' },
        current: { year: 2025, month: 3, questions: '', readyAt: null },
      },
      expected: { ok: true, fields: { readyAt: '2025-03-31T12:00:00.000Z' } },
    },
    {
      name: 'a natural-key create must carry the id derived from its key',
      input: { kind: SYNC_KINDS.forecast, fields: { year: 2025, month: 1, amount: 1, explanation: null }, current: null },
      expected: { ok: false, field: 'id' },
    },
    {
      name: 'amounts are stored to the øre',
      input: { kind: SYNC_KINDS.forecast, fields: { amount: 1000.123 }, current: { year: 2025, month: 1, amount: 1, explanation: null } },
      expected: { ok: true, fields: { amount: 1000.12 } },
    },
  ]
  it.each(cases)('$name', ({ input, expected }) => {
    expect(validateFields({ ...base, ...input })).toMatchObject(expected as object)
  })
})

describe('values', () => {
  it.each([
    [null, undefined, true],
    [1, 1, true],
    ['a', 'b', false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [{ a: 1, b: [1] }, { b: [1], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: null }, {}, true],
    [[], {}, false],
    [0, null, false],
  ])('valuesEqual(%j, %j) = %s', (a, b, expected) => {
    expect(valuesEqual(a, b)).toBe(expected)
  })

  it('normalises by kind', () => {
    expect(normaliseValue('timestamp', '2025-01-01T00:00:00Z')).toBe('2025-01-01T00:00:00.000Z')
    expect(normaliseValue('amount', 0.1 + 0.2)).toBe(0.3)
    expect(normaliseValue('text', undefined)).toBeNull()
  })
})

describe('protocol', () => {
  it.each([
    [undefined, 'client_outdated'],
    ['0', 'client_outdated'],
    ['x', 'client_outdated'],
    ['1', 'client_outdated'],
    ['2', 'ok'],
    [['2'], 'ok'],
    ['3', 'server_outdated'],
    ['1.5', 'client_outdated'],
  ] as const)('protocolStatus(%j) = %s', (header, expected) => {
    expect(protocolStatus(header as string | string[] | undefined)).toBe(expected)
  })

  it('checks the envelope of a push', () => {
    const ok = {
      protocol: 2,
      deviceId: 'd',
      mutations: [{ mutationId: 'm', table: 'note', recordId: 'r', scopeId: 'u', baseVersion: 0, op: 'upsert', fields: {}, deviceSeq: 1 }],
    }
    expect(pushRequestSchema.safeParse(ok).success).toBe(true)
    // Protocol 2: the device's own order number is part of every mutation.
    const { deviceSeq: _seq, ...unnumbered } = ok.mutations[0]!
    expect(pushRequestSchema.safeParse({ ...ok, mutations: [unnumbered] }).success).toBe(false)
    expect(pushRequestSchema.safeParse({ ...ok, mutations: [{ ...ok.mutations[0], baseVersion: -1 }] }).success).toBe(false)
  })
})
