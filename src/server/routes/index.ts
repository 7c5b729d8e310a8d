// Every route of the API, grouped by feature under its prefix. A feature is a folder here with
// its route modules; adding one is a line below. None of them needs to ask for a session: every
// route under /api requires one unless publicRoutes.ts lists it (auth/sessionByDefault.ts).
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { loginRoutes } from './auth/login'
import { resetPasswordRoutes } from './auth/resetPassword'
import { sessionRoutes } from './auth/session'
import { demoRoutes } from './demo/accounts'
import { demoFileRoutes } from './demo/files'
import { peopleRoutes } from './config/people'
import { ruleSetRoutes } from './config/ruleSets'
import { dialogueHistoryRoutes } from './dialogues/history'
import { dialogueReopenRoutes } from './dialogues/reopen'
import { importRoutes } from './imports/imports'
import { markRoutes } from './marks/marks'
import { syncRoutes } from './sync/sync'
import { healthRoutes } from './system/health'
import { openApiRoutes } from './system/openapi'
import { unitRoutes } from './units/units'

export async function registerApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(healthRoutes, { ...ctx, prefix: '/api' })
  await app.register(openApiRoutes, { ...ctx, prefix: '/api' })
  await app.register(loginRoutes, { ...ctx, prefix: '/api/auth' })
  await app.register(resetPasswordRoutes, { ...ctx, prefix: '/api/auth' })
  // /api/me and /api/session predate the /api/auth prefix; the app and its installed copies use them.
  await app.register(sessionRoutes, { ...ctx, prefix: '/api' })
  await app.register(unitRoutes, { ...ctx, prefix: '/api/units' })
  await app.register(syncRoutes, { ...ctx, prefix: '/api/sync' })
  await app.register(dialogueReopenRoutes, { ...ctx, prefix: '/api/dialogues' })
  await app.register(dialogueHistoryRoutes, { ...ctx, prefix: '/api/dialogues' })
  await app.register(markRoutes, { ...ctx, prefix: '/api/marks' })
  await app.register(importRoutes, { ...ctx, prefix: '/api/imports' })
  await app.register(ruleSetRoutes, { ...ctx, prefix: '/api/config' })
  await app.register(peopleRoutes, { ...ctx, prefix: '/api/config' })
  if (ctx.demo) {
    await app.register(demoRoutes, { ...ctx, prefix: '/api/demo' })
    await app.register(demoFileRoutes, { ...ctx, prefix: '/api/demo' })
  }
}
