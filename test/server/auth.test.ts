import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, PEOPLE, TODAY } from '../helpers/fixtures'
import { CSRF, fixtureApp, get, login } from '../helpers/http'
import { deleteSession, findSession } from '../../src/server/auth/sessions'

let t: Awaited<ReturnType<typeof fixtureApp>>
beforeAll(async () => {
  t = await fixtureApp()
})
afterAll(() => t.close())

const GENERIC_401 = { error: 'invalid_credentials', message: 'Forkert e-mail eller adgangskode.' }

function postLogin(payload: unknown, headers: Record<string, string> = CSRF) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: payload as object })
}

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the person', async () => {
    const res = await postLogin({ email: PEOPLE.leaderA.email, password: PASSWORD })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ person: PEOPLE.leaderA })
    const cookie = res.cookies.find((c) => c.name === 'mls_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // Plain http to localhost (inject) is the one case without Secure.
    expect(cookie?.secure).toBeFalsy()
  })

  it('stores only the hash of the token', async () => {
    const res = await postLogin({ email: PEOPLE.leaderC.email, password: PASSWORD })
    const token = res.cookies.find((c) => c.name === 'mls_session')?.value
    const rows = await t.db.query<{ token_hash: string }>('select token_hash from session where person_id = $1', [PEOPLE.leaderC.id])
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.token_hash)).not.toContain(token)
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('accepts the e-mail in any case', async () => {
    const res = await postLogin({ email: PEOPLE.ocNord.email.toUpperCase(), password: PASSWORD })
    expect(res.statusCode).toBe(200)
  })

  it('answers every failure with the same generic 401', async () => {
    const wrong = await postLogin({ email: PEOPLE.directorate.email, password: 'forkert' })
    const unknown = await postLogin({ email: 'findes.ikke@test.dk', password: PASSWORD })
    const noHash = await postLogin({ email: PEOPLE.noPassword.email, password: PASSWORD })
    for (const res of [wrong, unknown, noHash]) {
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual(GENERIC_401)
      expect(res.cookies.find((c) => c.name === 'mls_session')).toBeUndefined()
    }
  })

  it('rejects a malformed body with a Danish 400 naming the field', async () => {
    const res = await postLogin({ email: PEOPLE.leaderA.email })
    expect(res.statusCode).toBe(400)
    const body = res.json<{ error: string; message: string; details: Array<{ path: string; message: string }> }>()
    expect(body.error).toBe('invalid_input')
    expect(body.message).toBe('Oplysningerne i forespørgslen er ikke gyldige.')
    expect(body.details).toContainEqual(expect.objectContaining({ path: 'password' }))
  })

  it('rate-limits repeated attempts for one e-mail with a Danish 429', async () => {
    const email = PEOPLE.economics.email
    for (let i = 0; i < 5; i++) expect((await postLogin({ email, password: 'forkert' })).statusCode).toBe(401)
    const res = await postLogin({ email, password: PASSWORD })
    expect(res.statusCode).toBe(429)
    expect(res.json()).toEqual({ error: 'rate_limited', message: 'For mange forsøg. Vent et minut, og prøv igen.' })
  })
})

describe('CSRF', () => {
  it('refuses a state-changing request without the X-Requested-With header', async () => {
    const res = await postLogin({ email: PEOPLE.leaderA.email, password: PASSWORD }, {})
    expect(res.statusCode).toBe(403)
    expect(res.json()).toEqual({ error: 'forbidden', message: 'Forespørgslen blev afvist.' })
  })

  it('refuses a foreign Origin, accepts the own one', async () => {
    const foreign = await postLogin(
      { email: PEOPLE.leaderA.email, password: PASSWORD },
      { ...CSRF, origin: 'https://evil.example', host: 'lederside.kommune.dk' },
    )
    expect(foreign.statusCode).toBe(403)
    const own = await postLogin(
      { email: PEOPLE.leaderA.email, password: PASSWORD },
      { ...CSRF, origin: 'https://lederside.kommune.dk', host: 'lederside.kommune.dk' },
    )
    expect(own.statusCode).toBe(200)
    // Outside localhost the cookie is Secure.
    expect(own.cookies.find((c) => c.name === 'mls_session')?.secure).toBe(true)
  })

  it('refuses logout without the header', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout' })
    expect(res.statusCode).toBe(403)
  })
})

describe('session', () => {
  it('GET /api/me without a session is 401', async () => {
    const res = await get(t.app, '/api/me')
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ error: 'unauthenticated', message: 'Du er ikke logget ind.' })
    expect((await get(t.app, '/api/me', 'mls_session=opdigtet')).statusCode).toBe(401)
  })

  it('GET /api/me returns the person, roles, units and areas, and the municipality', async () => {
    const cookie = await login(t.app, PEOPLE.leaderA.email)
    const res = await get(t.app, '/api/me', cookie)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      person: PEOPLE.leaderA,
      roles: [{ role: 'leader', unitId: 'unit-skole-a' }],
      units: [{ id: 'unit-skole-a', name: 'Askeskolen', areaId: 'area-nord' }],
      areas: [{ id: 'area-nord', name: 'Område Nord', municipalityId: 'kommune-test' }],
      municipality: { id: 'kommune-test', name: 'Testkommune', logoText: 'Testkommune', indicatorsOff: [] },
    })
  })

  it('GET /api/session answers 200 with me: null without a valid session, and the person with one, both with the server’s today and settings', async () => {
    for (const cookie of [undefined, 'mls_session=opdigtet']) {
      const res = await get(t.app, '/api/session', cookie)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ me: null, today: TODAY, settings: { dialogueLockDays: 14 } })
    }
    const cookie = await login(t.app, PEOPLE.leaderA.email)
    const res = await get(t.app, '/api/session', cookie)
    expect(res.json<{ me: unknown }>().me).toEqual((await get(t.app, '/api/me', cookie)).json())
    expect(res.json<{ today: string }>().today).toBe(TODAY)
    expect(res.json<{ settings: unknown }>().settings).toEqual({ dialogueLockDays: 14 })
  })

  it('GET /api/session tells the device the server’s lock days (DIALOGUE_LOCK_DAYS), so it shows a dialogue locked as the server judges it', async () => {
    const other = await fixtureApp({ fixtures: false, dialogueLockDays: 7 })
    try {
      const res = await get(other.app, '/api/session')
      expect(res.json()).toEqual({ me: null, today: TODAY, settings: { dialogueLockDays: 7 } })
    } finally {
      await other.close()
    }
  })

  it('an expired session is refused', async () => {
    const cookie = await login(t.app, PEOPLE.leaderC.email)
    await t.db.query(`update session set expires_at = now() - interval '1 minute' where person_id = $1`, [PEOPLE.leaderC.id])
    expect((await get(t.app, '/api/me', cookie)).statusCode).toBe(401)
  })

  it('logout deletes the session and clears the cookie', async () => {
    const cookie = await login(t.app, PEOPLE.directorate.email)
    expect((await get(t.app, '/api/me', cookie)).statusCode).toBe(200)
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...CSRF, cookie } })
    expect(out.statusCode).toBe(204)
    const cleared = out.cookies.find((c) => c.name === 'mls_session')
    expect(cleared?.value).toBe('')
    expect((await get(t.app, '/api/me', cookie)).statusCode).toBe(401)
  })

  // The embedded database's sessions are remembered for a few seconds (sessions.ts): a logout
  // must still end them at once, also when a lookup was under way at the same moment.
  it('a session looked up while it is being logged out is not remembered', async () => {
    const cookie = await login(t.app, PEOPLE.leaderA.email)
    const token = cookie.split('=')[1]!
    const config = { days: 30 }
    expect(await findSession(t.db, token, config)).not.toBeNull()
    await Promise.all([findSession(t.db, token, config), deleteSession(t.db, token), findSession(t.db, token, config)])
    expect(await findSession(t.db, token, config)).toBeNull()
    expect((await get(t.app, '/api/me', cookie)).statusCode).toBe(401)
  })
})
