// The economics team's import of monthly figures through the HTTP API, on a fresh database: a
// preview writes nothing, an import writes the sums with their audit rows and the units' stamps
// that devices pull, the same file again changes nothing, and a file with one bad line at the end
// is refused whole. Only the economics role has these routes.
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { importLogSchema, importPreviewSchema, importRefusalSchema, importResultSchema } from '../../src/core/http/imports'
import { CSRF, get, signedInApp } from '../helpers/http'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { pullAll } from './syncHarness'

type Preview = z.infer<typeof importPreviewSchema>
type Result = z.infer<typeof importResultSchema>
type Refusal = z.infer<typeof importRefusalSchema>

const { t, c } = signedInApp({
  eco: PEOPLE.economics,
  dir: PEOPLE.directorate,
  oc: PEOPLE.ocNord,
  leaderA: PEOPLE.leaderA,
  leaderC: PEOPLE.leaderC,
})

/** A finance export as Prisme writes it: Windows-1252, semicolons, decimal comma, one line per account. */
const cp1252 = (text: string) => iconv.encode(text, 'win1252').toString('base64')

// Unit B (Bøgehuset) has spent 10 mio. of 10 by October; its November lines say 9,9 mio. of 10,0.
const NOVEMBER = [
  'Omk.sted;Art;Periode;Korr. budget (t.kr.);Forbrug ÅTD (t.kr.);Bemærkning',
  'cc-unit-dag-b;4010;2025-11;9.000,0;8.500,0;Løn',
  'cc-unit-dag-b;4510;2025-11;1.000,0;1.400,5;"Indkøb; møbler"',
  'cc-unit-skole-a;4010;nov 2025;10.000,0;9.625,0;',
].join('\r\n')

const request = (content: string, extra: Record<string, unknown> = {}) => ({ kind: 'figures', fileName: 'prisme-nov.csv', content, ...extra })

function preview(cookie: string, body: object) {
  return t.app.inject({ method: 'POST', url: '/api/imports/preview', headers: { ...CSRF, cookie }, payload: body })
}

function commit(cookie: string, body: object) {
  return t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...CSRF, cookie }, payload: body })
}

const figureRows = () =>
  t.db.query<Record<string, unknown>>('select unit_id, year, month, budget, spend_to_date from monthly_figure order by unit_id, year, month')
const importAudit = () => t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action like 'import.%'`)

describe('the figures import', () => {
  it('previews a Windows-1252 export: lines summed per unit and month, amounts in t.kr., nothing written', async () => {
    const before = await figureRows()
    const res = await preview(c.eco, request(cp1252(NOVEMBER)))
    expect(res.statusCode).toBe(200)
    const p = res.json<Preview>()
    expect(p).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', scale: 1000, mappingSource: 'recognised', missing: [], errorCount: 0 })
    expect(p.mapping).toEqual({
      'Omk.sted': 'costCentre',
      Art: 'account',
      Periode: 'period',
      'Korr. budget (t.kr.)': 'budget',
      'Forbrug ÅTD (t.kr.)': 'spendToDate',
      Bemærkning: null,
    })
    expect(p.counts).toEqual({ new: 2, changed: 0, unchanged: 0, removed: 0 })
    // November for two of the four units: the month everyone is judged at moves on, and the other two show grey.
    expect(p.periodMove).toEqual({ from: { year: 2025, month: 10 }, to: { year: 2025, month: 11 }, unitsWithout: 2 })
    expect(p.rows).toEqual([
      {
        unitName: 'Askeskolen',
        costCentre: 'cc-unit-skole-a',
        label: '2025-11',
        values: { budget: 10_000_000, carryOver: 0, spendToDate: 9_625_000, profileShare: 0.916667 },
        sourceLines: 1,
        change: 'new',
      },
      {
        unitName: 'Bøgehuset',
        costCentre: 'cc-unit-dag-b',
        label: '2025-11',
        values: { budget: 10_000_000, carryOver: 0, spendToDate: 9_900_500, profileShare: 0.916667 },
        sourceLines: 2,
        change: 'new',
      },
    ])
    expect(await figureRows()).toEqual(before)
    expect(await importAudit()).toEqual([{ n: 0 }])
  })

  it('imports it: the figures, an audit row each, the units stamped for the devices, the import in the history', async () => {
    const { cursor } = await pullAll(t.app, c.leaderA)
    const res = await commit(c.eco, request(cp1252(NOVEMBER)))
    expect(res.statusCode).toBe(200)
    expect(res.json<Result>().counts).toEqual({ new: 2, changed: 0, unchanged: 0, removed: 0 })
    const stored = await t.db.query<Record<string, unknown>>(
      `select unit_id, budget, spend_to_date from monthly_figure where year = 2025 and month = 11 order by unit_id`,
    )
    expect(stored.map((r) => [r.unit_id, Number(r.budget), Number(r.spend_to_date)])).toEqual([
      [IDS.unitB, 10_000_000, 9_900_500],
      [IDS.unitA, 10_000_000, 9_625_000],
    ])
    expect(await importAudit()).toEqual([{ n: 2 }])
    // Leader A's device pulls unit A's stamp (and nothing of unit B's); leader C's nothing at all.
    const pulled = await pullAll(t.app, c.leaderA, cursor)
    expect(pulled.changes.map((ch) => [ch.table, ch.scopeId])).toEqual([['unitFigures', IDS.unitA]])
    expect((await pullAll(t.app, c.leaderC, cursor)).changes).toEqual([])
    const history = (await get(t.app, '/api/imports', c.eco)).json<z.infer<typeof importLogSchema>>()
    expect(history.imports[0]).toMatchObject({ fileName: 'prisme-nov.csv', status: 'imported', personName: PEOPLE.economics.name, counts: { new: 2 } })
    expect(history.imports[0]?.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('imports the same file again as no change: no write, no audit row, nothing new for the devices', async () => {
    const { cursor } = await pullAll(t.app, c.oc)
    const res = await commit(c.eco, request(cp1252(NOVEMBER)))
    expect(res.json<Result>()).toMatchObject({ counts: { new: 0, changed: 0, unchanged: 2, removed: 0 }, lightChanges: [] })
    expect(await importAudit()).toEqual([{ n: 2 }])
    expect((await pullAll(t.app, c.oc, cursor)).changes).toEqual([])
  })

  it('refuses a file whose last line is bad, whole: every error by line and column, nothing written, logged as refused', async () => {
    const before = await figureRows()
    const bad = `${NOVEMBER.replace('9.625,0', '9.700,0')}\r\ncc-unit-skole-d;4010;2025-11;10.000,0;12,3,4;`
    const res = await commit(c.eco, request(cp1252(bad)))
    expect(res.statusCode).toBe(422)
    const refusal = res.json<Refusal>()
    expect(refusal).toMatchObject({ error: 'invalid_file', errorCount: 1 })
    expect(refusal.errors).toEqual([
      { line: 5, column: 'Forbrug ÅTD (t.kr.)', value: '12,3,4', message: "Linje 5, kolonne Forbrug ÅTD (t.kr.): '12,3,4' er ikke et beløb" },
    ])
    expect(await figureRows()).toEqual(before)
    const history = (await get(t.app, '/api/imports', c.eco)).json<z.infer<typeof importLogSchema>>()
    expect(history.imports[0]).toMatchObject({ status: 'refused', errorCount: 1, counts: null })
  })

  it('says which cost centre it does not know and which month lies ahead', async () => {
    const text = ['Omkostningssted;Periode;Korrigeret budget;Forbrug år til dato', 'cc-ukendt;2025-10;1;1', 'cc-unit-skole-a;2025-12;1;1'].join('\n')
    const p = (await preview(c.eco, request(Buffer.from(text).toString('base64')))).json<Preview>()
    expect(p.errors.map((e) => e.message)).toEqual([
      "Linje 2, kolonne Omkostningssted: 'cc-ukendt' er ikke et omkostningssted, appen kender. Importér organisationen først.",
      "Linje 3, kolonne Periode: '2025-12' ligger efter denne måned (2025-11).",
    ])
  })

  it('says a required column is missing, and takes a column mapped by hand', async () => {
    const text = ['Omkostningssted;Periode;Korrigeret budget;Realiseret', 'cc-unit-skole-a;2025-10;10.000.000;8.750.000'].join('\n')
    const p = (await preview(c.eco, request(Buffer.from(text).toString('base64')))).json<Preview>()
    expect(p.missing).toEqual(['spendToDate'])
    expect(p.errors.map((e) => e.message)).toEqual([
      'Filen har ingen kolonne til Forbrug år til dato. Vælg hvilken af filens kolonner, der er Forbrug år til dato.',
    ])
    const mapping = { ...p.mapping, Realiseret: 'spendToDate' }
    const mapped = (await preview(c.eco, request(Buffer.from(text).toString('base64'), { mapping }))).json<Preview>()
    expect(mapped).toMatchObject({ missing: [], errorCount: 0, mappingSource: 'given', counts: { unchanged: 1 } })
    // Imported once with it, the mapping is offered for the next file with these headers, in any order and case.
    expect((await commit(c.eco, request(Buffer.from(text).toString('base64'), { mapping }))).statusCode).toBe(200)
    const nextMonth = ['periode;REALISERET;Omkostningssted;Korrigeret Budget', '2025-10;8.750.000;cc-unit-skole-a;10.000.000'].join('\n')
    const offered = (await preview(c.eco, request(Buffer.from(nextMonth).toString('base64')))).json<Preview>()
    expect(offered).toMatchObject({ mappingSource: 'remembered', missing: [], errorCount: 0 })
    expect(offered.mapping).toEqual({ periode: 'period', REALISERET: 'spendToDate', Omkostningssted: 'costCentre', 'Korrigeret Budget': 'budget' })
  })

  it('says in the preview which lights an import would repaint, and repaints none of them', async () => {
    // Bøgehuset forecasts 9,9 mio.: with its budget cut to 9 mio. it is 10 % over — red, from green.
    const text = ['Omkostningssted;Periode;Korrigeret budget;Forbrug år til dato', 'cc-unit-dag-b;2025-11;9.000.000;9.900.500'].join('\n')
    const p = (await preview(c.eco, request(Buffer.from(text).toString('base64')))).json<Preview>()
    expect(p.lightChanges).toEqual([{ unitId: IDS.unitB, unitName: 'Bøgehuset', indicator: 'budget', from: 'green', to: 'red' }])
    const lights = (await get(t.app, `/api/units/${IDS.unitB}`, c.eco)).json<{ lights: { budget: { colour: string } } }>()
    expect(lights.lights.budget.colour).toBe('green')
  })

  it('leaves a closed period’s recorded lights as they were, while its figures change', async () => {
    type Detail = { history: Array<{ period: { year: number; month: number }; lights: { budget: { colour: string; source: string } } }> }
    const december = async () =>
      (await get(t.app, `/api/units/${IDS.unitA}`, c.eco)).json<Detail>().history.find((h) => h.period.year === 2024 && h.period.month === 12)!
    await t.db.query(
      `insert into monthly_figure (unit_id, year, month, budget, carry_over, spend_to_date, profile_share) values ($1, 2024, 12, 10000000, 0, 9500000, 1)`,
      [IDS.unitA],
    )
    // The year is closed, its lights recorded as they were judged then (yellow, say: not what the figures give today).
    const recorded = { ...(await december()).lights.budget, colour: 'yellow' }
    await t.db.query(`insert into recorded_light (unit_id, indicator, year, month, light, rule_set_id) values ($1, 'budget', 2024, 12, $2::jsonb, 'rs-2020')`, [
      IDS.unitA,
      JSON.stringify(recorded),
    ])
    await t.db.query(`insert into year_close (municipality_id, year) values ($1, 2024)`, [IDS.municipality])
    const text = ['Omkostningssted;Periode;Korrigeret budget;Forbrug år til dato', 'cc-unit-skole-a;2024-12;10.000.000;15.000.000'].join('\n')
    const res = await commit(c.eco, request(Buffer.from(text).toString('base64')))
    expect(res.json<Result>()).toMatchObject({ counts: { changed: 1 } })
    expect(await t.db.query(`select spend_to_date::float as spend from monthly_figure where unit_id = $1 and year = 2024 and month = 12`, [IDS.unitA])).toEqual(
      [{ spend: 15_000_000 }],
    )
    expect((await december()).lights.budget).toMatchObject({ colour: 'yellow', source: 'recorded' })
  })

  it('is the economics team’s alone: every other role meets an address that does not exist', async () => {
    const body = request(cp1252(NOVEMBER))
    for (const cookie of [c.dir, c.oc, c.leaderA]) {
      expect((await preview(cookie, body)).statusCode).toBe(404)
      expect((await commit(cookie, body)).statusCode).toBe(404)
      expect((await get(t.app, '/api/imports', cookie)).statusCode).toBe(404)
    }
    expect((await preview('', body)).statusCode).toBe(401)
  })
})
