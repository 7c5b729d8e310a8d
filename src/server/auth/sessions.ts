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

/** A token's sha256, as the database keeps sessions and reset links: the token itself is never stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function createSession(db: Db, personId: string, config: SessionConfig): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + config.days * DAY_MS)
  await db.query('insert into session (token_hash, person_id, expires_at) values ($1, $2, $3)', [hashToken(token), personId, expiresAt.toISOString()])
  return { token, expiresAt }
}

/**
 * Sessions already looked up, by token hash, on the embedded database only. Every signed-in request
 * (above all the sync pull every device makes every minute) would otherwise ask the database, and
 * on PGlite that query runs on this very thread. It stays correct because PGlite is embedded: no
 * other process can open its files, so every change to a session goes through this module — a
 * logout evicts at once, the expiry is checked on every hit, a renewal updates the entry. TTL_MS
 * bounds anything else (a person deleted by hand, say). On PostgreSQL, where several servers may
 * share the sessions and a logout on one must hold on all, every request asks the database.
 */
class SessionCache {
  static readonly TTL_MS = 10_000
  private static readonly MAX_ENTRIES = 10_000
  private readonly entries = new Map<string, { person: SessionPerson; expiresAt: number; until: number }>()
  /** Bumped by every eviction, so a lookup that raced with a logout is not stored afterwards. */
  private epoch = 0

  get(hash: string, now: number): { person: SessionPerson; expiresAt: number } | null {
    const hit = this.entries.get(hash)
    if (!hit) return null
    if (hit.until <= now || hit.expiresAt <= now) {
      this.entries.delete(hash)
      return null
    }
    return hit
  }

  /** The epoch to hand back to set(): taken before the database is asked. */
  begin(): number {
    return this.epoch
  }

  set(hash: string, person: SessionPerson, expiresAt: number, begunAt: number, now: number): void {
    if (begunAt !== this.epoch) return
    if (this.entries.size >= SessionCache.MAX_ENTRIES) this.entries.clear()
    this.entries.set(hash, { person, expiresAt, until: now + SessionCache.TTL_MS })
  }

  evict(hash: string): void {
    this.epoch++
    this.entries.delete(hash)
  }

  evictPerson(personId: string): void {
    this.epoch++
    for (const [hash, entry] of this.entries) if (entry.person.id === personId) this.entries.delete(hash)
  }
}

const caches = new WeakMap<Db, SessionCache>()
function cacheFor(db: Db): SessionCache | null {
  if (db.kind !== 'pglite') return null
  let cache = caches.get(db)
  if (!cache) {
    cache = new SessionCache()
    caches.set(db, cache)
  }
  return cache
}

/** The person behind a token, or null when it is unknown or expired. Slides the expiry once it is half gone. */
export async function findSession(db: Db, token: string, config: SessionConfig): Promise<{ person: SessionPerson; renewedUntil: Date | null } | null> {
  const hash = hashToken(token)
  const cache = cacheFor(db)
  const halfLife = (config.days * DAY_MS) / 2
  const now = Date.now()
  const hit = cache?.get(hash, now)
  // A session due for renewal goes the long way below, which renews it in the database.
  if (hit && hit.expiresAt - now >= halfLife) return { person: hit.person, renewedUntil: null }

  const begunAt = cache?.begin() ?? 0
  const rows = await db.query<{ id: string; name: string; email: string; expires_at: Date | string }>(
    `select p.id, p.name, p.email, s.expires_at
       from session s join person p on p.id = s.person_id
      where s.token_hash = $1 and s.expires_at > now() and p.deactivated_at is null`,
    [hash],
  )
  const row = rows[0]
  if (!row) return null
  const person = { id: row.id, name: row.name, email: row.email }
  let expiresAt = new Date(row.expires_at).getTime()
  let renewedUntil: Date | null = null
  if (expiresAt - Date.now() < halfLife) {
    renewedUntil = new Date(Date.now() + config.days * DAY_MS)
    await db.query('update session set expires_at = $2 where token_hash = $1', [hash, renewedUntil.toISOString()])
    expiresAt = renewedUntil.getTime()
  }
  cache?.set(hash, person, expiresAt, begunAt, Date.now())
  return { person, renewedUntil }
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  const hash = hashToken(token)
  const cache = cacheFor(db)
  cache?.evict(hash)
  await db.query('delete from session where token_hash = $1', [hash])
  // Again once it is gone: nothing that looked the session up meanwhile can have kept it.
  cache?.evict(hash)
}

/** Every session of the person ends at once (deactivated, or a new password chosen). */
export async function endSessionsOf(db: Db, personId: string): Promise<void> {
  const cache = cacheFor(db)
  cache?.evictPerson(personId)
  await db.query('delete from session where person_id = $1', [personId])
  cache?.evictPerson(personId)
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
