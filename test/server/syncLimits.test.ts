// A change the database cannot store is refused for good ('invalid', naming the field), never
// answered 'error' and retried for ever: the shared schemas know every limit, and a data exception
// from PostgreSQL that slips past them becomes the same lasting refusal (sync/dataExceptions.ts).
import { describe, expect, it, vi } from 'vitest'
import { initiativeSchema, noteSchema } from '../../src/core/schemas'
import { PROTOCOL_VERSION, type Mutation, type PushResult } from '../../src/core/sync/protocol'
import { dataExceptionRefusal } from '../../src/server/sync/dataExceptions'
import { CSRF, signedInApp } from '../helpers/http'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { mutation, push, SYNC_HEADERS } from './syncHarness'
import { textMatching } from '../helpers/match'

const { t, c } = signedInApp({ leader: PEOPLE.leaderA, oc: PEOPLE.ocNord })

const note = (recordId: string, body: string) =>
  mutation({ table: 'note', recordId, scopeId: IDS.unitA, fields: { indicator: null, year: null, month: null, body, visibility: 'shared' } })
const initiative = (recordId: string, expectedEffect: number) =>
  mutation({
    table: 'initiative',
    recordId,
    scopeId: IDS.unitA,
    fields: { indicator: 'budget', title: 'Færre vikarer', owner: '', dueDate: null, expectedEffect, status: 'planned' },
  })

/** An agenda point nested `depth` objects deep, as JSON text. */
const deepAgendaPointJson = (depth: number) => `${'{"title":"Niveau","under":'.repeat(depth)}{"title":"Bunden"}${'}'.repeat(depth)}`
const dialogue = (recordId: string, agenda: unknown[]) =>
  mutation({
    table: 'dialogue',
    recordId,
    scopeId: IDS.unitA,
    fields: {
      kind: 'dialogue',
      topics: [{ indicator: 'budget', purpose: 'support' }],
      followsFrom: null,
      scheduledOn: '2025-12-01',
      heldOn: null,
      agenda,
      minutes: '',
      improved: {},
      reopenedOn: null,
      reopenReason: '',
    },
  })

const outcome = (r: PushResult | undefined) => (r?.status === 'rejected' ? [r.reason, r.message] : r?.status)
// By the rows' hex, so that an id PostgreSQL cannot even take as a parameter (a NUL) can be asked about.
const stored = async (table: string, id: string) =>
  (await t.db.query(`select 1 from ${table} where encode(convert_to(id, 'UTF8'), 'hex') = $1`, [Buffer.from(id).toString('hex')])).length > 0

/** A push sent as JSON text: light-my-request cannot serialise a value nested 10.000 deep itself. */
async function pushText(cookie: string, deviceId: string, mutationsJson: string): Promise<PushResult[]> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...CSRF, ...SYNC_HEADERS, cookie, 'content-type': 'application/json' },
    payload: `{"protocol":${PROTOCOL_VERSION},"deviceId":${JSON.stringify(deviceId)},"mutations":${mutationsJson}}`,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ results: PushResult[] }>().results
}

describe('values beyond what the database stores are refused for good, naming the field', () => {
  it.each<[string, Mutation, string, string, RegExp]>([
    [
      'an amount of 10^12',
      initiative('ini-1e12', 1e12),
      'initiative',
      'ini-1e12',
      /^Forventet effekt: Beløbet skal være mindre end 1\.000\.000\.000\.000 kr\.$/,
    ],
    ['an amount of −10^12', initiative('ini-neg', -1e12), 'initiative', 'ini-neg', /^Forventet effekt: /],
    ['an amount that rounds up to 10^12', initiative('ini-round', 999_999_999_999.996), 'initiative', 'ini-round', /^Forventet effekt: /],
    ['a NUL byte in a text', note('n-nul', 'før\u0000efter'), 'note', 'n-nul', /^Tekst: Noten indeholder et tegn, der ikke kan gemmes/],
    ['a NUL byte in an id', note('n-\u0000', 'tekst'), 'note', 'n-\u0000', /^Id: /],
    ['a lone surrogate in a text', note('n-surrogate', 'halv \uD83D emoji'), 'note', 'n-surrogate', /^Tekst: Noten indeholder et tegn, der ikke kan gemmes/],
    ['an id longer than 100 characters', note(`n-${'x'.repeat(99)}`, 'tekst'), 'note', `n-${'x'.repeat(99)}`, /^Id: Id må højst være 100 tegn\.$/],
    ['a note of 4.001 characters', note('n-long', 'x'.repeat(4001)), 'note', 'n-long', /^Tekst: Noten må højst være 4\.000 tegn\.$/],
    ['a note of only a zero-width space', note('n-zwsp', '\u200B'), 'note', 'n-zwsp', /^Tekst: Noten må ikke være tom\.$/],
  ])('%s', async (_name, m, table, id, message) => {
    const [r] = await push(t.app, c.leader, 'dev-limits', [m])
    expect(r).toMatchObject({ status: 'rejected', reason: 'invalid', message: textMatching(message) })
    expect(await stored(table, id)).toBe(false)
    // For good: the answer is kept, so a device that sends it again hears the same, not 'error'.
    const [again] = await push(t.app, c.leader, 'dev-limits', [m])
    expect(again).toEqual(r)
  })

  it('refuses an agenda nested 10.000 deep, and an agenda point with keys of its own', async () => {
    const deep = JSON.stringify(dialogue('dlg-deep', ['AGENDA'])).replace('"AGENDA"', deepAgendaPointJson(10_000))
    const others = [dialogue('dlg-nested-array', [[[['Punkt']]]]), dialogue('dlg-extra', [{ title: 'Prognose', colour: 'red' }])]
    const results = await pushText(c.oc, 'dev-limits-oc', `[${deep},${others.map((m) => JSON.stringify(m)).join(',')}]`)
    expect(results.map(outcome)).toEqual([
      ['invalid', textMatching(/^Dagsorden: Et punkt har kun titel/)],
      ['invalid', textMatching(/^Dagsorden: Et punkt på dagsordenen skal være en tekst/)],
      ['invalid', textMatching(/^Dagsorden: Et punkt har kun titel/)],
    ])
    for (const id of ['dlg-deep', 'dlg-nested-array', 'dlg-extra']) expect(await stored('dialogue', id)).toBe(false)
  })

  it('still takes the largest amount that fits and a note of exactly 4.000 characters', async () => {
    const results = await push(t.app, c.leader, 'dev-limits', [initiative('ini-max', 999_999_999_999.99), note('n-max', 'x'.repeat(4000))])
    expect(results.map(outcome)).toEqual(['applied', 'applied'])
    const [row] = await t.db.query<{ expected_effect: string }>(`select expected_effect from initiative where id = 'ini-max'`)
    expect(row?.expected_effect).toBe('999999999999.99')
  })
})

describe('the safety net: a data exception from the database is a lasting refusal, not an error', () => {
  // A schema that let a value through (as the old ones did) must not make the device retry for ever.
  const letThrough = (schema: { safeParse: (v: unknown) => unknown }) =>
    vi.spyOn(schema, 'safeParse').mockImplementation((data: unknown) => ({ success: true, data }))

  it('maps numeric overflow (22003) to invalid, naming the field, and keeps the answer', async () => {
    const spy = letThrough(initiativeSchema)
    const m = initiative('ini-overflow', 1e15)
    const [r] = await push(t.app, c.leader, 'dev-net', [m]).finally(() => spy.mockRestore())
    expect(r).toEqual({
      mutationId: m.mutationId,
      status: 'rejected',
      reason: 'invalid',
      field: 'expectedEffect',
      message: 'Forventet effekt: værdien kan ikke gemmes (tallet er for stort). Ret den, eller kassér ændringen.',
    })
    expect(await stored('initiative', 'ini-overflow')).toBe(false)
    expect(await t.db.query('select result from applied_mutation where mutation_id = $1', [m.mutationId])).toEqual([{ result: r }])
  })

  it('maps a NUL byte in a text (22021) to invalid, naming the field', async () => {
    const spy = letThrough(noteSchema)
    const [r] = await push(t.app, c.leader, 'dev-net', [note('n-net-nul', 'a\u0000b')]).finally(() => spy.mockRestore())
    expect(r).toMatchObject({
      reason: 'invalid',
      message: 'Tekst: værdien kan ikke gemmes (den indeholder et tegn, der ikke kan gemmes, fx et nul-tegn). Ret den, eller kassér ændringen.',
    })
    expect(await stored('note', 'n-net-nul')).toBe(false)
  })

  it('maps the real errors of this database (PGlite, or PostgreSQL in CI) and JSON nested too deep (54001)', async () => {
    const m = mutation({ table: 'dialogue', recordId: 'd1', scopeId: IDS.unitA, fields: { agenda: [JSON.parse(deepAgendaPointJson(100))] } })
    const failure = async (sql: string, value: unknown) =>
      t.db.query(sql, [value]).then(
        () => null,
        (err: unknown) => err,
      )
    expect(dataExceptionRefusal(await failure('select $1::numeric(14,2)', 1e12), initiative('i', 1e12))).toMatchObject({
      reason: 'invalid',
      message: textMatching(/^Forventet effekt: .*for stort/),
    })
    expect(dataExceptionRefusal(await failure('select $1::text', 'a\u0000'), note('n', 'a\u0000'))).toMatchObject({
      reason: 'invalid',
      message: textMatching(/^Tekst: .*nul-tegn/),
    })
    expect(dataExceptionRefusal(await failure('select $1::jsonb', '["a\\u0000"]'), note('n', 'a\u0000'))).toMatchObject({ reason: 'invalid' })
    expect(dataExceptionRefusal(Object.assign(new Error('stack depth limit exceeded'), { code: '54001' }), m)).toMatchObject({
      reason: 'invalid',
      message: textMatching(/^Dagsorden: .*for dybt/),
    })
    // Anything else stays an 'error' the device retries: a lost connection, a unique key.
    expect(dataExceptionRefusal(Object.assign(new Error('terminating connection'), { code: '57P01' }), m)).toBeNull()
    expect(dataExceptionRefusal(new Error('no code'), m)).toBeNull()
  })
})
