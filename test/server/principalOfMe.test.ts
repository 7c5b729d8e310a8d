// The device asks the same access policy as the server (core/sync/access.ts), with the principal
// it builds from /api/me (core/principal.ts principalOf). It must be the server's own principal for
// that person (auth/scope.ts scopeFor) — every role, scope and the chief's units — or a form would
// offer what the server refuses, or hide what it allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { meSchema } from '../../src/core/http/auth'
import { principalOf, type Principal } from '../../src/core/principal'
import { scopeFor } from '../../src/server/auth/scope'
import { fixtureApp, get, login } from '../helpers/http'
import { PEOPLE } from '../helpers/fixtures'

let t: Awaited<ReturnType<typeof fixtureApp>>
beforeAll(async () => {
  t = await fixtureApp()
})
afterAll(() => t.close())

/** Sets as sorted arrays, so two principals compare by content. */
const plainPrincipal = (p: Principal) => {
  const list = (s: ReadonlySet<string> | 'all') => (s === 'all' ? 'all' : [...s].sort())
  return { ...p, unitIds: list(p.unitIds), areaIds: list(p.areaIds), municipalityIds: list(p.municipalityIds), chiefUnits: list(p.chiefUnits) }
}

describe('principalOf(/api/me)', () => {
  it.each(['leaderA', 'leaderC', 'ocNord', 'directorate', 'economics'] as const)('is the server’s principal for %s', async (who) => {
    const cookie = await login(t.app, PEOPLE[who].email)
    const me = (await get(t.app, '/api/me', cookie)).json<z.infer<typeof meSchema>>()
    expect(plainPrincipal(principalOf(me))).toEqual(plainPrincipal(await scopeFor(t.db, PEOPLE[who].id)))
  })
})
