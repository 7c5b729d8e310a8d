// The economics team's import (core/http/imports.ts has the contract): preview a file, import it,
// and the history of what was imported or refused. Only the economics role has these routes; to
// everyone else they are an address that does not exist (404), as the API answers what is not theirs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorSchema } from '../../../core/http/errors'
import {
  importLogSchema,
  importPreviewSchema,
  importProgressSchema,
  importRefusalSchema,
  importRequestSchema,
  importResultSchema,
  MAX_IMPORT_BODY_BYTES,
} from '../../../core/http/imports'
import { economicsOnly } from '../../auth/economicsOnly'
import { ApiError } from '../../http/errors'
import type { AppContext } from '../../context'
import { importHistory } from '../../import/importLog'
import { ProgressBoard } from '../../import/progress'
import { commitImport, previewImport } from '../../import/run'

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const importRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, today }) => {
  economicsOnly(app, db)
  const progress = new ProgressBoard()
  const ctxOf = (request: { person?: { id: string } | null }) => ({ db, today: today(), personId: request.person!.id })

  app.post(
    '/preview',
    {
      bodyLimit: MAX_IMPORT_BODY_BYTES,
      schema: {
        tags: ['imports'],
        summary: 'Read and check a file, and say what importing it would write (the economics team only); writes nothing',
        body: importRequestSchema,
        response: { 200: importPreviewSchema, 404: errorSchema },
      },
    },
    (request) => previewImport(ctxOf(request), request.body, progress.reporter(request.person!.id, request.body.progressId)),
  )

  app.post(
    '',
    {
      bodyLimit: MAX_IMPORT_BODY_BYTES,
      schema: {
        tags: ['imports'],
        summary: 'Import a file, all or nothing (the economics team only); a file with errors is refused whole (422) and logged',
        body: importRequestSchema,
        response: { 200: importResultSchema, 404: errorSchema, 422: importRefusalSchema },
      },
    },
    async (request, reply) => {
      const outcome = await commitImport(ctxOf(request), request.body, progress.reporter(request.person!.id, request.body.progressId))
      if (outcome.ok) return outcome.result
      const n = outcome.errorCount
      return reply.code(422).send({
        error: 'invalid_file' as const,
        message: `Filen blev ikke importeret: den har ${n === 1 ? 'én fejl' : `${n.toLocaleString('da-DK')} fejl`}. Intet er skrevet.`,
        errors: outcome.errors,
        errorCount: n,
      })
    },
  )

  app.get(
    '/progress/:progressId',
    {
      schema: {
        tags: ['imports'],
        summary: 'How far the caller’s own preview or import with this progressId has come (the economics team only)',
        params: z.object({ progressId: z.uuid() }),
        response: { 200: importProgressSchema, 404: errorSchema },
      },
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- a route handler answers with a promise or a reply
    async (request) => {
      const known = progress.get(request.person!.id, request.params.progressId)
      if (!known) throw new ApiError(404, 'not_found', 'Ingen import med det id er i gang.')
      return known
    },
  )

  app.get(
    '',
    {
      schema: {
        tags: ['imports'],
        summary: 'What was imported or refused, newest first (the economics team only)',
        response: { 200: importLogSchema, 404: errorSchema },
      },
    },
    async () => ({ imports: await importHistory(db) }),
  )
}
