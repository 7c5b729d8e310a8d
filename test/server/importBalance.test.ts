// The economics team's import of balance accounts through the HTTP API, on a fresh database: the
// file speaks for the units and years it names — new accounts added, changed ones updated, one it no
// longer lists removed, other units untouched — with an audit row each and the units stamped for
// the devices; the same file again changes nothing, the previous file puts things back, and a file
// with one bad line at the end is refused whole. With the balance accounts switched off for the
// municipality, a file says it repaints no light.
import { describe, expect, it } from 'vitest'
import { saveSettings } from '../helpers/http'
import { IDS, STARTING_SETTINGS, TODAY } from '../helpers/fixtures'
import { importApp, refusedWith, type Preview, type Result } from './importHarness'
import { pullAll } from './syncHarness'

const { t, c, send } = importApp('balance', 'statuskonti.csv')

const HEADER = 'Omk.sted;Kontonr;Kontotekst;Afstemningsfrist;Afstemt den'
// Unit A's accounts of 2025 as the fixtures hold them (9100, due 30 September, reconciled on the
// 28th), and a new one due in October, not reconciled yet.
const OCTOBER = [HEADER, 'cc-unit-skole-a;9100;Mellemregning;30-09-2025;28-09-2025', 'cc-unit-skole-a;9200;Kasse;31-10-2025;'].join('\n')
// A month later the file lists 9200 only, now reconciled.
const NOVEMBER = [HEADER, 'cc-unit-skole-a;9200;Kasse;31-10-2025;10-11-2025'].join('\n')

const accounts = () =>
  t.db.query<{ unit_id: string; number: string; name: string; due_date: string; reconciled_on: string | null }>(
    'select unit_id, number, name, due_date, reconciled_on from balance_account order by unit_id, number, due_date',
  )
const audit = () => t.db.query<{ action: string }>(`select action from audit_log where table_name = 'balance_account' order by id`)
const of = (unitId: string, rows: Awaited<ReturnType<typeof accounts>>) =>
  rows.filter((r) => r.unit_id === unitId).map((r) => `${r.number} ${r.due_date} ${r.reconciled_on ?? '–'}`)

describe('the balance accounts import', () => {
  it('previews the accounts as they will be and the light they repaint, writing nothing', async () => {
    const res = await send('/api/imports/preview', OCTOBER)
    expect(res.statusCode).toBe(200)
    const p = res.json<Preview>()
    expect(p.mapping).toEqual({
      'Omk.sted': 'costCentre',
      Kontonr: 'accountNumber',
      Kontotekst: 'accountName',
      Afstemningsfrist: 'dueDate',
      'Afstemt den': 'reconciledOn',
    })
    expect(p.counts).toEqual({ new: 1, changed: 0, unchanged: 1, removed: 0 })
    expect(p.rows.map((r) => [r.label, r.values, r.change])).toEqual([
      ['9100', { accountName: 'Mellemregning', dueDate: '2025-09-30', reconciledOn: '2025-09-28' }, 'unchanged'],
      ['9200', { accountName: 'Kasse', dueDate: '2025-10-31', reconciledOn: null }, 'new'],
    ])
    // One of two accounts due reconciled on time: 50 %, below the 95 % target.
    expect(p.lightChanges).toEqual([{ unitId: IDS.unitA, unitName: 'Askeskolen', indicator: 'balance', from: 'green', to: 'red' }])
    expect(of(IDS.unitA, await accounts())).toEqual(['9100 2025-09-30 2025-09-28'])
  })

  it('imports it: the new account with its audit row, and unit A stamped for its devices', async () => {
    const { cursor } = await pullAll(t.app, c.leaderA)
    const res = await send('/api/imports', OCTOBER)
    expect(res.statusCode).toBe(200)
    expect(res.json<Result>().counts).toEqual({ new: 1, changed: 0, unchanged: 1, removed: 0 })
    expect(of(IDS.unitA, await accounts())).toEqual(['9100 2025-09-30 2025-09-28', '9200 2025-10-31 –'])
    expect(await audit()).toEqual([{ action: 'import.create' }])
    expect((await pullAll(t.app, c.leaderA, cursor)).changes.map((ch) => [ch.table, ch.scopeId])).toEqual([['unitFigures', IDS.unitA]])
  })

  it('imports the same file again as no change', async () => {
    const res = await send('/api/imports', OCTOBER)
    expect(res.json<Result>()).toMatchObject({ counts: { new: 0, changed: 0, unchanged: 2, removed: 0 }, lightChanges: [] })
    expect(await audit()).toHaveLength(1)
  })

  it('takes a later file as the unit’s accounts of the year: one updated, the one no longer listed removed, other units untouched', async () => {
    const others = (await accounts()).filter((r) => r.unit_id !== IDS.unitA)
    const res = await send('/api/imports', NOVEMBER)
    expect(res.json<Result>().counts).toEqual({ new: 0, changed: 1, unchanged: 0, removed: 1 })
    expect(of(IDS.unitA, await accounts())).toEqual(['9200 2025-10-31 2025-11-10'])
    expect((await accounts()).filter((r) => r.unit_id !== IDS.unitA)).toEqual(others)
    expect(await audit()).toEqual([{ action: 'import.create' }, { action: 'import.update' }, { action: 'import.delete' }])
  })

  it('is undone by importing the previous file', async () => {
    const res = await send('/api/imports', OCTOBER)
    expect(res.json<Result>().counts).toEqual({ new: 1, changed: 1, unchanged: 0, removed: 0 })
    expect(of(IDS.unitA, await accounts())).toEqual(['9100 2025-09-30 2025-09-28', '9200 2025-10-31 –'])
  })

  it('refuses a file with a bad line at the end whole, saying where, and writes nothing', async () => {
    const before = await accounts()
    const bad = [NOVEMBER, 'cc-unit-skole-c;9100;Mellemregning;30-09-2025;28-09-2025', 'cc-ukendt;9100;Mellemregning;30-09-2025;'].join('\n')
    const res = await send('/api/imports', bad)
    expect(refusedWith(res)).toEqual(["Linje 4, kolonne Omk.sted: 'cc-ukendt' er ikke et omkostningssted, appen kender. Importér organisationen først."])
    expect(await accounts()).toEqual(before)
  })

  it('says it repaints no light once the balance accounts are switched off for the municipality', async () => {
    const onTime = [HEADER, 'cc-unit-skole-a;9100;Mellemregning;30-09-2025;28-09-2025', 'cc-unit-skole-a;9200;Kasse;31-10-2025;30-10-2025'].join('\n')
    const repainted = async () => (await send('/api/imports/preview', onTime)).json<Preview>().lightChanges
    // Both accounts reconciled on time: unit A's balance light would go from red to green.
    expect(await repainted()).toEqual([{ unitId: IDS.unitA, unitName: 'Askeskolen', indicator: 'balance', from: 'red', to: 'green' }])
    const off = await saveSettings(t.app, c.eco, TODAY, { ...STARTING_SETTINGS, indicatorsOff: ['balance'] })
    expect(off.statusCode).toBe(201)
    expect(await repainted()).toEqual([])
  })
})
