// OC private notes (DOMAIN.md: "which neither the leader nor the directorate ever sees"; this holds
// for every way in): as every role — the leader of the unit, the area chief of its area, an area
// chief of another area, the directorate, the economics team — and on every read route the API
// has (walked from its OpenAPI document, so a route added later is asked too), a private note —
// one of a dialogue too, and the tombstone of a deleted one — reaches the area chief of the unit's
// area by the sync pull, and nobody and nothing else: not a dialogue's history, not the marks.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullChange } from '../../src/core/sync/protocol'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { dialogueFields } from '../helpers/records'
import { fixtureApp, login } from '../helpers/http'
import { actionFields, markFields, noteFields, outcome, remove, write } from './dialogueHarness'
import { pullAll, push, SYNC_HEADERS } from './syncHarness'

const SECRET = 'HEMMELIG'
const PRIVATE_IDS = ['n-private', 'n-private-dlg', 'n-private-gone']
type Who = 'leaderA' | 'oc' | 'ocSyd' | 'dir' | 'eco'
const WHO: readonly Who[] = ['leaderA', 'oc', 'ocSyd', 'dir', 'eco']

/**
 * How to ask each read route of the document, with the records made below as its parameters. A read
 * route added later fails the first test until it is listed here, and so is asked as every role.
 */
const READS: Record<string, string> = {
  'GET /api/health': '/api/health',
  'GET /api/openapi.json': '/api/openapi.json',
  'GET /api/me': '/api/me',
  'GET /api/session': '/api/session',
  'GET /api/units': '/api/units',
  'GET /api/units/{unitId}': `/api/units/${IDS.unitA}`,
  'GET /api/sync/pull': '/api/sync/pull?cursor=0',
  'GET /api/dialogues/{dialogueId}/history': '/api/dialogues/dlg/history',
  'GET /api/marks': '/api/marks',
  'GET /api/imports': '/api/imports',
  'GET /api/imports/progress/{progressId}': '/api/imports/progress/3f1c0b52-8a44-4d1e-9d5e-2b7f6c1a9e00',
  'GET /api/config/rule-sets': '/api/config/rule-sets',
  'GET /api/config/people': '/api/config/people',
  'GET /api/config/settings': '/api/config/settings',
}

let t: Awaited<ReturnType<typeof fixtureApp>>
const c = {} as Record<Who, string>
let readRoutes: string[] = []
beforeAll(async () => {
  t = await fixtureApp()
  for (const [who, person] of [
    ['leaderA', PEOPLE.leaderA],
    ['oc', PEOPLE.ocNord],
    ['ocSyd', PEOPLE.ocSyd],
    ['dir', PEOPLE.directorate],
    ['eco', PEOPLE.economics],
  ] as const) {
    c[who] = await login(t.app, person.email)
  }
  const made = await push(t.app, c.oc, 'dev-oc', [
    write('dialogue', 'dlg', IDS.unitA, dialogueFields('2025-11-10', { minutes: 'Referatet, som lederen også ser' })),
    write('dialogueAction', 'act', IDS.unitA, actionFields('dlg')),
    write('unitMark', 'mk', IDS.unitA, markFields({ dialogueId: 'dlg' })),
    write('note', 'n-private', IDS.unitA, noteFields(`${SECRET} om enheden`, 'oc_private')),
    write('note', 'n-private-dlg', IDS.unitA, noteFields(`${SECRET} fra dialogen`, 'oc_private', 'dlg')),
    write('note', 'n-private-gone', IDS.unitA, noteFields(`${SECRET}, slettes igen`, 'oc_private', 'dlg')),
    remove('note', 'n-private-gone', IDS.unitA, 1),
    write('note', 'n-shared-dlg', IDS.unitA, noteFields('Delt fra dialogen', 'shared', 'dlg')),
  ])
  expect(made.map(outcome)).toEqual(Array(8).fill('applied'))
  // A private note of the dialogue edited later: that change is no part of the dialogue’s history either.
  expect(outcome((await push(t.app, c.oc, 'dev-oc', [write('note', 'n-private-dlg', IDS.unitA, { body: `${SECRET}, rettet` }, 1)]))[0])).toBe('applied')
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>()
  readRoutes = Object.entries(doc.paths).flatMap(([path, item]) => ('get' in item ? [`GET ${path}`] : []))
})
afterAll(() => t.close())

function read(app: FastifyInstance, url: string, cookie: string) {
  return app.inject({ method: 'GET', url, headers: { ...SYNC_HEADERS, cookie } })
}

const notesPulled = async (who: Who): Promise<PullChange[]> => (await pullAll(t.app, c[who])).changes.filter((ch) => ch.table === 'note')

describe('OC private notes', () => {
  it('every read route of the API is asked below', () => {
    expect(readRoutes.length).toBeGreaterThanOrEqual(8)
    expect(readRoutes.filter((r) => !(r in READS))).toEqual([])
  })

  it('reach the area chief of the unit’s area by the pull — the note of a dialogue and the tombstone of a deleted one too', async () => {
    const notes = await notesPulled('oc')
    expect(notes.filter((ch) => PRIVATE_IDS.includes(ch.id)).map((ch) => [ch.id, ch.deleted])).toEqual([
      ['n-private', false],
      ['n-private-gone', true],
      ['n-private-dlg', false],
    ])
    expect(notes.find((ch) => ch.id === 'n-private-dlg')?.record).toMatchObject({ visibility: 'oc_private', dialogueId: 'dlg', body: `${SECRET}, rettet` })
  })

  it.each(WHO.filter((w) => w !== 'oc'))('never reach %s by the pull, not even as a tombstone, while the rest of the dialogue does', async (who) => {
    const notes = await notesPulled(who)
    expect(notes.filter((ch) => PRIVATE_IDS.includes(ch.id))).toEqual([])
    expect(notes.filter((ch) => (ch.record as { visibility?: string } | null)?.visibility === 'oc_private')).toEqual([])
    // The shared note of the same dialogue is theirs when the unit is (not an OC of another area's).
    expect(notes.some((ch) => ch.id === 'n-shared-dlg')).toBe(who !== 'ocSyd')
  })

  it.each(WHO)('are in no other answer to %s, on any read route', async (who) => {
    for (const route of readRoutes) {
      const res = await read(t.app, READS[route]!, c[who])
      expect(res.statusCode, `${route} as ${who}: ${res.body.slice(0, 200)}`).toBeLessThan(500)
      const mayHold = who === 'oc' && route === 'GET /api/sync/pull'
      if (!mayHold) expect(res.body, `${route} as ${who}`).not.toContain(SECRET)
      for (const id of PRIVATE_IDS) if (!mayHold) expect(res.body, `${route} as ${who}`).not.toContain(id)
    }
  })

  it('are not in the history of their dialogue, nor in the marks, for the area chief either', async () => {
    const history = await read(t.app, READS['GET /api/dialogues/{dialogueId}/history']!, c.oc)
    expect(history.statusCode).toBe(200)
    expect(history.body).toContain('Referatet, som lederen også ser')
    const marks = await read(t.app, READS['GET /api/marks']!, c.oc)
    expect(marks.statusCode).toBe(200)
    for (const body of [history.body, marks.body]) {
      expect(body).not.toContain(SECRET)
      for (const id of PRIVATE_IDS) expect(body).not.toContain(id)
    }
  })
})
