// The economics team's import of action plans through the HTTP API, on a fresh database. Actions
// are synced records, so the import writes them through the one writer: the leader's device pulls
// each new, changed and removed action; every write has its audit row. The file speaks for the
// units and years it names — an action it no longer lists is removed, other units and years are
// untouched — the same file again changes nothing, the previous file brings a removed action back
// as itself, and a file with one bad line at the end is refused whole.
import { describe, expect, it } from 'vitest'
import { IDS } from '../helpers/fixtures'
import { importApp, refusedWith, type Preview, type Result } from './importHarness'
import { pullAll } from './syncHarness'

const { t, c, send } = importApp('actionPlan', 'handleplan.csv')

const HEADER = 'Omk.sted;Aktivitet;Deadline;Status;Udført;Begrundelse'
// Unit A's plan of 2025 as the fixtures hold it ("Ny vagtplan", due 30 June, done on the 20th),
// and a new action due in September that is not done: one of two done on time, 50 %.
const SEPTEMBER = [HEADER, 'cc-unit-skole-a;Ny vagtplan;30-06-2025;Udført;20-06-2025;', 'cc-unit-skole-a;Fælles indkøb;30-09-2025;Planlagt;;'].join('\n')
// Later the file lists the September action alone, now done on time.
const LATER = [HEADER, 'cc-unit-skole-a;Fælles indkøb;30-09-2025;Udført;25-09-2025;'].join('\n')

const actions = async () =>
  (
    await t.db.query<{ id: string; unit_id: string; title: string; status: string; done_on: string | null; deleted: boolean }>(
      'select id, unit_id, title, status, done_on, deleted from action_plan_item',
    )
  ).sort((a, b) => a.id.localeCompare(b.id))
const ofA = async () =>
  (await actions())
    .filter((r) => r.unit_id === IDS.unitA && !r.deleted)
    .map((r) => `${r.title} ${r.status} ${r.done_on ?? '–'}`)
    .sort()
const audit = () =>
  t.db.query<{ action: string; device_id: string }>(`select action, device_id from audit_log where table_name = 'action_plan_item' order by id`)
const pulledActions = async (cursor: number) =>
  (await pullAll(t.app, c.leaderA, cursor)).changes
    .filter((ch) => ch.table === 'actionPlanItem')
    .map((ch) => (ch.deleted ? `removed ${ch.id}` : `${String(ch.record?.title)} ${String(ch.record?.status)}`))

let fixtureId = ''

describe('the action plan import', () => {
  it('previews the actions as they will be and the light they repaint, writing nothing', async () => {
    fixtureId = (await actions()).find((r) => r.unit_id === IDS.unitA)!.id
    const res = await send('/api/imports/preview', SEPTEMBER)
    expect(res.statusCode).toBe(200)
    const p = res.json<Preview>()
    // Every header recognised by its synonym (core's test lists them).
    expect(Object.values(p.mapping)).toEqual(['costCentre', 'title', 'dueDate', 'status', 'doneOn', 'dropReason'])
    expect(p.counts).toEqual({ new: 1, changed: 0, unchanged: 1, removed: 0 })
    expect(p.rows.map((r) => [r.label, r.values, r.change])).toEqual([
      ['Ny vagtplan', { dueDate: '2025-06-30', status: 'done', doneOn: '2025-06-20', dropReason: null }, 'unchanged'],
      ['Fælles indkøb', { dueDate: '2025-09-30', status: 'planned', doneOn: null, dropReason: null }, 'new'],
    ])
    expect(p.lightChanges).toEqual([{ unitId: IDS.unitA, unitName: 'Askeskolen', indicator: 'actionPlan', from: 'green', to: 'red' }])
    expect(await ofA()).toEqual(['Ny vagtplan done 2025-06-20'])
  })

  it('imports it through the writer: the leader’s device pulls the new action and the unit’s stamp', async () => {
    const { cursor } = await pullAll(t.app, c.leaderA)
    const res = await send('/api/imports', SEPTEMBER)
    expect(res.statusCode).toBe(200)
    expect(res.json<Result>().counts).toEqual({ new: 1, changed: 0, unchanged: 1, removed: 0 })
    expect(await ofA()).toEqual(['Fælles indkøb planned –', 'Ny vagtplan done 2025-06-20'])
    expect(await audit()).toEqual([{ action: 'sync.create', device_id: 'import' }])
    expect(await pulledActions(cursor)).toEqual(['Fælles indkøb planned'])
  })

  it('imports the same file again as no change, and the device has nothing new to pull', async () => {
    const { cursor } = await pullAll(t.app, c.leaderA)
    const res = await send('/api/imports', SEPTEMBER)
    expect(res.json<Result>()).toMatchObject({ counts: { new: 0, changed: 0, unchanged: 2, removed: 0 }, lightChanges: [] })
    expect(await audit()).toHaveLength(1)
    expect((await pullAll(t.app, c.leaderA, cursor)).changes).toEqual([])
  })

  it('takes a later file as the unit’s plan of the year: one done, the one no longer listed removed, other units untouched', async () => {
    const others = (await actions()).filter((r) => r.unit_id !== IDS.unitA)
    const { cursor } = await pullAll(t.app, c.leaderA)
    const res = await send('/api/imports', LATER)
    expect(res.json<Result>()).toMatchObject({
      counts: { new: 0, changed: 1, unchanged: 0, removed: 1 },
      // One action due, done on time: 100 %.
      lightChanges: [{ unitId: IDS.unitA, unitName: 'Askeskolen', indicator: 'actionPlan', from: 'red', to: 'green' }],
    })
    expect(await ofA()).toEqual(['Fælles indkøb done 2025-09-25'])
    expect((await actions()).filter((r) => r.unit_id !== IDS.unitA)).toEqual(others)
    expect((await audit()).map((a) => a.action)).toEqual(['sync.create', 'sync.update', 'sync.delete'])
    expect((await pulledActions(cursor)).sort()).toEqual(['Fælles indkøb done', `removed ${fixtureId}`])
  })

  it('is undone by importing the previous file: the removed action comes back as itself', async () => {
    const res = await send('/api/imports', SEPTEMBER)
    expect(res.json<Result>().counts).toEqual({ new: 1, changed: 1, unchanged: 0, removed: 0 })
    expect(await ofA()).toEqual(['Fælles indkøb planned –', 'Ny vagtplan done 2025-06-20'])
    expect((await actions()).find((r) => r.title === 'Ny vagtplan' && r.unit_id === IDS.unitA)!.id).toBe(fixtureId)
    expect(
      (await audit())
        .map((a) => a.action)
        .slice(-2)
        .sort(),
    ).toEqual(['sync.revive', 'sync.update'])
  })

  it('refuses a file with a bad line at the end whole, saying where, and writes nothing', async () => {
    const before = await actions()
    const bad = [LATER, 'cc-unit-skole-c;Ny vagtplan;30-06-2025;Udført;20-06-2025;', 'cc-unit-skole-c;Nyt IT-system;30-09-2025;Udgået;;'].join('\n')
    expect(refusedWith(await send('/api/imports', bad))).toEqual(['Linje 4, kolonne Begrundelse: Angiv en begrundelse, når en handling udgår.'])
    expect(await actions()).toEqual(before)
  })
})
