// Server-side sessions. The browser holds a random 32-byte token in an HttpOnly cookie; the
// database holds only its sha256, so a leaked database copy cannot be replayed as sessions.
import { createHash, randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/db'

export const SESSION_COOKIE = 'mls_session'
const DAY_MS = 24 * 60 * 60 * 1000

export interface SessionPerson {
  id: string
  name: string
  email: string
}

export interface SessionConfig {
  days: number
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function createSession(db: Db, personId: string, config: SessionConfig): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + config.days * DAY_MS)
  await db.query('insert into session (token_hash, person_id, expires_at) values ($1, $2, $3)', [
    hashToken(token),
    personId,
    expiresAt.toISOString(),
  ])
  return { token, expiresAt }
}

/** The person behind a token, or null when it is unknown or expired. Slides the expiry once it is half gone. */
export async function findSession(
  db: Db,
  token: string,
  config: SessionConfig,
): Promise<{ person: SessionPerson; renewedUntil: Date | null } | null> {
  const rows = await db.query<{ id: string; name: string; email: string; expires_at: Date | string }>(
    `select p.id, p.name, p.email, s.expires_at
       from session s join person p on p.id = s.person_id
      where s.token_hash = $1 and s.expires_at > now()`,
    [hashToken(token)],
  )
  const row = rows[0]
  if (!row) return null
  const remaining = new Date(row.expires_at).getTime() - Date.now()
  let renewedUntil: Date | null = null
  if (remaining < (config.days * DAY_MS) / 2) {
    renewedUntil = new Date(Date.now() + config.days * DAY_MS)
    await db.query('update session set expires_at = $2 where token_hash = $1', [hashToken(token), renewedUntil.toISOString()])
  }
  return { person: { id: row.id, name: row.name, email: row.email }, renewedUntil }
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query('delete from session where token_hash = $1', [hashToken(token)])
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.query('delete from session where expires_at <= now()')
}

// Secure everywhere except plain http to this machine, so a laptop demo works without TLS while
// a deployment behind a TLS-terminating proxy still gets Secure cookies.
function isLocalHttp(request: FastifyRequest): boolean {
  return request.protocol === 'http' && ['localhost', '127.0.0.1', '::1', '[::1]'].includes(request.hostname)
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: !isLocalHttp(request),
    expires: expiresAt,
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: !isLocalHttp(request) })
}
