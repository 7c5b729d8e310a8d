// The HTTP edge: what a request may carry before any route sees it. A NUL byte or a lone surrogate
// in any string is a 400 that names the field (not a 500 from the database), a body over the limit
// is a 413 that says the limit, and malformed JSON or a __proto__ key says what and where.
import { describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, MAX_PUSH_BODY_BYTES } from '../../src/core/http/limits'
import { IDS, PASSWORD, PEOPLE } from '../helpers/fixtures'
import { CSRF, get, signedInApp } from '../helpers/http'
import { PROTOCOL_VERSION } from '../../src/core/sync/protocol'
import { mutation, pushRaw, SYNC_HEADERS } from './syncHarness'
import { textMatching } from '../helpers/match'

const { t, c } = signedInApp({ dir: PEOPLE.directorate, leaderA: PEOPLE.leaderA })

interface ErrorBody {
  error: string
  message: string
  details?: Array<{ path: string; message: string }>
}

function postJsonText(url: string, payload: string, cookie?: string) {
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...CSRF, ...SYNC_HEADERS, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  })
}

function expectBadCharacter(res: { statusCode: number; json: () => unknown }, path: string) {
  expect(res.statusCode).toBe(400)
  const body = res.json() as ErrorBody
  expect(body.error).toBe('invalid_input')
  expect(body.message).toContain(path)
  expect(body.details).toEqual([{ path, message: textMatching(/tegn/) }])
}

describe('NUL bytes and lone surrogates', () => {
  it('refuses a NUL in a path parameter with a 400 naming it (was a 500 from the database)', async () => {
    expectBadCharacter(await get(t.app, `/api/units/${IDS.unitA}%00`, c.dir), 'unitId')
  })

  it('refuses a NUL in the login e-mail with a 400 naming it', async () => {
    const res = await postJsonText('/api/auth/login', JSON.stringify({ email: `${PEOPLE.leaderA.email}\u0000`, password: PASSWORD }))
    expectBadCharacter(res, 'email')
  })

  it('refuses a NUL in the push body’s device id; a NUL in a mutation is that mutation’s lasting refusal', async () => {
    expectBadCharacter(await pushRaw(t.app, c.leaderA, 'dev-\u0000', []), 'deviceId')
    // One bad entry in an outbox must not hold back the rest: the push answers it alone (syncLimits.test.ts).
    const nested = mutation({ table: 'note', recordId: 'n-nul', scopeId: IDS.unitA, fields: { body: 'a\u0000b' } })
    const key = mutation({ table: 'note', recordId: 'n-nul-key', scopeId: IDS.unitA, fields: { 'bo\u0000dy': 'x' } })
    const res = await pushRaw(t.app, c.leaderA, 'dev-nul', [nested, key])
    expect(res.statusCode).toBe(200)
    const results = res.json<{ results: Array<{ status: string; reason?: string }> }>().results
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
    ])
  })

  it('refuses a NUL in a query parameter and a header', async () => {
    expectBadCharacter(await t.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0%00', headers: { ...SYNC_HEADERS, cookie: c.leaderA } }), 'cursor')
    const res = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: c.dir, 'x-device-id': 'dev\u0000' } })
    expectBadCharacter(res, 'x-device-id')
  })

  it('refuses a lone surrogate in a body field', async () => {
    // JSON.stringify would escape it the same way; written out so the test says what is sent.
    const res = await postJsonText('/api/auth/login', `{"email":"leder.a@test.dk","password":"x\\ud800y"}`)
    expectBadCharacter(res, 'password')
  })

  it('still accepts astral characters (a well-formed surrogate pair)', async () => {
    const res = await postJsonText('/api/auth/login', JSON.stringify({ email: PEOPLE.leaderA.email, password: 'kode 😀' }))
    expect(res.statusCode).toBe(401)
  })
})

describe('body size', () => {
  it('answers a body over the limit with a 413 that says the limit', async () => {
    const res = await postJsonText('/api/auth/login', JSON.stringify({ email: PEOPLE.leaderA.email, password: 'x'.repeat(MAX_BODY_BYTES) }))
    expect(res.statusCode).toBe(413)
    expect(res.json()).toEqual({ error: 'too_large', message: `Forespørgslen er for stor (højst ${MAX_BODY_BYTES / 1024} kB).` })
  })

  it('lets a push carry more than other requests, up to its own limit', async () => {
    const fields = { indicator: null, year: null, month: null, body: 'x'.repeat(1000), visibility: 'shared' }
    const many = Array.from({ length: 200 }, (_, i) => mutation({ table: 'note', recordId: `n-big-${i}`, scopeId: IDS.unitA, fields }))
    const body = JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: 'dev-big', mutations: many })
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES)
    expect((await postJsonText('/api/sync/push', body, c.leaderA)).statusCode).toBe(200)
    const tooBig = JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: 'dev-big', mutations: [], pad: 'x'.repeat(MAX_PUSH_BODY_BYTES) })
    const res = await postJsonText('/api/sync/push', tooBig, c.leaderA)
    expect(res.statusCode).toBe(413)
    expect(res.json()).toEqual({ error: 'too_large', message: `Forespørgslen er for stor (højst ${MAX_PUSH_BODY_BYTES / 1024 / 1024} MB).` })
  })
})

describe('malformed bodies say what and where', () => {
  it('names the position of a JSON syntax error', async () => {
    const res = await postJsonText('/api/auth/login', '{"email": "a@b.dk" "password": "x"}')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: 'bad_request', message: 'Ugyldig JSON i forespørgslen ved position 19.' })
  })

  it('says when the JSON ends too early or is missing', async () => {
    const cut = await postJsonText('/api/auth/login', '{"email": ')
    expect(cut.statusCode).toBe(400)
    expect(cut.json()).toEqual({ error: 'bad_request', message: 'Ugyldig JSON i forespørgslen: den slutter for tidligt.' })
    const empty = await postJsonText('/api/auth/login', '')
    expect(empty.statusCode).toBe(400)
    expect(empty.json()).toMatchObject({ error: 'bad_request', message: textMatching(/ingen JSON/) })
  })

  it('refuses a __proto__ key and says which field, also nested', async () => {
    const top = await postJsonText('/api/auth/login', '{"email":"leder.a@test.dk","password":"x","__proto__":{"admin":true}}')
    expect(top.statusCode).toBe(400)
    expect(top.json()).toMatchObject({ error: 'invalid_input', message: 'Feltet __proto__ er ikke tilladt.', details: [{ path: '__proto__' }] })
    const nested = await postJsonText('/api/sync/push', '{"protocol":1,"deviceId":"d","mutations":[{"fields":{"__proto__":{}}}]}', c.leaderA)
    expect(nested.statusCode).toBe(400)
    expect(nested.json()).toMatchObject({ message: 'Feltet mutations.0.fields.__proto__ er ikke tilladt.' })
    const ctor = await postJsonText('/api/auth/login', '{"email":"a@b.dk","password":"x","constructor":{"prototype":{}}}')
    expect(ctor.statusCode).toBe(400)
    expect(ctor.json()).toMatchObject({ message: 'Feltet constructor.prototype er ikke tilladt.' })
  })

  it('says that the body must be JSON when it is something else', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...CSRF, 'content-type': 'text/plain' }, payload: 'hej' })
    expect(res.statusCode).toBe(415)
    expect(res.json()).toEqual({ error: 'unsupported_media_type', message: 'Forespørgslen skal være JSON (Content-Type: application/json).' })
  })
})

describe('addresses the router cannot read', () => {
  it('answers a %-escape that is not UTF-8 in the one error shape, in Danish', async () => {
    const res = await get(t.app, '/api/units/%ED%A0%80', c.dir)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: 'bad_request', message: 'Adressen indeholder en %-kode, der ikke er gyldig UTF-8.' })
  })

  it('answers a path segment over the router’s limit in the one error shape', async () => {
    const res = await get(t.app, `/api/units/${'x'.repeat(150)}`, c.dir)
    expect(res.statusCode).toBe(414)
    expect(res.json()).toEqual({ error: 'uri_too_long', message: 'En del af adressen er for lang.' })
  })
})
