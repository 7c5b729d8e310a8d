// Request guards: the CSRF check on every state-changing request, and the session lookup that
// every route under /api gets unless it is public (sessionByDefault.ts).
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import type { Db } from '../db/db'
import { ApiError, unauthenticated } from '../http/errors'
import { SESSION_COOKIE, findSession, setSessionCookie, type SessionConfig, type SessionPerson } from './sessions'

declare module 'fastify' {
  interface FastifyRequest {
    person: SessionPerson | null
  }
}

export const CSRF_HEADER = 'x-requested-with'
export const CSRF_VALUE = 'min-lederside'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

// A cross-site form or fetch cannot set a custom header without a CORS preflight (which this
// server never grants), and a browser always sends Origin on cross-site requests: together they
// stop CSRF on top of SameSite=Lax.
export const csrfGuard: onRequestHookHandler = (request, _reply, done) => {
  if (SAFE_METHODS.has(request.method)) return done()
  const forbidden = new ApiError(403, 'forbidden', 'Forespørgslen blev afvist.')
  if (request.headers[CSRF_HEADER] !== CSRF_VALUE) return done(forbidden)
  const origin = request.headers.origin
  if (origin !== undefined) {
    let originHost: string | null = null
    try {
      originHost = new URL(origin).host
    } catch {
      originHost = null
    }
    if (originHost === null || originHost !== request.headers.host) return done(forbidden)
  }
  done()
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined
}

export type SessionHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

/** A hook (onRequest or preHandler) that sets request.person or answers 401. */
export function requireSession(db: Db, config: SessionConfig): SessionHook {
  return async function (request: FastifyRequest, reply: FastifyReply) {
    const token = sessionToken(request)
    const found = token ? await findSession(db, token, config) : null
    if (!found || !token) throw unauthenticated()
    if (found.renewedUntil) setSessionCookie(request, reply, token, found.renewedUntil)
    request.person = found.person
  }
}
