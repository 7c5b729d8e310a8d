// Sync endpoints (ARCHITECTURE.md, "Sync: nothing written is ever lost"). Both need a session and
// the client's protocol version in X-Sync-Protocol; push, as every POST, also the CSRF header.
// The protocol check comes first, so an outdated app is told to update even when signed out.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CLIENT_OUTDATED, PROTOCOL_HEADER, protocolStatus, pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema,
  SERVER_OUTDATED,
} from '../../core/sync/protocol'
import { requireSession } from '../auth/guard'
import { scopeFor } from '../auth/scope'
import type { AppContext } from '../context'
import { ApiError } from '../http/errors'
import { ErrorSchema } from '../http/schemas'
import { claimDevice } from '../sync/devices'
import { NoteAccessLog } from '../sync/accessLog'
import { pullChanges } from '../sync/pull'
import { ScopeMemo } from '../sync/scopeMemo'
import { pushMutations } from '../sync/push'

const protocolHeaders = z.looseObject({
  [PROTOCOL_HEADER]: z.string().optional().describe('The client’s sync protocol version, e.g. "1"'),
})

function checkProtocol(version: string | string[] | undefined): void {
  const status = protocolStatus(version)
  if (status === 'client_outdated') throw new ApiError(426, CLIENT_OUTDATED.error, CLIENT_OUTDATED.message)
  if (status === 'server_outdated') throw new ApiError(503, SERVER_OUTDATED.error, SERVER_OUTDATED.message)
}

const errors = { 401: ErrorSchema, 403: ErrorSchema, 426: ErrorSchema, 503: ErrorSchema }

export const syncRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, session, today }) => {
  const sessionGuard = requireSession(db, session)
  const noteAccess = new NoteAccessLog(db, app.log)
  const scopes = new ScopeMemo()
  app.addHook('onClose', () => noteAccess.flush())
  // onRequest, not preHandler: an outdated or signed-out client hears so before its body is judged.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    checkProtocol(request.headers[PROTOCOL_HEADER])
    await sessionGuard.call(app, request, reply)
  })

  app.post(
    '/api/sync/push',
    {
      schema: {
        tags: ['sync'],
        summary: 'Apply a device’s outbox: each mutation once, authorised and merged per field',
        headers: protocolHeaders,
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, ...errors },
      },
    },
    async (request) => {
      const person = request.person!
      checkProtocol(String(request.body.protocol))
      if (!(await claimDevice(db, request.body.deviceId, person.id))) {
        throw new ApiError(403, 'device_mismatch', 'Enheden er registreret til en anden bruger. Log ud og ind igen.')
      }
      const scope = await scopeFor(db, person.id)
      const results = await pushMutations(db, { scope, personId: person.id, deviceId: request.body.deviceId, log: request.log, today: today() }, request.body.mutations)
      return { results }
    },
  )

  app.get(
    '/api/sync/pull',
    {
      schema: {
        tags: ['sync'],
        summary: 'The changes in the caller’s scope after a cursor, oldest first, deletes as tombstones',
        headers: protocolHeaders,
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, ...errors },
      },
    },
    async (request) => {
      const person = request.person!
      // On PostgreSQL the scope is read inside the pull's transaction only when not remembered.
      const page = await pullChanges(db, (q) => scopes.get(q, person.id), request.query.cursor, request.query.limit)
      noteAccess.record(person.id, page.notesByUnit)
      return { changes: page.changes, cursor: page.cursor, hasMore: page.hasMore }
    },
  )
}
