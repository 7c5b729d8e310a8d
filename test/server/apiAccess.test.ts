// Closed by default: walks the OpenAPI document (every path × method) and proves that every route
// not on the public list answers 401 without a session, that the public list is exactly the one
// intended, and that the document says which header every state-changing request needs — and that
// the server indeed refuses such a request without it.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app'
import { CSRF_HEADER, CSRF_VALUE } from '../../src/server/auth/guard'
import { PUBLIC_ROUTES } from '../../src/server/routes/publicRoutes'
import { freshDb } from '../helpers/db'
import { insertFixtures, PEOPLE, TODAY } from '../helpers/fixtures'
import { CSRF, login } from '../helpers/http'
import { SYNC_HEADERS } from './syncHarness'
import type { Db } from '../../src/server/db/db'

interface Operation {
  security?: Array<Record<string, string[]>>
  responses?: Record<string, unknown>
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>
  components: { securitySchemes: Record<string, { type: string; in: string; name: string; description: string }> }
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const
const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete'])

// Written out here, not read from PUBLIC_ROUTES: this is what the list must be.
const EXPECTED_PUBLIC = ['GET /api/demo/accounts', 'GET /api/health', 'GET /api/session', 'POST /api/auth/login', 'POST /api/auth/reset-password']

let db: Db
let app: FastifyInstance
let doc: OpenApiDoc
const operations: Array<{ key: string; method: string; path: string; url: string; op: Operation }> = []

beforeAll(async () => {
  db = await freshDb()
  await insertFixtures(db)
  app = await buildApp({ db, demo: true, today: () => TODAY })
  // A route module added later that never mentions sign-in, under a prefix of its own.
  await app.register(
    // eslint-disable-next-line @typescript-eslint/require-await -- written as every route module is, an async plugin (FastifyPluginAsync)
    async (feature) => {
      feature.get('/later', () => ({ secret: true }))
      feature.post('/later', () => ({ secret: true }))
    },
    { prefix: '/api/new-feature' },
  )
  await app.ready()
  doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDoc>()
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      operations.push({ key: `${method.toUpperCase()} ${path}`, method, path, url: path.replace(/\{[^}]+\}/g, 'x'), op })
    }
  }
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const isPublicInDoc = (op: Operation) => !(op.security ?? []).some((requirement) => 'session' in requirement)

function send(method: string, url: string, headers: Record<string, string> = {}) {
  const changes = STATE_CHANGING.has(method)
  return app.inject({
    method: method.toUpperCase() as 'GET',
    url,
    headers: { ...SYNC_HEADERS, ...(changes ? CSRF : {}), ...headers },
    ...(changes ? { payload: {} } : {}),
  })
}

describe('the API is closed by default', () => {
  it('the document lists every route, the one added later too', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10)
    expect(operations.map((o) => o.key)).toEqual(
      expect.arrayContaining([
        'GET /api/units',
        'GET /api/units/{unitId}',
        'POST /api/sync/push',
        'GET /api/sync/pull',
        'GET /api/me',
        'POST /api/auth/logout',
        'GET /api/new-feature/later',
        'POST /api/new-feature/later',
      ]),
    )
  })

  it('declares exactly the intended public routes, and the server keeps the same list', () => {
    const documented = operations
      .filter((o) => isPublicInDoc(o.op))
      .map((o) => o.key)
      .sort()
    expect(documented).toEqual(EXPECTED_PUBLIC)
    // The document itself is public and not listed in itself.
    expect(PUBLIC_ROUTES.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...EXPECTED_PUBLIC, 'GET /api/openapi.json'].sort())
  })

  it('every other route answers 401 without a session, before reading its input', async () => {
    const closed = operations.filter((o) => !isPublicInDoc(o.op))
    expect(closed.length).toBeGreaterThanOrEqual(6)
    for (const o of closed) {
      for (const cookie of [undefined, 'mls_session=opdigtet']) {
        const res = await send(o.method, o.url, cookie ? { cookie } : {})
        expect(res.statusCode, `${o.key} ${cookie ?? 'no cookie'}: ${res.body}`).toBe(401)
        expect(res.json()).toEqual({ error: 'unauthenticated', message: 'Du er ikke logget ind.' })
      }
      expect(o.op.responses, o.key).toHaveProperty('401')
      if (o.method === 'get') expect((await app.inject({ method: 'HEAD', url: o.url, headers: SYNC_HEADERS })).statusCode, `HEAD ${o.path}`).toBe(401)
    }
  })

  it('the public routes answer without a session', async () => {
    for (const o of operations.filter((op) => isPublicInDoc(op.op))) {
      const res = await send(o.method, o.url)
      expect(res.statusCode, o.key).not.toBe(401)
      expect(res.statusCode, o.key).toBeLessThan(500)
    }
    expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200)
  })

  it('a session opens the closed routes (the 401 was the session, not the route)', async () => {
    const cookie = await login(app, PEOPLE.directorate.email)
    expect((await send('get', '/api/new-feature/later', { cookie })).json()).toEqual({ secret: true })
    expect((await send('get', '/api/units', { cookie })).statusCode).toBe(200)
  })
})

describe('the document says what a state-changing request needs', () => {
  it('names the CSRF header and the Origin check as a security scheme', () => {
    const csrf = doc.components.securitySchemes.csrf
    expect(csrf).toMatchObject({ type: 'apiKey', in: 'header' })
    expect(csrf?.name.toLowerCase()).toBe(CSRF_HEADER)
    expect(csrf?.description).toContain(CSRF_VALUE)
    expect(csrf?.description).toContain('Origin')
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'mls_session' })
  })

  it('requires it on every POST/PUT/PATCH/DELETE and on no read, and the server refuses one without it', async () => {
    const changing = operations.filter((o) => STATE_CHANGING.has(o.method))
    expect(changing.length).toBeGreaterThanOrEqual(4)
    for (const o of operations) {
      const requirements = o.op.security ?? []
      if (STATE_CHANGING.has(o.method)) {
        expect(requirements.length, o.key).toBeGreaterThan(0)
        for (const requirement of requirements) expect(requirement, o.key).toHaveProperty('csrf')
        expect(o.op.responses, o.key).toHaveProperty('403')
      } else {
        for (const requirement of requirements) expect(requirement, o.key).not.toHaveProperty('csrf')
      }
    }
    const cookie = await login(app, PEOPLE.leaderA.email)
    for (const o of changing) {
      const res = await app.inject({ method: o.method.toUpperCase() as 'POST', url: o.url, headers: { ...SYNC_HEADERS, cookie }, payload: {} })
      expect(res.statusCode, o.key).toBe(403)
      expect(res.json()).toEqual({ error: 'forbidden', message: 'Forespørgslen blev afvist.' })
    }
  })
})
