import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import { migrate } from '../../src/server/db/migrate'
import { TODAY } from '../helpers/fixtures'
import { fixtureApp } from '../helpers/http'

// One database for the whole file (PGlite takes about a second to start).
let t: Awaited<ReturnType<typeof fixtureApp>>
let demoApp: FastifyInstance
beforeAll(async () => {
  t = await fixtureApp({ demo: false })
  demoApp = await buildApp({ db: t.db, demo: true, today: () => TODAY })
})
afterAll(async () => {
  await demoApp.close()
  await t.close()
})

describe('system routes', () => {
  it('GET /api/health answers ok with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ok: true, db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' })
  })

  it('migrations are idempotent: a second run applies nothing and keeps the data', async () => {
    expect(await migrate(t.db)).toEqual([])
    expect(await migrate(t.db)).toEqual([])
    const rows = await t.db.query<{ name: string }>('select name from schema_migration order by name')
    expect(rows.map((r) => r.name)).toContain('001_schema.sql')
    const units = await t.db.query('select id from unit')
    expect(units).toHaveLength(4)
  })

  it('GET /api/openapi.json lists the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/auth/logout', '/api/me', '/api/units', '/api/units/{unitId}']),
    )
    expect(doc.paths['/api/auth/login']).toHaveProperty('post')
    expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json')
  })

  it('an unknown /api path is a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: 'not_found' })
  })

  it('sends a strict Content-Security-Policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("img-src 'self' data:")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('unsafe-inline')
  })
})

describe('demo mode', () => {
  it('GET /api/demo/accounts lists accounts with their roles and places', async () => {
    const res = await demoApp.inject({ method: 'GET', url: '/api/demo/accounts' })
    expect(res.statusCode).toBe(200)
    const accounts = res.json<Array<Record<string, string>>>()
    expect(accounts[0]).toMatchObject({ email: 'direktion@test.dk', role: 'directorate' })
    expect(accounts).toContainEqual(
      expect.objectContaining({
        email: 'leder.a@test.dk',
        role: 'leader',
        unitId: 'unit-skole-a',
        unitName: 'Askeskolen',
        areaId: 'area-nord',
        areaName: 'Område Nord',
      }),
    )
    expect(accounts).toContainEqual(expect.objectContaining({ email: 'oc.nord@test.dk', role: 'area_chief', areaName: 'Område Nord' }))
  })

  it('is 404 when demo mode is off', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/demo/accounts' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: 'not_found', message: 'Adressen findes ikke.' })
  })
})

describe('Db', () => {
  it('returns dates as YYYY-MM-DD and numerics as exact strings on both engines', async () => {
    const [row] = await t.db.query<{ d: unknown; n: unknown; c: unknown }>(
      `select '2024-02-29'::date as d, 1234567.89::numeric(14,2) as n, count(*) as c from unit`,
    )
    expect(row).toEqual({ d: '2024-02-29', n: '1234567.89', c: 4 })
  })

  it('rolls a failed transaction back and commits a good one', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`insert into municipality (id, name) values ('tx-1', 'Rullet tilbage')`)
        throw new Error('fortryd')
      }),
    ).rejects.toThrow('fortryd')
    expect(await t.db.query(`select id from municipality where id = 'tx-1'`)).toEqual([])
    await t.db.transaction((tx) => tx.query(`insert into municipality (id, name) values ('tx-2', 'Gemt')`))
    expect(await t.db.query(`select id from municipality where id = 'tx-2'`)).toEqual([{ id: 'tx-2' }])
  })
})
