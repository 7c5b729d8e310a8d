// Every route of the API, grouped by feature under its prefix. A feature is a folder here with
// its route modules; adding one is a line below. None of them needs to ask for a session: every
// route under /api requires one unless publicRoutes.ts lists it (auth/sessionByDefault.ts).
import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context'
import { loginRoutes } from './auth/login'
import { resetPasswordRoutes } from './auth/resetPassword'
import { sessionRoutes } from './auth/session'
import { demoRoutes } from './demo/accounts'
import { demoFileRoutes } from './demo/files'
import { peopleRoutes } from './config/people'
import { ruleSetRoutes } from './config/ruleSets'
import { settingsRoutes } from './config/settings'
import { dialogueHistoryRoutes } from './dialogues/history'
import { dialogueReopenRoutes } from './dialogues/reopen'
import { importRoutes } from './imports/imports'
import { markRoutes } from './marks/marks'
import { syncRoutes } from './sync/sync'
import { healthRoutes } from './system/health'
import { openApiRoutes } from './system/openapi'
import { unitRoutes } from './units/units'

type RouteModule = FastifyPluginAsyncZod<AppContext>

/** Each feature's routes under their prefix, in the order they are registered. */
const FEATURES: ReadonlyArray<readonly [string, RouteModule]> = [
  ['/api', healthRoutes],
  ['/api', openApiRoutes],
  ['/api/auth', loginRoutes],
  ['/api/auth', resetPasswordRoutes],
  // /api/me and /api/session predate the /api/auth prefix; the app and its installed copies use them.
  ['/api', sessionRoutes],
  ['/api/units', unitRoutes],
  ['/api/sync', syncRoutes],
  ['/api/dialogues', dialogueReopenRoutes],
  ['/api/dialogues', dialogueHistoryRoutes],
  ['/api/marks', markRoutes],
  ['/api/imports', importRoutes],
  ['/api/config', ruleSetRoutes],
  ['/api/config', peopleRoutes],
  ['/api/config', settingsRoutes],
]
/** Registered in demo mode only: outside it these routes do not exist. */
const DEMO_FEATURES: ReadonlyArray<readonly [string, RouteModule]> = [
  ['/api/demo', demoRoutes],
  ['/api/demo', demoFileRoutes],
]

export async function registerApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const [prefix, routes] of [...FEATURES, ...(ctx.demo ? DEMO_FEATURES : [])]) await app.register(routes, { ...ctx, prefix })
}
