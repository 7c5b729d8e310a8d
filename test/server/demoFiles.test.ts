// The demo's example files, on a fresh database in demo mode: listed and downloaded by the economics
// team alone, and each one reads without an error in the import's preview, doing what its
// description says (a new unit; this month's figures; the overdue accounts reconciled).
import { describe, expect, it } from 'vitest'
import type { ExampleFileList, ImportPreview } from '../../src/core/http/imports'
import { CSRF, get, signedInApp } from '../helpers/http'
import { PEOPLE } from '../helpers/fixtures'

const { t, c } = signedInApp({ eco: PEOPLE.economics, leaderA: PEOPLE.leaderA }, { demo: true })

async function preview(kind: string, name: string) {
  const file = await get(t.app, `/api/demo/files/${name}`, c.eco)
  expect(file.statusCode).toBe(200)
  expect(file.headers['content-disposition']).toBe(`attachment; filename="${name}"`)
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/imports/preview',
    headers: { ...CSRF, cookie: c.eco },
    payload: { kind, fileName: name, content: file.rawPayload.toString('base64'), ...(kind === 'figures' ? { excludeAccounts: ['98'] } : {}) },
  })
  expect(res.statusCode).toBe(200)
  return res.json<ImportPreview>()
}

describe('the demo’s example files', () => {
  it('are listed for the economics team: the organisation, this month’s figures as CSV and XLSX, the balance accounts and the action plans', async () => {
    const list = (await get(t.app, '/api/demo/files', c.eco)).json<ExampleFileList>()
    expect(list.files.map((f) => [f.name, f.kind])).toEqual([
      ['organisation.csv', 'organisation'],
      ['oekonomi-2025-11.csv', 'figures'],
      ['oekonomi-2025-11.xlsx', 'figures'],
      ['statuskonti.csv', 'balance'],
      ['handleplan.csv', 'actionPlan'],
    ])
    expect(list.files.every((f) => f.bytes > 100)).toBe(true)
  })

  it('the organisation reads as every unit unchanged and one new one in a new area', async () => {
    const p = await preview('organisation', 'organisation.csv')
    expect(p.encoding).toMatch(/utf-?8/i)
    expect(p).toMatchObject({ errorCount: 0, counts: { new: 1, changed: 0, unchanged: 4, removed: 0 } })
  })

  it.each(['oekonomi-2025-11.csv', 'oekonomi-2025-11.xlsx'])(
    '%s reads as this month’s figures, new for every unit, its transfer lines left out',
    async (name) => {
      const p = await preview('figures', name)
      expect(p).toMatchObject({ errorCount: 0, missing: [], leftOut: 4, counts: { new: 4, changed: 0, unchanged: 0, removed: 0 } })
      expect(p.rows.every((r) => r.label === '2025-11' && r.sourceLines === 2)).toBe(true)
    },
  )

  it('the balance accounts read as the year’s accounts, the open overdue ones reconciled', async () => {
    const p = await preview('balance', 'statuskonti.csv')
    expect(p).toMatchObject({ errorCount: 0, counts: { removed: 0 } })
    expect(p.counts.new + p.counts.changed + p.counts.unchanged).toBe(4)
  })

  it('the action plans read as the year’s actions, every one as it stands (the fixtures’ are done)', async () => {
    const p = await preview('actionPlan', 'handleplan.csv')
    expect(p).toMatchObject({ errorCount: 0, missing: [], counts: { new: 0, changed: 0, unchanged: 4, removed: 0 } })
    expect(p.rows.every((r) => r.label === 'Ny vagtplan' && r.values.status === 'done' && r.values.doneOn === '2025-06-20')).toBe(true)
  })

  it('are the economics team’s alone', async () => {
    expect((await get(t.app, '/api/demo/files', c.leaderA)).statusCode).toBe(404)
    expect((await get(t.app, '/api/demo/files/organisation.csv', c.leaderA)).statusCode).toBe(404)
    expect((await get(t.app, '/api/demo/files/ukendt.csv', c.eco)).statusCode).toBe(404)
  })
})
