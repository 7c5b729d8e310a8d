// The writes of the dialogue chain, each one record through the records store (record and outbox
// in one transaction, synced and merged per field like everything else). What follows from a write
// by core's rules — the follow-ups of a held dialogue, the visit or the development plan after a
// follow-up — is made here with the ids core gives, so two devices doing the same make one record.
import { afterFollowUp, dialogueFromProposal, followUpsAfterHeld, planFromProposal, type ProposedMeeting } from '../../../core/dialogue/followUps'
import type { IsoDate } from '../../../core/types'
import { useRecordsStore } from '../records/recordsStore'
import type { Dialogue, DialogueAction } from './chainRecords'

/** A new record's fields: the record as core makes it, without its envelope (id and unit). */
function fieldsOf<T extends { id: string; unitId: string }>(record: T): Omit<T, 'id' | 'unitId'> {
  const { id: _id, unitId: _unitId, ...fields } = record
  return fields
}

export function useDialogueWrites() {
  const records = useRecordsStore()

  /** A meeting core proposed, unless the device already has it (then the OC's dates stand). */
  async function makeMeeting(unitId: string, m: ProposedMeeting, existing: readonly Dialogue[]): Promise<void> {
    if (existing.some((d) => d.id === m.id)) return
    await records.save('dialogue', { id: m.id, scopeId: unitId, fields: fieldsOf(dialogueFromProposal(m, unitId)) })
  }

  async function changeDialogue(d: Dialogue, fields: Partial<Dialogue>): Promise<void> {
    await records.save('dialogue', { id: d.id, scopeId: d.unitId, fields })
  }

  /** "Dialog afholdt": the date it was held, then what the rules propose after it. */
  async function markHeld(d: Dialogue, heldOn: IsoDate, all: readonly Dialogue[]): Promise<void> {
    await changeDialogue(d, { heldOn })
    const held = { ...d, heldOn }
    for (const m of followUpsAfterHeld(held)) await makeMeeting(d.unitId, m, all)
    if (d.kind !== 'dialogue') await proposeAfterFollowUp(held, all)
  }

  /** At a follow-up: the visit 6 months on for what improved, a development plan for what did not. */
  async function proposeAfterFollowUp(d: Dialogue, all: readonly Dialogue[]): Promise<void> {
    const next = afterFollowUp(d)
    if (next.visit) await makeMeeting(d.unitId, next.visit, all)
    if (next.planMeeting) await makeMeeting(d.unitId, next.planMeeting, all)
    if (next.plan) await records.save('developmentPlan', { id: next.plan.id, scopeId: d.unitId, fields: fieldsOf(planFromProposal(next.plan, d.unitId)) })
  }

  async function saveAction(unitId: string, dialogueId: string, fields: Partial<DialogueAction>, id?: string): Promise<string> {
    return records.save('dialogueAction', {
      id,
      scopeId: unitId,
      fields: id ? fields : { dialogueId, owner: '', dueOn: null, status: 'open', doneOn: null, ...fields },
    })
  }

  return { makeMeeting, changeDialogue, markHeld, proposeAfterFollowUp, saveAction }
}
