// The OCs' marks for the directorate (DOMAIN.md: best practice recommended by OCs, special units):
// the active ones with their unit and area — every area for the directorate, their own for an area
// chief. Nobody else has this list: a leader or the economics team gets the 404 of an address that
// does not exist, as the API answers what is not for the asker.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { markListQuerySchema, markListSchema } from '../../../core/http/dialogues'
import { errorSchema } from '../../../core/http/errors'
import { scopeFor, type Scope } from '../../auth/scope'
import type { AppContext } from '../../context'
import { notFoundRoute } from '../../http/errors'
import { activeMarks } from '../../repos/marks'

/** The units whose marks this person reads (null: every unit), or undefined when the list is not theirs. */
function markUnits(scope: Scope): string[] | null | undefined {
  if (scope.roles.some((g) => g.role === 'directorate')) return null
  if (scope.roles.some((g) => g.role === 'area_chief')) return [...scope.chiefUnits]
  return undefined
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const markRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    '',
    {
      schema: {
        tags: ['marks'],
        summary: 'Active best-practice and special-unit marks with unit and area, newest first (directorate: all; area chief: their areas)',
        querystring: markListQuerySchema,
        response: { 200: markListSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const unitIds = markUnits(await scopeFor(db, request.person!.id))
      if (unitIds === undefined) throw notFoundRoute()
      return { marks: await activeMarks(db, { kind: request.query.kind ?? null, unitIds }) }
    },
  )
}
