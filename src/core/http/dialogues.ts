// The dialogue chain's own routes beside the sync: the area chief's reopening of a locked dialogue
// (POST /api/dialogues/:dialogueId/reopen), its history from the audit log (GET
// /api/dialogues/:dialogueId/history) and the OCs' marks for the directorate (GET /api/marks).
// The records themselves travel by sync (core/sync/kinds.ts); what is read back from the server's
// own tables is described as it is, not judged again as input.
import { z } from 'zod'
import { unitMarkKindSchema } from '../dialogueSchemas'
import { MAX_REASON_LENGTH } from '../limits'
import { idSchema, indicatorKeySchema, isoDateSchema, nonEmptyText } from '../schemaPrimitives'

export const dialogueParamsSchema = z.object({ dialogueId: idSchema })

/** "Genåbn": why a locked dialogue must change after all. Logged with the reopening. */
export const reopenRequestSchema = z.object({ reason: nonEmptyText('Begrundelsen', MAX_REASON_LENGTH) })

/** The reopening as written; devices get the record itself by their next pull. */
export const reopenResponseSchema = z.object({
  dialogueId: idSchema,
  reopenedOn: isoDateSchema,
  reopenReason: z.string(),
  /** The first day it is locked again (reopenedOn + the server's lock days). */
  locksOn: isoDateSchema,
  /** The record's version after the reopening. */
  version: z.number().int(),
})

/** One field of one change: its value before and after (null: none, e.g. before a create). */
export const historyChangeSchema = z.object({ field: z.string(), oldValue: z.unknown(), newValue: z.unknown() })

/** One change of the dialogue or of an action agreed at it, as the audit log keeps it. */
export const historyEntrySchema = z.object({
  /** When, as an ISO moment (UTC). */
  at: z.string(),
  personId: z.string().nullable(),
  /** Who, by name ('' when the person is unknown). */
  personName: z.string(),
  /** Which record: the dialogue itself or one of its actions. */
  kind: z.enum(['dialogue', 'dialogueAction']),
  recordId: z.string(),
  action: z.enum(['create', 'update', 'delete', 'revive']),
  changes: z.array(historyChangeSchema),
})

/** Newest first. Notes are never part of it: an OC's private note must not show through its dialogue. */
export const dialogueHistorySchema = z.object({ dialogueId: idSchema, entries: z.array(historyEntrySchema) })

export const markListQuerySchema = z.object({ kind: unitMarkKindSchema.optional() })

/** An active mark (not ended) with where it is, for the directorate's lists of best practice and special units. */
export const markViewSchema = z.object({
  id: z.string(),
  kind: unitMarkKindSchema,
  unitId: z.string(),
  unitName: z.string(),
  areaId: z.string(),
  areaName: z.string(),
  indicator: indicatorKeySchema.nullable(),
  text: z.string(),
  dialogueId: z.string().nullable(),
  markedOn: isoDateSchema,
  /** The OC who marked it, by name ('' when unknown). */
  markedByName: z.string(),
})

/** Newest mark first. */
export const markListSchema = z.object({ marks: z.array(markViewSchema) })
