// People and roles through the HTTP API, on a fresh database: the economics team lists, makes and
// changes people and their roles (which then decide what they reach), deactivates one — whose
// session ends at once and who cannot sign in — and lets them in again, and makes a one-time link
// with which a person without a password chooses one. Nobody else has these routes.
import { describe, expect, it } from 'vitest'
import type { PeopleList, PersonEntry, ResetLink } from '../../src/core/http/people'
import { scopeFor } from '../../src/server/auth/scope'
import { CSRF, get, login, signedInApp } from '../helpers/http'
import { IDS, PASSWORD, PEOPLE } from '../helpers/fixtures'

const { t, c } = signedInApp({ eco: PEOPLE.economics, dir: PEOPLE.directorate, oc: PEOPLE.ocNord, leaderA: PEOPLE.leaderA, leaderC: PEOPLE.leaderC })

const send = (method: 'POST' | 'PUT', url: string, payload?: object, cookie = c.eco) =>
  t.app.inject({ method, url, headers: { ...CSRF, cookie }, ...(payload ? { payload } : {}) })
const people = async () => (await get(t.app, '/api/config/people', c.eco)).json<PeopleList>()
const loginStatus = async (email: string, password = PASSWORD) =>
  (await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: CSRF, payload: { email, password } })).statusCode

describe('people and roles', () => {
  it('lists everyone with their roles, whether they may sign in and have a password, and the units and areas', async () => {
    const list = await people()
    expect(list.people.find((p) => p.id === PEOPLE.leaderA.id)).toEqual({
      id: PEOPLE.leaderA.id,
      name: PEOPLE.leaderA.name,
      email: PEOPLE.leaderA.email,
      active: true,
      hasPassword: true,
      roles: [{ role: 'leader', unitId: IDS.unitA, areaId: null }],
    })
    expect(list.people.find((p) => p.id === PEOPLE.noPassword.id)?.hasPassword).toBe(false)
    expect(list.units.map((u) => u.name)).toEqual(['Askeskolen', 'Bøgehuset', 'Cedervejens Skole', 'Damskolen'])
    expect(list.areas.map((a) => a.name)).toEqual(['Område Nord', 'Område Syd'])
  })

  it('makes a person with a role, who then reaches the unit; an e-mail already taken is refused on its field', async () => {
    const made = await send('POST', '/api/config/people', {
      name: 'Ida Ny',
      email: 'Ida.Ny@Test.dk',
      roles: [{ role: 'leader', unitId: IDS.unitD, areaId: null }],
    })
    expect(made.statusCode).toBe(201)
    const ida = made.json<PersonEntry>()
    expect(ida).toMatchObject({ name: 'Ida Ny', email: 'ida.ny@test.dk', active: true, hasPassword: false })
    expect((await scopeFor(t.db, ida.id)).unitIds).toEqual(new Set([IDS.unitD]))
    const taken = await send('POST', '/api/config/people', { name: 'Ida To', email: 'ida.ny@test.dk', roles: [] })
    expect(taken.statusCode).toBe(422)
    expect(taken.json()).toMatchObject({ details: [{ path: 'email', message: 'Der findes allerede en person med e-mailadressen ida.ny@test.dk.' }] })
    const noUnit = await send('POST', '/api/config/people', {
      name: 'Uden Enhed',
      email: 'uden@test.dk',
      roles: [{ role: 'leader', unitId: null, areaId: null }],
    })
    expect(noUnit.statusCode).toBe(400)
    expect(noUnit.json<{ details: Array<{ message: string }> }>().details.map((d) => d.message)).toEqual([
      'En leder skal have en enhed — og kun en leder har det.',
    ])
  })

  it('changes a person’s roles whole: leader C made area chief of Nord reaches its units, and no longer unit C', async () => {
    const res = await send('PUT', `/api/config/people/${PEOPLE.leaderC.id}`, {
      name: PEOPLE.leaderC.name,
      email: PEOPLE.leaderC.email,
      roles: [{ role: 'area_chief', unitId: null, areaId: IDS.areaNord }],
    })
    expect(res.statusCode).toBe(200)
    const scope = await scopeFor(t.db, PEOPLE.leaderC.id)
    expect(scope.chiefUnits).toEqual(new Set([IDS.unitA, IDS.unitB, IDS.unitD]))
    expect((scope.unitIds as Set<string>).has(IDS.unitC)).toBe(false)
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where table_name = 'person' and record_id = $1`, [PEOPLE.leaderC.id])
    expect(audit).toEqual([{ action: 'people.update' }])
  })

  it('deactivates a person: their session ends at once and they cannot sign in, until let in again', async () => {
    expect((await get(t.app, '/api/me', c.leaderA)).statusCode).toBe(200)
    const res = await send('POST', `/api/config/people/${PEOPLE.leaderA.id}/deactivate`)
    expect(res.json<PersonEntry>().active).toBe(false)
    expect((await get(t.app, '/api/me', c.leaderA)).statusCode).toBe(401)
    expect(await loginStatus(PEOPLE.leaderA.email)).toBe(401)
    await send('POST', `/api/config/people/${PEOPLE.leaderA.id}/reactivate`)
    expect(await loginStatus(PEOPLE.leaderA.email)).toBe(200)
  })

  it('refuses to let the economics team lock itself out', async () => {
    const self = await send('POST', `/api/config/people/${PEOPLE.economics.id}/deactivate`)
    expect(self.statusCode).toBe(422)
    const ownRole = await send('PUT', `/api/config/people/${PEOPLE.economics.id}`, { name: PEOPLE.economics.name, email: PEOPLE.economics.email, roles: [] })
    expect(ownRole.json()).toMatchObject({ details: [{ path: 'roles', message: 'Du kan ikke fjerne din egen rolle i økonomiteamet. Bed en kollega om det.' }] })
    expect((await get(t.app, '/api/me', c.eco)).statusCode).toBe(200)
  })

  it('makes a one-time link with which a person without a password chooses one, and signs in with it', async () => {
    const res = await send('POST', `/api/config/people/${PEOPLE.noPassword.id}/reset-link`)
    expect(res.statusCode).toBe(200)
    const link = res.json<ResetLink>()
    expect(link.path).toMatch(/^\/logind#nulstil=[\w-]{43}$/)
    const token = link.path.split('=')[1]!
    const choose = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/reset-password', headers: CSRF, payload: { token, password } })
    const short = await choose('kort')
    expect(short.statusCode).toBe(400)
    expect(short.json<{ details: Array<{ message: string }> }>().details.map((d) => d.message)).toEqual(['Adgangskoden skal være mindst 10 tegn.'])
    expect((await choose('en lang nok adgangskode')).statusCode).toBe(204)
    expect(await loginStatus(PEOPLE.noPassword.email, 'en lang nok adgangskode')).toBe(200)
    const again = await choose('en anden adgangskode')
    expect(again.statusCode).toBe(410)
    expect(again.json<{ message: string }>().message).toBe(
      'Linket kan ikke bruges: det er brugt, udløbet eller erstattet af et nyere. Bed økonomiteamet om et nyt.',
    )
  })

  it('a newer link replaces the older one', async () => {
    const first = (await send('POST', `/api/config/people/${PEOPLE.leaderA.id}/reset-link`)).json<ResetLink>()
    await send('POST', `/api/config/people/${PEOPLE.leaderA.id}/reset-link`)
    const token = first.path.split('=')[1]!
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', headers: CSRF, payload: { token, password: 'en lang nok adgangskode' } })
    expect(res.statusCode).toBe(410)
  })

  it('is the economics team’s alone: every other role meets an address that does not exist', async () => {
    for (const cookie of [c.dir, c.oc, await login(t.app, PEOPLE.leaderA.email)]) {
      expect((await get(t.app, '/api/config/people', cookie)).statusCode).toBe(404)
      expect((await send('POST', '/api/config/people', { name: 'X', email: 'x@test.dk', roles: [] }, cookie)).statusCode).toBe(404)
      expect((await send('PUT', `/api/config/people/${PEOPLE.leaderA.id}`, { name: 'X', email: 'x@test.dk', roles: [] }, cookie)).statusCode).toBe(404)
      expect((await send('POST', `/api/config/people/${PEOPLE.leaderA.id}/deactivate`, undefined, cookie)).statusCode).toBe(404)
      expect((await send('POST', `/api/config/people/${PEOPLE.leaderA.id}/reset-link`, undefined, cookie)).statusCode).toBe(404)
    }
    expect((await get(t.app, '/api/config/people')).statusCode).toBe(401)
  })
})
