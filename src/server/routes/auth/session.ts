import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { meSchema, sessionResponseSchema } from '../../../core/http/auth'
import { sessionToken } from '../../auth/guard'
import { scopeFor } from '../../auth/scope'
import { findSession, setSessionCookie, type SessionConfig, type SessionPerson } from '../../auth/sessions'
import type { AppContext } from '../../context'
import type { Db } from '../../db/db'
import { theMunicipality } from '../../repos/municipality'
import { settingsOn } from '../../config/settings'
import type { IsoDate } from '../../../core/types'
import { rolesOf } from '../../repos/people'
import { listAreas, listUnits } from '../../repos/units'

/** What a person's device knows of them: roles, units and areas in scope, and the municipality by its settings. */
async function loadMe(db: Db, person: SessionPerson, day: IsoDate, lockDays: number): Promise<z.infer<typeof meSchema>> {
  const scope = await scopeFor(db, person.id)
  const [roles, units, areas, municipality] = await Promise.all([
    rolesOf(db, person.id),
    listUnits(db, scope.unitIds === 'all' ? null : [...scope.unitIds]),
    listAreas(db, scope.areaIds === 'all' ? null : [...scope.areaIds]),
    theMunicipality(db),
  ])
  const settings = municipality ? await settingsOn(db, municipality.id, day, lockDays) : null
  return {
    person,
    roles,
    units: units.map((u) => ({ id: u.id, name: u.name, areaId: u.areaId })),
    areas,
    municipality:
      municipality && settings ? { id: municipality.id, name: settings.name, logoText: settings.logoText, indicatorsOff: settings.indicatorsOff } : null,
  }
}

/** The signed-in person, or null — never a 401 (see /api/session below). */
async function optionalPerson(db: Db, config: SessionConfig, request: FastifyRequest, reply: FastifyReply): Promise<SessionPerson | null> {
  const token = sessionToken(request)
  const found = token ? await findSession(db, token, config) : null
  if (!found || !token) return null
  if (found.renewedUntil) setSessionCookie(request, reply, token, found.renewedUntil)
  return found.person
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const sessionRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, session, today, lockDays, dialogueLockDays }) => {
  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person, their roles, and the units and areas in their scope',
        response: { 200: meSchema },
      },
    },
    async (request) => loadMe(db, request.person!, today(), dialogueLockDays),
  )

  // The app asks "who am I, if anyone?" on every start. Answering "nobody" with 200 rather than 401
  // keeps a normal visit to the sign-in page free of failed requests.
  app.get(
    '/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person as /api/me gives it (or null when nobody is signed in), the server’s day and the settings its rules use',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const person = await optionalPerson(db, session, request, reply)
      return { me: person ? await loadMe(db, person, today(), dialogueLockDays) : null, today: today(), settings: { dialogueLockDays: await lockDays() } }
    },
  )
}
