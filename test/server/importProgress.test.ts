// How far a preview or an import has come: each says its steps in order (read, check, then judge
// or write, then done, also when the file is refused), and GET /api/imports/progress/:id tells the
// person who sent the request — and nobody else — the step it is at.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ImportProgress, ImportRequest } from '../../src/core/http/imports'
import { commitImport, previewImport } from '../../src/server/import/run'
import { CSRF, get, signedInApp } from '../helpers/http'
import { PEOPLE, TODAY } from '../helpers/fixtures'

const { t, c } = signedInApp({ eco: PEOPLE.economics, leaderA: PEOPLE.leaderA })

const HEADER = 'Omkostningssted;Periode;Korrigeret budget;Forbrug år til dato'
const request = (...lines: string[]): ImportRequest => ({
  kind: 'figures',
  fileName: 'prisme.csv',
  content: Buffer.from([HEADER, ...lines].join('\n')).toString('base64'),
})
// October for unit A with a budget far below its spend: its budget light turns red.
const OVERRUN = request('cc-unit-skole-a;2025-10;1.000.000;9.000.000')

function heard() {
  const stages: ImportProgress[] = []
  return { stages, report: (p: ImportProgress) => stages.push(p) }
}
const ctx = () => ({ db: t.db, today: TODAY, personId: PEOPLE.economics.id })

describe('the progress of a preview or an import', () => {
  it('a preview that repaints a light: read, check its one line, judge, done', async () => {
    const { stages, report } = heard()
    await previewImport(ctx(), OVERRUN, report)
    expect(stages).toEqual([
      { stage: 'read', lines: null },
      { stage: 'check', lines: 1 },
      { stage: 'judge', lines: 1 },
      { stage: 'done', lines: null },
    ])
  })

  it('an import: read, check, write, done; a refused file stops after checking', async () => {
    const imported = heard()
    await commitImport(ctx(), OVERRUN, imported.report)
    expect(imported.stages.map((s) => s.stage)).toEqual(['read', 'check', 'write', 'done'])
    const refused = heard()
    const outcome = await commitImport(ctx(), request('cc-unit-skole-a;2025-10;1.000.000;12,3,4', 'cc-unit-skole-a;2025-09;1;1'), refused.report)
    expect(outcome.ok).toBe(false)
    expect(refused.stages).toEqual([
      { stage: 'read', lines: null },
      { stage: 'check', lines: 2 },
      { stage: 'done', lines: null },
    ])
  })

  it('is told to the person who sent the request, by the progressId they chose', async () => {
    const progressId = randomUUID()
    expect((await get(t.app, `/api/imports/progress/${progressId}`, c.eco)).statusCode).toBe(404)
    const res = await t.app.inject({ method: 'POST', url: '/api/imports/preview', headers: { ...CSRF, cookie: c.eco }, payload: { ...OVERRUN, progressId } })
    expect(res.statusCode).toBe(200)
    const after = await get(t.app, `/api/imports/progress/${progressId}`, c.eco)
    expect(after.statusCode).toBe(200)
    expect(after.json()).toEqual({ stage: 'done', lines: null })
    expect((await get(t.app, `/api/imports/progress/${progressId}`, c.leaderA)).statusCode).toBe(404)
    expect((await get(t.app, `/api/imports/progress/${randomUUID()}`, c.eco)).statusCode).toBe(404)
  })

  it('refuses a progressId that is not a UUID', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      headers: { ...CSRF, cookie: c.eco },
      payload: { ...OVERRUN, progressId: '../x' },
    })
    expect(res.statusCode).toBe(400)
  })
})
