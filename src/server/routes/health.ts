import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context'

export const healthRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await db.query('select 1')
      return { ok: true as const, db: db.kind }
    },
  )
}
