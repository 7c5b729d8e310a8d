// The authorisation matrix: every person × every unit × every unit read route. A unit out of
// scope must answer exactly like a unit that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canReadPrivateOcNotes, canReadUnit, scopeFor } from '../../src/server/auth/scope'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { fixtureApp, get, login } from '../helpers/http'

const ALL_UNITS = [IDS.unitA, IDS.unitB, IDS.unitC, IDS.unitD]
const MADE_UP = ['findes-ikke', 'unit-skole-x', IDS.unitA.toUpperCase()]

/** Every route that reads one unit. A new unit read route must be added here. */
const UNIT_READ_ROUTES: Array<(unitId: string) => string> = [(id) => `/api/units/${encodeURIComponent(id)}`]

const MATRIX: Record<string, { email: string; units: string[] }> = {
  leaderA: { email: PEOPLE.leaderA.email, units: [IDS.unitA] },
  leaderC: { email: PEOPLE.leaderC.email, units: [IDS.unitC] },
  ocNord: { email: PEOPLE.ocNord.email, units: [IDS.unitA, IDS.unitB, IDS.unitD] },
  ocSyd: { email: PEOPLE.ocSyd.email, units: [IDS.unitC] },
  directorate: { email: PEOPLE.directorate.email, units: ALL_UNITS },
  economics: { email: PEOPLE.economics.email, units: ALL_UNITS },
  noRole: { email: PEOPLE.noRole.email, units: [] },
  multi: { email: 'multi@test.dk', units: [IDS.unitA, IDS.unitB, IDS.unitC, IDS.unitD] },
}

let t: Awaited<ReturnType<typeof fixtureApp>>
const cookies: Record<string, string> = {}
beforeAll(async () => {
  t = await fixtureApp()
  // An OC of Nord who also leads a school in Syd: the scope is the union of both roles.
  await t.db.query(
    `insert into person (id, email, name, password_hash) select 'p-multi', 'multi@test.dk', 'Mona Multi', password_hash from person where id = $1`,
    [PEOPLE.leaderA.id],
  )
  await t.db.query(
    `insert into role_assignment (id, person_id, role, unit_id, area_id) values ('ra-m1', 'p-multi', 'area_chief', null, $1), ('ra-m2', 'p-multi', 'leader', $2, null)`,
    [IDS.areaNord, IDS.unitC],
  )
  for (const [key, { email }] of Object.entries(MATRIX)) cookies[key] = await login(t.app, email)
})
afterAll(() => t.close())

describe.each(Object.entries(MATRIX))('%s', (key, { units }) => {
  it('sees exactly its units in the list', async () => {
    const res = await get(t.app, '/api/units', cookies[key])
    expect(res.statusCode).toBe(200)
    expect(
      res
        .json<{ units: Array<{ id: string }> }>()
        .units.map((u) => u.id)
        .sort(),
    ).toEqual([...units].sort())
  })

  it.each(UNIT_READ_ROUTES.map((route, i) => [i, route] as const))('unit read route %i: in scope 200, else the 404 of a made-up id', async (_i, route) => {
    const missing = await get(t.app, route(MADE_UP[0]!), cookies[key])
    expect(missing.statusCode).toBe(404)
    for (const id of MADE_UP.slice(1)) {
      const other = await get(t.app, route(id), cookies[key])
      expect([other.statusCode, other.body]).toEqual([404, missing.body])
    }
    for (const unitId of ALL_UNITS) {
      const res = await get(t.app, route(unitId), cookies[key])
      if (units.includes(unitId)) {
        expect(res.statusCode, `${key} → ${unitId}`).toBe(200)
      } else {
        expect(res.statusCode, `${key} → ${unitId}`).toBe(404)
        expect(res.body).toBe(missing.body)
        expect(res.headers['content-type']).toBe(missing.headers['content-type'])
      }
    }
  })
})

describe('without a session', () => {
  it.each(['/api/units', '/api/me', ...UNIT_READ_ROUTES.map((r) => r(IDS.unitA))])('%s is 401', async (url) => {
    const res = await get(t.app, url)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ error: 'unauthenticated', message: 'Du er ikke logget ind.' })
  })
})

describe('scopeFor', () => {
  it('gives the directorate and economics every unit but no OC private notes', async () => {
    for (const id of [PEOPLE.directorate.id, PEOPLE.economics.id]) {
      const scope = await scopeFor(t.db, id)
      expect(scope.unitIds).toBe('all')
      expect(scope.areaIds).toBe('all')
      expect(canReadUnit(scope, 'anything')).toBe(true)
      expect(canReadPrivateOcNotes(scope, IDS.unitA)).toBe(false)
    }
  })

  it('lets an OC read private notes of the own area only', async () => {
    const scope = await scopeFor(t.db, PEOPLE.ocNord.id)
    expect(canReadPrivateOcNotes(scope, IDS.unitA)).toBe(true)
    expect(canReadPrivateOcNotes(scope, IDS.unitC)).toBe(false)
    expect(scope.areaIds).toEqual(new Set([IDS.areaNord]))
  })

  it('gives a leader the own unit, its area, and no private notes', async () => {
    const scope = await scopeFor(t.db, PEOPLE.leaderA.id)
    expect(scope.unitIds).toEqual(new Set([IDS.unitA]))
    expect(scope.areaIds).toEqual(new Set([IDS.areaNord]))
    expect(canReadPrivateOcNotes(scope, IDS.unitA)).toBe(false)
    expect(scope.roles).toEqual([{ role: 'leader', unitId: IDS.unitA, areaId: null }])
  })

  it('unions several roles', async () => {
    const scope = await scopeFor(t.db, 'p-multi')
    expect(scope.unitIds).toEqual(new Set(ALL_UNITS))
    expect(scope.areaIds).toEqual(new Set([IDS.areaNord, IDS.areaSyd]))
    expect(canReadPrivateOcNotes(scope, IDS.unitC)).toBe(false) // leads C, but is not its OC
  })

  it('gives nothing to a person without roles', async () => {
    const scope = await scopeFor(t.db, PEOPLE.noRole.id)
    expect(scope.unitIds).toEqual(new Set())
    expect(canReadUnit(scope, IDS.unitA)).toBe(false)
  })
})
