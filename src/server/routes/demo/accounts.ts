import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { demoAccountsSchema } from '../../../core/http/system'
import type { AppContext } from '../../context'
import { demoAccounts } from '../../repos/people'

/** Registered only in demo mode, so outside it the route does not exist at all (plain 404). */
// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const demoRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get('/accounts', { schema: { tags: ['demo'], summary: 'The demo accounts (demo mode only)', response: { 200: demoAccountsSchema } } }, async () =>
    demoAccounts(db),
  )
}
