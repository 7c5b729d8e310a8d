// "Genåbn": the area chief reopens a locked dialogue with a reason (DOMAIN.md: a later change needs
// an explicit reopening, which is logged). The server writes reopenedOn = today and the reason —
// fields no device may write — through the one writer, so the change has its sequence number (the
// devices get it by their next pull) and its audit row in the OC's name; from then on the dialogue
// takes changes again until reopenedOn + the lock days (core/history/dialogueLock.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { dialogueParamsSchema, reopenRequestSchema, reopenResponseSchema } from '../../../core/http/dialogues'
import { errorSchema } from '../../../core/http/errors'
import { dialogueLocksOn, isDialogueLocked } from '../../../core/history/dialogueLock'
import { SYNC_KINDS } from '../../../core/sync/kinds'
import { scopeFor } from '../../auth/scope'
import type { AppContext } from '../../context'
import { ApiError } from '../../http/errors'
import { lockForSyncWrite } from '../../sync/lock'
import { writeSynced } from '../../sync/writer'
import { chiefDialogue } from './chiefDialogue'

const notLocked = () => new ApiError(409, 'not_locked', 'Dialogen er ikke låst, så den kan ændres uden at blive genåbnet.')

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const dialogueReopenRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, today, lockDays }) => {
  app.post(
    '/:dialogueId/reopen',
    {
      schema: {
        tags: ['dialogues'],
        summary: 'Reopen a locked dialogue (the area chief of its unit only), with a reason; logged in the audit log',
        params: dialogueParamsSchema,
        body: reopenRequestSchema,
        response: { 200: reopenResponseSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const person = request.person!
      const scope = await scopeFor(db, person.id)
      const day = today()
      const dialogueLockDays = await lockDays()
      const { reason } = request.body
      return db.transaction(async (tx) => {
        // Under the sync write lock before reading: no push can change the lock state between the check and the write.
        await lockForSyncWrite(tx)
        const dialogue = await chiefDialogue(tx, scope, request.params.dialogueId)
        if (!isDialogueLocked(dialogue, day, dialogueLockDays)) throw notLocked()
        const result = await writeSynced(tx, {
          kind: SYNC_KINDS.dialogue,
          id: dialogue.id,
          scopeId: dialogue.unitId,
          op: 'upsert',
          fields: { reopenedOn: day, reopenReason: reason },
          // A trusted write (no principal: the lock and the device-only rules are not its to pass),
          // in the OC's name so that the audit log says who reopened it.
          personId: person.id,
          today: day,
          dialogueLockDays,
        })
        if (result.status !== 'applied') throw new Error(`reopening dialogue ${dialogue.id} was not written: ${JSON.stringify(result)}`)
        const reopened = { heldOn: dialogue.heldOn, reopenedOn: day }
        return {
          dialogueId: dialogue.id,
          reopenedOn: day,
          reopenReason: reason,
          locksOn: dialogueLocksOn(reopened, dialogueLockDays)!,
          version: result.version,
        }
      })
    },
  )
}
