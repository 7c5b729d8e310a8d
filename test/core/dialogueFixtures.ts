// Builders of the dialogue chain's records for core tests: valid records (the tests parse them with
// the schemas where it matters) with explicit ids and dates.
import { dialogueFromProposal, planFromProposal } from '../../src/core/dialogue/followUps'
import type { DevelopmentPlan, Dialogue, DialogueAction, DialoguePreparation, DialogueTopic, UnitMark } from '../../src/core/types'

/** A planned dialogue of u1, as core makes a new one from a proposal. */
export function dialogue(id: string, fields: Partial<Dialogue> = {}): Dialogue {
  return { ...dialogueFromProposal({ id, kind: 'dialogue', topics: [], followsFrom: null, scheduledOn: '2025-03-01' }, 'u1'), ...fields }
}

export const support = (...indicators: DialogueTopic['indicator'][]): DialogueTopic[] => indicators.map((indicator) => ({ indicator, purpose: 'support' }))
export const recognition = (...indicators: DialogueTopic['indicator'][]): DialogueTopic[] =>
  indicators.map((indicator) => ({ indicator, purpose: 'recognition' }))
export const followUp = (...indicators: DialogueTopic['indicator'][]): DialogueTopic[] => indicators.map((indicator) => ({ indicator, purpose: 'follow_up' }))

export function dialogueAction(id: string, dialogueId: string, fields: Partial<DialogueAction> = {}): DialogueAction {
  return { id, unitId: 'u1', dialogueId, title: `Handling ${id}`, owner: '', dueOn: null, status: 'open', doneOn: null, ...fields }
}

/** A development plan of u1 for its budget, as core makes a new one (but from no dialogue). */
export function plan(id: string, fields: Partial<DevelopmentPlan> = {}): DevelopmentPlan {
  return { ...planFromProposal({ id, indicators: ['budget'], startedOn: '2025-04-01', fromDialogueId: '' }, 'u1'), fromDialogueId: null, ...fields }
}

export function preparation(id: string, fields: Partial<DialoguePreparation> = {}): DialoguePreparation {
  return { id, unitId: 'u1', year: 2025, month: 3, questions: '', readyAt: null, ...fields }
}

export function mark(id: string, fields: Partial<UnitMark> = {}): UnitMark {
  return {
    id,
    unitId: 'u1',
    kind: 'best_practice',
    indicator: 'budget',
    text: 'God praksis',
    dialogueId: null,
    markedOn: '2025-04-01',
    endedOn: null,
    ...fields,
  }
}
