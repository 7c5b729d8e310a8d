// Login rate limits: per IP and e-mail against guessing one account's password, and per IP alone
// against spraying many accounts from one place. @fastify/rate-limit's route handler runs only
// once per request, so the two limits are combined here with its createRateLimit checker.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../http/errors'

export interface LoginLimitOptions {
  perAccount: number
  perIp: number
  timeWindowMs: number
}

export const DEFAULT_LOGIN_LIMITS: LoginLimitOptions = { perAccount: 5, perIp: 30, timeWindowMs: 60_000 }

function loginEmail(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : ''
}

export function loginLimiter(app: FastifyInstance, opts: LoginLimitOptions = DEFAULT_LOGIN_LIMITS) {
  const checks = [
    app.createRateLimit({ max: opts.perIp, timeWindow: opts.timeWindowMs, keyGenerator: (r) => `login-ip|${r.ip}` }),
    app.createRateLimit({ max: opts.perAccount, timeWindow: opts.timeWindowMs, keyGenerator: (r) => `login|${r.ip}|${loginEmail(r)}` }),
  ]
  return async function limitLogin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    for (const check of checks) {
      const result = await check(request)
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', result.ttlInSeconds)
        throw new ApiError(429, 'rate_limited', 'For mange forsøg. Vent et minut, og prøv igen.')
      }
    }
  }
}
