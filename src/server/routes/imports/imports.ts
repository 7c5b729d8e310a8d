// The economics team's import (core/http/imports.ts has the contract): preview a file, import it,
// and the history of what was imported or refused. Only the economics role has these routes; to
// everyone else they are an address that does not exist (404), as the API answers what is not theirs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorSchema } from '../../../core/http/errors'
import {
  importLogSchema,
  importPreviewSchema,
  importRefusalSchema,
  importRequestSchema,
  importResultSchema,
  MAX_IMPORT_BODY_BYTES,
} from '../../../core/http/imports'
import { economicsOnly } from '../../auth/economicsOnly'
import type { AppContext } from '../../context'
import { importHistory } from '../../import/importLog'
import { commitImport, previewImport } from '../../import/run'

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const importRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, today }) => {
  economicsOnly(app, db)

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
    (request) => previewImport({ db, today: today(), personId: request.person!.id }, request.body),
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
      const outcome = await commitImport({ db, today: today(), personId: request.person!.id }, request.body)
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
