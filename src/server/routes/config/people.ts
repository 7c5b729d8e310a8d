// People and roles (core/http/people.ts has the contract), for the economics team alone.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { personInputSchema } from '../../../core/config/people'
import { errorSchema } from '../../../core/http/errors'
import { peopleListSchema, personEntrySchema, resetLinkSchema } from '../../../core/http/people'
import { idSchema } from '../../../core/schemaPrimitives'
import { economicsOnly } from '../../auth/economicsOnly'
import { listPeople, makeResetLink, savePerson, setActive, type PersonOutcome } from '../../config/people'
import type { AppContext } from '../../context'
import { ApiError, refusedFields } from '../../http/errors'

const notFoundPerson = () => new ApiError(404, 'not_found', 'Personen findes ikke.')
const params = z.object({ personId: idSchema })

function answer(outcome: PersonOutcome) {
  if (outcome.ok) return outcome.person
  if ('notFound' in outcome) throw notFoundPerson()
  throw refusedFields('invalid_person', outcome.issues)
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const peopleRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  economicsOnly(app, db)
  const tags = ['config']
  const refused = { 404: errorSchema, 422: errorSchema }

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Everyone with their roles, and the units and areas a role may be held towards (the economics team only)',
        response: { 200: peopleListSchema, 404: errorSchema },
      },
    },
    () => listPeople(db),
  )

  app.post(
    '/people',
    {
      schema: {
        tags,
        summary: 'Make a person with their roles (the economics team only)',
        body: personInputSchema,
        response: { 201: personEntrySchema, ...refused },
      },
    },
    async (request, reply) => reply.code(201).send(answer(await savePerson(db, request.person!.id, null, request.body))),
  )

  app.put(
    '/people/:personId',
    {
      schema: {
        tags,
        summary: "Change a person's name, e-mail and roles (the roles replaced whole)",
        params,
        body: personInputSchema,
        response: { 200: personEntrySchema, ...refused },
      },
    },
    async (request) => answer(await savePerson(db, request.person!.id, request.params.personId, request.body)),
  )

  for (const [path, active, summary] of [
    ['deactivate', false, 'Deactivate a person: their sessions end at once and they cannot sign in'],
    ['reactivate', true, 'Let a deactivated person in again'],
  ] as const) {
    app.post(`/people/:personId/${path}`, { schema: { tags, summary, params, response: { 200: personEntrySchema, ...refused } } }, async (request) =>
      answer(await setActive(db, request.person!.id, request.params.personId, active)),
    )
  }

  app.post(
    '/people/:personId/reset-link',
    {
      schema: {
        tags,
        summary: 'A one-time link for the person to choose a password, valid for three days; earlier links stop working',
        params,
        response: { 200: resetLinkSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const link = await makeResetLink(db, request.person!.id, request.params.personId)
      if (!link) throw notFoundPerson()
      return link
    },
  )
}
