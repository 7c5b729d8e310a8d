// A unit's history in the dialogue chain, oldest first: its dialogues, development plans and their
// acknowledgements, the OC's marks, and the leader's preparations marked ready. Notes are never in
// it: a private note must not reach anyone else, and the shared ones are shown on their dialogue.
import { compareIso, copenhagenDayOf } from '../dates'
import type { DevelopmentPlan, Dialogue, DialogueKind, DialoguePreparation, IsoDate, UnitMark } from '../types'
import { compareIds, dialogueDate } from './order'

export type TimelineEntry =
  /** date: heldOn if held, else scheduledOn. */
  | { kind: 'dialogue'; date: IsoDate; dialogueId: string; dialogueKind: DialogueKind; held: boolean }
  | { kind: 'preparationReady'; date: IsoDate; preparationId: string; readyAt: string }
  | { kind: 'planStarted'; date: IsoDate; planId: string; fromDialogueId: string | null }
  | { kind: 'planAcknowledged'; date: IsoDate; planId: string; by: 'leader' | 'oc' }
  | { kind: 'planEnded'; date: IsoDate; planId: string }
  | { kind: 'markMade'; date: IsoDate; markId: string; markKind: UnitMark['kind'] }
  | { kind: 'markEnded'; date: IsoDate; markId: string; markKind: UnitMark['kind'] }

export type TimelineKind = TimelineEntry['kind']

/**
 * On one day, in the order things happen: the leader prepares, the dialogue is held, a plan starts
 * there and is acknowledged, and marks come from the dialogue.
 */
const KIND_ORDER: readonly TimelineKind[] = ['preparationReady', 'dialogue', 'planStarted', 'planAcknowledged', 'planEnded', 'markMade', 'markEnded']

function entryId(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'dialogue':
      return entry.dialogueId
    case 'preparationReady':
      return entry.preparationId
    case 'planStarted':
    case 'planAcknowledged':
    case 'planEnded':
      return entry.planId
    case 'markMade':
    case 'markEnded':
      return entry.markId
  }
}

/** The leader's and the OC's acknowledgement of one plan on one day: the leader's first. */
const byRank = (entry: TimelineEntry) => (entry.kind === 'planAcknowledged' && entry.by === 'oc' ? 1 : 0)

function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return compareIso(a.date, b.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareIds(entryId(a), entryId(b)) || byRank(a) - byRank(b)
}

export interface TimelineInput {
  dialogues: readonly Dialogue[]
  plans: readonly DevelopmentPlan[]
  marks: readonly UnitMark[]
  preparations: readonly DialoguePreparation[]
}

function planEntries(plan: DevelopmentPlan): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ kind: 'planStarted', date: plan.startedOn, planId: plan.id, fromDialogueId: plan.fromDialogueId }]
  if (plan.leaderAcknowledgedOn !== null) entries.push({ kind: 'planAcknowledged', date: plan.leaderAcknowledgedOn, planId: plan.id, by: 'leader' })
  if (plan.ocAcknowledgedOn !== null) entries.push({ kind: 'planAcknowledged', date: plan.ocAcknowledgedOn, planId: plan.id, by: 'oc' })
  if (plan.endedOn !== null) entries.push({ kind: 'planEnded', date: plan.endedOn, planId: plan.id })
  return entries
}

function markEntries(mark: UnitMark): TimelineEntry[] {
  const made: TimelineEntry = { kind: 'markMade', date: mark.markedOn, markId: mark.id, markKind: mark.kind }
  return mark.endedOn === null ? [made] : [made, { kind: 'markEnded', date: mark.endedOn, markId: mark.id, markKind: mark.kind }]
}

export function unitTimeline({ dialogues, plans, marks, preparations }: TimelineInput): TimelineEntry[] {
  const entries: TimelineEntry[] = dialogues.map((d) => ({
    kind: 'dialogue',
    date: dialogueDate(d),
    dialogueId: d.id,
    dialogueKind: d.kind,
    held: d.heldOn !== null,
  }))
  for (const p of preparations) {
    if (p.readyAt !== null) entries.push({ kind: 'preparationReady', date: copenhagenDayOf(p.readyAt), preparationId: p.id, readyAt: p.readyAt })
  }
  for (const plan of plans) entries.push(...planEntries(plan))
  for (const mark of marks) entries.push(...markEntries(mark))
  return entries.sort(compareEntries)
}
