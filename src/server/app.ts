// Builds the Fastify app (no listen): security headers, cookies, the HTTP edge (JSON only, size
// limits, strings the database can store), the zod type provider and its OpenAPI document, the
// API routes — closed unless public — and, when a build is given, the PWA itself.
import Fastify, { type FastifyInstance } from 'fastify'
import fastifyCookie from '@fastify/cookie'
import fastifyCompress from '@fastify/compress'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import helmet from 'helmet'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MAX_BODY_BYTES } from '../core/http/limits'
import type { SyncKind } from '../core/sync/kind'
import { CORE_SYNC_KINDS } from '../core/sync/kinds'
import type { IsoDate } from '../core/types'
import { csrfGuard, requireSession } from './auth/guard'
import { lockDaysOf } from './config/settings'
import { closeApiByDefault, SECURITY_SCHEMES } from './auth/sessionByDefault'
import type { AppContext } from './context'
import type { Db } from './db/db'
import { frameworkError, registerEdge } from './http/edge'
import { NOT_FOUND, registerErrorHandlers } from './http/errors'
import { hasIndex, registerStatic, sendIndex, wantsSpaFallback } from './http/static'
import { registerApi } from './routes'
import { todayInCopenhagen } from './today'
import { DIALOGUE_LOCK_DAYS } from '../core/history/dialogueLock'

// Validation messages in Danish: the details of a 400 are shown to Danish users.
z.config(z.locales.da())

export interface BuildAppOptions {
  db: Db
  demo: boolean
  today?: () => IsoDate
  /** Days after "Dialog afholdt" that a dialogue's minutes lock (DIALOGUE_LOCK_DAYS). Default 14. */
  dialogueLockDays?: number
  staticDir?: string
  logger?: boolean
  /** Days a session lives (SESSION_DAYS). Default 30. */
  sessionDays?: number
  /** Trust X-Forwarded-* from a reverse proxy (client IP for rate limits, https for cookies). */
  trustProxy?: boolean
  /** The synced kinds to serve; default the core's. The migrator must have run with the same (its table check, its pull SQL). */
  syncKinds?: readonly SyncKind[]
}

// 'self' only: no inline scripts, no eval, nothing from other origins. data: images are for the
// small icons the CSS and chart.js embed.
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const syncKinds = opts.syncKinds ?? CORE_SYNC_KINDS
  const app = Fastify({
    logger: opts.logger ? { level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.cookie'] } : false,
    trustProxy: opts.trustProxy ?? false,
    // Every route's limit unless it sets its own (the sync push does): core/http/limits.ts.
    bodyLimit: MAX_BODY_BYTES,
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandlers(app)
  registerEdge(app)

  // Helmet's headers, with its middleware built once: @fastify/helmet builds it again on every
  // request (parsing the CSP each time), a cost the pull that every device makes every minute
  // should not pay. The headers are the same.
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    // The app is same-origin only; a cross-origin opener or embedder has no business with it.
    crossOriginEmbedderPolicy: false,
  })
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)))
  await app.register(fastifyCookie)
  await app.register(fastifyCompress, { threshold: 1024 })
  await app.register(fastifyRateLimit, { global: false })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Min lederside API', version: '1' },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: jsonSchemaTransform,
  })

  app.decorateRequest('person', null)
  app.addHook('onRequest', csrfGuard)

  const today = opts.today ?? (() => todayInCopenhagen())
  const ctx: AppContext = {
    db: opts.db,
    demo: opts.demo,
    today,
    dialogueLockDays: opts.dialogueLockDays ?? DIALOGUE_LOCK_DAYS,
    lockDays: lockDaysOf(opts.db, today, opts.dialogueLockDays ?? DIALOGUE_LOCK_DAYS),
    session: { days: opts.sessionDays ?? 30 },
    syncKinds,
  }
  closeApiByDefault(app, requireSession(ctx.db, ctx.session))
  await registerApi(app, ctx)

  const spa = hasIndex(opts.staticDir)
  if (spa) await registerStatic(app, opts.staticDir as string)
  app.setNotFoundHandler((request, reply) => {
    if (spa && wantsSpaFallback(request)) return sendIndex(reply)
    return reply.code(404).send(NOT_FOUND)
  })

  return app
}
