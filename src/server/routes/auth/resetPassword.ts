// Choosing a password with a one-time link the economics team passed on (config/people.ts). No
// session is needed; every link that cannot be used — unknown, used, expired, its person
// deactivated — gets the same answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorSchema } from '../../../core/http/errors'
import { resetPasswordBodySchema } from '../../../core/http/people'
import { resetPassword } from '../../config/people'
import type { AppContext } from '../../context'
import { ApiError } from '../../http/errors'

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const resetPasswordRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.post(
    '/reset-password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Choose a password with a one-time link; then log in as usual (no session needed)',
        body: resetPasswordBodySchema,
        response: { 204: z.null(), 400: errorSchema, 410: errorSchema },
      },
    },
    async (request, reply) => {
      if (!(await resetPassword(db, request.body.token, request.body.password))) {
        throw new ApiError(410, 'link_not_valid', 'Linket kan ikke bruges: det er brugt, udløbet eller erstattet af et nyere. Bed økonomiteamet om et nyt.')
      }
      return reply.code(204).send(null)
    },
  )
}
