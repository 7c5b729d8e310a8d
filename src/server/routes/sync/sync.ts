// Sync endpoints (ARCHITECTURE.md, "Sync: nothing written is ever lost"). Both need a session (as
// every route under /api) and the client's protocol version in X-Sync-Protocol; push, as every
// POST, also the CSRF header. The protocol check is this plugin's hook, which runs before the
// session check each route gets: an outdated app is told to update even when signed out.
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CLIENT_OUTDATED,
  PROTOCOL_HEADER,
  protocolStatus,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  SERVER_OUTDATED,
} from '../../../core/sync/protocol'
import { errorSchema } from '../../../core/http/errors'
import { kindSet } from '../../../core/sync/kinds'
import { MAX_PUSH_BODY_BYTES } from '../../../core/http/limits'
import { scopeFor } from '../../auth/scope'
import type { AppContext } from '../../context'
import { ApiError } from '../../http/errors'
import { claimDevice } from '../../sync/devices'
import { NoteAccessLog } from '../../sync/accessLog'
import { pullChanges } from '../../sync/pull'
import { ScopeMemo } from '../../sync/scopeMemo'
import { pushMutations } from '../../sync/push'

const protocolHeaders = z.looseObject({
  [PROTOCOL_HEADER]: z.string().optional().describe('The client’s sync protocol version, e.g. "1"'),
})

function checkProtocol(version: string | string[] | undefined): void {
  const status = protocolStatus(version)
  if (status === 'client_outdated') throw new ApiError(426, CLIENT_OUTDATED.error, CLIENT_OUTDATED.message)
  if (status === 'server_outdated') throw new ApiError(503, SERVER_OUTDATED.error, SERVER_OUTDATED.message)
}

const errors = { 403: errorSchema, 426: errorSchema, 503: errorSchema }

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const syncRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, syncKinds, today, lockDays }) => {
  const kinds = kindSet(syncKinds)
  const noteAccess = new NoteAccessLog(db, app.log)
  const scopes = new ScopeMemo()
  app.addHook('onClose', () => noteAccess.flush())
  // onRequest, not preHandler: an outdated or signed-out client hears so before its body is judged.
  app.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    checkProtocol(request.headers[PROTOCOL_HEADER])
    done()
  })

  app.post(
    '/push',
    {
      // 500 mutations are more than the 64 KiB other requests may be (core/http/limits.ts).
      bodyLimit: MAX_PUSH_BODY_BYTES,
      // Each mutation's values are judged by the writer, which refuses a bad one for good (edge.ts).
      config: { itemsJudgedEach: 'mutations' },
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
      const principal = await scopeFor(db, person.id)
      const results = await pushMutations(
        db,
        { principal, deviceId: request.body.deviceId, kinds, log: request.log, today: today(), dialogueLockDays: await lockDays() },
        request.body.mutations,
      )
      return { results }
    },
  )

  app.get(
    '/pull',
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
      const page = await pullChanges(db, (q) => scopes.get(q, person.id), { kinds: syncKinds, cursor: request.query.cursor, limit: request.query.limit })
      for (const [what, byScope] of page.logged) noteAccess.record(person.id, byScope, what)
      return { changes: page.changes, cursor: page.cursor, hasMore: page.hasMore }
    },
  )
}
