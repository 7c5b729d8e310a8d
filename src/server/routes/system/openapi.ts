// The OpenAPI document of every other route, built by @fastify/swagger from the routes' zod
// schemas (app.ts). Public; not listed in itself.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context'

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const openApiRoutes: FastifyPluginAsyncZod<AppContext> = async (app) => {
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger())
}
