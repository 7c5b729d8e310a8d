// Failures never leak internals: a 5xx body is generic and the detail goes to the log only.
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'

const brokenDb: Db = {
  kind: 'postgres',
  query: () => Promise.reject(new Error('connection refused: secret-host:5432 password=hunter2')),
  exec: () => Promise.reject(new Error('down')),
  transaction: () => Promise.reject(new Error('down')),
  close: () => Promise.resolve(),
}

describe('error handler', () => {
  it('answers a server failure with the generic Danish 500', async () => {
    const app = await buildApp({ db: brokenDb, demo: false })
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: 'internal', message: 'Der skete en fejl på serveren.' })
    expect(res.body).not.toContain('hunter2')
    await app.close()
  })

  it('answers malformed JSON with a 400, not a 500', async () => {
    const app = await buildApp({ db: brokenDb, demo: false })
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-requested-with': 'min-lederside', 'content-type': 'application/json' },
      payload: '{"email": ',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'bad_request' })
    await app.close()
  })
})
