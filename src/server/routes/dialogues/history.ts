// A dialogue's history for its area chief: every change of the dialogue and of the actions agreed
// at it, from the audit log — who, when, which field, the old and the new value. Never its notes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { dialogueHistorySchema, dialogueParamsSchema } from '../../../core/http/dialogues'
import { errorSchema } from '../../../core/http/errors'
import { scopeFor } from '../../auth/scope'
import type { AppContext } from '../../context'
import { dialogueHistory } from '../../repos/dialogues'
import { chiefDialogue } from './chiefDialogue'

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const dialogueHistoryRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    '/:dialogueId/history',
    {
      schema: {
        tags: ['dialogues'],
        summary: 'The changes of a dialogue and of its agreed actions, newest first (the area chief of its unit only; notes never)',
        params: dialogueParamsSchema,
        response: { 200: dialogueHistorySchema, 404: errorSchema },
      },
    },
    async (request) => {
      const scope = await scopeFor(db, request.person!.id)
      const dialogue = await chiefDialogue(db, scope, request.params.dialogueId)
      return { dialogueId: dialogue.id, entries: await dialogueHistory(db, dialogue) }
    },
  )
}
