// Demo mode: example files to try the import with (demo/exampleFiles.ts), for the economics team
// alone — they hold every unit's figures. Registered only in demo mode; elsewhere they do not exist.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorSchema } from '../../../core/http/errors'
import { exampleFileListSchema } from '../../../core/http/imports'
import { economicsOnly } from '../../auth/economicsOnly'
import type { AppContext } from '../../context'
import { exampleFiles } from '../../demo/exampleFiles'
import { ApiError } from '../../http/errors'

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const demoFileRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, today }) => {
  economicsOnly(app, db)

  app.get(
    '/files',
    {
      schema: {
        tags: ['demo'],
        summary: 'The example files to try the import with (demo mode, the economics team only)',
        response: { 200: exampleFileListSchema, 404: errorSchema },
      },
    },
    async () => ({
      files: (await exampleFiles(db, today())).map((f) => ({ name: f.name, kind: f.kind, description: f.description, bytes: f.bytes.length })),
    }),
  )

  app.get(
    '/files/:name',
    {
      schema: {
        tags: ['demo'],
        summary: 'One example file, as a download (demo mode, the economics team only)',
        params: z.object({ name: z.string().max(100) }),
        // The answer is the file's bytes (CSV or XLSX), or the API's error body.
      },
    },
    async (request, reply) => {
      const file = (await exampleFiles(db, today())).find((f) => f.name === request.params.name)
      if (!file) throw new ApiError(404, 'not_found', 'Eksempelfilen findes ikke.')
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('cache-control', 'no-store')
        .send(file.bytes)
    },
  )
}
