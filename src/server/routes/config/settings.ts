// The municipality's settings (core/http/config.ts has the contract), for the economics team alone:
// every version with who made it, the one in force today, and a new version from a date.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { settingsInForce, settingsInputSchema } from '../../../core/config/settings'
import { settingsEntrySchema, settingsListSchema } from '../../../core/http/config'
import { errorSchema } from '../../../core/http/errors'
import { economicsOnly } from '../../auth/economicsOnly'
import { createSettings, listSettings, startingSettings } from '../../config/settings'
import type { AppContext } from '../../context'
import { refusedFields } from '../../http/errors'
import { municipalityIdOr404 } from '../../repos/municipality'

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const settingsRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, today, dialogueLockDays }) => {
  economicsOnly(app, db)

  const municipalityId = () => municipalityIdOr404(db)

  const tags = ['config']
  app.get(
    '/settings',
    {
      schema: {
        tags,
        summary: "The municipality's settings: every version from its date, oldest first, and the one in force today (the economics team only)",
        response: { 200: settingsListSchema, 404: errorSchema },
      },
    },
    async () => {
      const id = await municipalityId()
      const day = today()
      const [versions, starting] = await Promise.all([listSettings(db, id), startingSettings(db, id, dialogueLockDays)])
      return { versions, inForce: settingsInForce(versions, day)?.settings ?? starting, starting, today: day }
    },
  )

  app.post(
    '/settings',
    {
      schema: {
        tags,
        summary: 'A new version of the settings from a date, today or later (the economics team only); 422 says which field and why',
        body: settingsInputSchema,
        response: { 201: settingsEntrySchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const outcome = await createSettings(db, { municipalityId: await municipalityId(), personId: request.person!.id, today: today(), input: request.body })
      if (!outcome.ok) throw refusedFields('invalid_settings', outcome.issues)
      return reply.code(201).send(outcome.entry)
    },
  )
}
