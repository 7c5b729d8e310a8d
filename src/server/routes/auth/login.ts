// Login and logout. Every failed login gets the same answer, and unknown e-mails cost the same
// time as wrong passwords, so the endpoint does not tell which e-mails have accounts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { loginResponseSchema } from '../../../core/http/auth'
import { errorSchema } from '../../../core/http/errors'
import { loginBodySchema } from '../../../core/schemas'
import { verifyPassword } from '../../auth/passwords'
import { sessionToken } from '../../auth/guard'
import { loginLimiter } from '../../auth/loginLimit'
import { clearSessionCookie, createSession, deleteExpiredSessions, deleteSession, setSessionCookie } from '../../auth/sessions'
import type { AppContext } from '../../context'
import { ApiError } from '../../http/errors'
import { findPersonByEmail } from '../../repos/people'

const invalidCredentials = () => new ApiError(401, 'invalid_credentials', 'Forkert e-mail eller adgangskode.')

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const loginRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, session }) => {
  const limitLogin = loginLimiter(app)

  app.post(
    '/login',
    {
      preHandler: limitLogin,
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password; sets the mls_session cookie',
        // The form's own schema: the server refuses what the form would have refused, in its words.
        body: loginBodySchema,
        response: { 200: loginResponseSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body
      const person = await findPersonByEmail(db, email)
      const ok = await verifyPassword(person?.passwordHash, password)
      if (!person || !ok) throw invalidCredentials()
      await deleteExpiredSessions(db)
      const { token, expiresAt } = await createSession(db, person.id, session)
      setSessionCookie(request, reply, token, expiresAt)
      return { person: { id: person.id, name: person.name, email: person.email } }
    },
  )

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'Log out: deletes the session and clears the cookie (needs the session it ends)', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = sessionToken(request)
      if (token) await deleteSession(db, token)
      clearSessionCookie(request, reply)
      return reply.code(204).send(null)
    },
  )
}
