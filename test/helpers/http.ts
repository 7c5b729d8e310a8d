// Small helpers for driving the app through app.inject() like the PWA does.
import type { FastifyInstance } from 'fastify'
import type { IsoDate } from '../../src/core/types'
import { buildApp } from '../../src/server/app'
import { freshDb } from './db'
import { insertFixtures, PASSWORD, TODAY } from './fixtures'

export const CSRF = { 'x-requested-with': 'min-lederside' }

/** Logs in and returns the Cookie header value for later requests. */
export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: CSRF, payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === 'mls_session')
  if (!cookie) throw new Error('no session cookie')
  return `mls_session=${cookie.value}`
}

export function get(app: FastifyInstance, url: string, cookie?: string) {
  return app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })
}

/** A fresh database with the fixtures and an app on it; close() closes both. */
export async function fixtureApp(opts: { demo?: boolean; fixtures?: boolean; today?: () => IsoDate; dialogueLockDays?: number } = {}) {
  const db = await freshDb()
  if (opts.fixtures !== false) await insertFixtures(db)
  const app = await buildApp({ db, demo: opts.demo ?? false, today: opts.today ?? (() => TODAY), dialogueLockDays: opts.dialogueLockDays })
  await app.ready()
  return {
    app,
    db,
    async close() {
      await app.close()
      await db.close()
    },
  }
}
