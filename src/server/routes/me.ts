import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireSession } from '../auth/guard'
import { scopeFor } from '../auth/scope'
import type { AppContext } from '../context'
import { ErrorSchema, MeSchema } from '../http/schemas'
import { rolesOf } from '../repos/people'
import { listAreas, listUnits } from '../repos/units'

export const meRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, session }) => {
  app.get(
    '/api/me',
    {
      preHandler: requireSession(db, session),
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person, their roles, and the units and areas in their scope',
        response: { 200: MeSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const person = request.person!
      const scope = await scopeFor(db, person.id)
      const [roles, units, areas] = await Promise.all([
        rolesOf(db, person.id),
        listUnits(db, scope.unitIds === 'all' ? null : [...scope.unitIds]),
        listAreas(db, scope.areaIds === 'all' ? null : [...scope.areaIds]),
      ])
      return { person, roles, units: units.map((u) => ({ id: u.id, name: u.name, areaId: u.areaId })), areas }
    },
  )
}
