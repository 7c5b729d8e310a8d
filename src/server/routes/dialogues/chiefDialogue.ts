// The dialogue routes are the area chief's: the dialogue, when it exists and the person is area
// chief over its unit; otherwise the one 404 of a dialogue that does not exist, so neither its
// existence nor its unit can be probed (the leader of the unit, the directorate and an OC of
// another area hear the same as for an id nobody made).
import { rolesAt } from '../../../core/principal'
import type { Scope } from '../../auth/scope'
import type { Db } from '../../db/db'
import { notFoundDialogue } from '../../http/errors'
import { findDialogue, type DialogueRow } from '../../repos/dialogues'

export async function chiefDialogue(db: Db, scope: Scope, dialogueId: string): Promise<DialogueRow> {
  const dialogue = await findDialogue(db, dialogueId)
  if (!dialogue || !rolesAt(scope, 'unit', dialogue.unitId).has('area_chief')) throw notFoundDialogue()
  return dialogue
}
