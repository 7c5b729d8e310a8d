// Closed by default: every route under /api gets the session check unless routes/publicRoutes.ts
// lists it — also a route module added later that never thought about sign-in. The hook is
// installed per route as it is registered (onRoute), so it holds wherever the route is declared,
// and it runs after the route's own plugin hooks: sync still tells an outdated app to update
// before it asks for a session. The same place writes what each route needs into the OpenAPI
// document, so the document cannot disagree with the check.
import type { FastifyInstance, RouteOptions } from 'fastify'
import { errorSchema } from '../../core/http/errors'
import { isPublicRoute } from '../routes/publicRoutes'
import { SESSION_COOKIE } from './sessions'
import { CSRF_HEADER, CSRF_VALUE, type SessionHook } from './guard'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The HttpOnly session cookie set by POST /api/auth/login. Without it: 401 unauthenticated.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      `Every state-changing request (POST, PUT, PATCH, DELETE) must send the header ${CSRF_HEADER}: ${CSRF_VALUE}; ` +
      'an Origin header, when the browser sends one, must name the same host as Host. Otherwise 403 forbidden.',
  },
} as const

const toArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

function methodsOf(route: RouteOptions): string[] {
  return toArray(route.method).map((m) => m.toUpperCase())
}

/** What the route needs, as OpenAPI security requirements (each object: all of its schemes). */
function securityOf(closed: boolean, changesState: boolean): Array<Record<string, string[]>> {
  const requirement: Record<string, string[]> = {}
  if (closed) requirement.session = []
  if (changesState) requirement.csrf = []
  return Object.keys(requirement).length ? [requirement] : []
}

export function closeApiByDefault(app: FastifyInstance, sessionGuard: SessionHook): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return
    const methods = methodsOf(route)
    const closed = methods.some((m) => !isPublicRoute(m, route.url))
    const changesState = methods.some((m) => STATE_CHANGING.has(m))
    if (closed) route.onRequest = [...toArray(route.onRequest), sessionGuard]
    const schema = route.schema ?? {}
    const errors = {
      400: errorSchema,
      ...(closed ? { 401: errorSchema } : {}),
      ...(changesState ? { 403: errorSchema, 413: errorSchema, 415: errorSchema } : {}),
    }
    route.schema = {
      ...schema,
      security: securityOf(closed, changesState),
      response: { ...errors, ...(schema.response as object | undefined) },
    }
  })
}
