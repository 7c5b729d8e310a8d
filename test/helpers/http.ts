// Small helpers for driving the app through app.inject() like the PWA does.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import type { MunicipalitySettings } from '../../src/core/config/settings'
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

/** Saves the municipality's settings in force from a day, as the person of the cookie (the economics team). */
export function saveSettings(app: FastifyInstance, cookie: string, effectiveFrom: IsoDate, settings: MunicipalitySettings) {
  return app.inject({ method: 'POST', url: '/api/config/settings', headers: { ...CSRF, cookie }, payload: { effectiveFrom, settings } })
}

interface FixtureOptions {
  demo?: boolean
  fixtures?: boolean
  today?: () => IsoDate
  dialogueLockDays?: number
}

/** A fresh database with the fixtures and an app on it; close() closes both. */
export async function fixtureApp(opts: FixtureOptions = {}) {
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

export type FixtureApp = Awaited<ReturnType<typeof fixtureApp>>

/**
 * For a test file: a fixture app made before its tests and closed after them, with each person
 * named in `people` signed in (`c.<name>` is their Cookie header). Both are filled in beforeAll,
 * so read them inside hooks and tests.
 */
export function signedInApp<K extends string>(people: Record<K, { email: string }>, opts: FixtureOptions = {}) {
  const t = {} as FixtureApp
  const c = {} as Record<K, string>
  beforeAll(async () => {
    Object.assign(t, await fixtureApp(opts))
    for (const name of Object.keys(people) as K[]) c[name] = await login(t.app, people[name].email)
  })
  afterAll(() => t.close())
  return { t, c }
}
