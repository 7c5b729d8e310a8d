// What the dialogue chain asks of the OC and of the leader, for their inbox (DOMAIN.md, reminders):
// meetings coming up within the horizon or overdue, the leader's preparation marked ready, open
// actions and a plan to acknowledge. Each item leaves by itself once done (held, seen, done,
// acknowledged), since the inbox is computed from the records and `today` alone.
import { addDaysIso, compareIso, copenhagenDayOf } from '../dates'
import type { DevelopmentPlan, Dialogue, DialogueAction, DialogueKind, DialoguePreparation, IsoDate } from '../types'
import { compareIds } from './order'

interface InboxBase {
  date: IsoDate
  unitId: string
  overdue: boolean
}

export type InboxItem =
  | (InboxBase & { kind: 'dialogue'; dialogueId: string; dialogueKind: 'dialogue' })
  | (InboxBase & { kind: 'followUp'; dialogueId: string; dialogueKind: Exclude<DialogueKind, 'dialogue'> })
  /** date: the Copenhagen day of readyAt. */
  | (InboxBase & { kind: 'preparationReady'; preparationId: string; readyAt: string })
  /** date: the plan's start; never overdue (an acknowledgement has no deadline). */
  | (InboxBase & { kind: 'planAcknowledgement'; planId: string })
  /** date: the due date, or today for an action without one (it is on the list now, never overdue). */
  | (InboxBase & { kind: 'action'; actionId: string; dialogueId: string; dueOn: IsoDate | null })

export type InboxKind = InboxItem['kind']

const KIND_ORDER: readonly InboxKind[] = ['dialogue', 'followUp', 'preparationReady', 'planAcknowledgement', 'action']

function recordId(item: InboxItem): string {
  switch (item.kind) {
    case 'dialogue':
    case 'followUp':
      return item.dialogueId
    case 'preparationReady':
      return item.preparationId
    case 'planAcknowledgement':
      return item.planId
    case 'action':
      return item.actionId
  }
}

/** Overdue first, then by date, then by unit; kind and id make the order total. */
function compareItems(a: InboxItem, b: InboxItem): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    compareIso(a.date, b.date) ||
    compareIds(a.unitId, b.unitId) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareIds(recordId(a), recordId(b))
  )
}

/** Meetings not held, scheduled up to today + horizon (the horizon's last day included); overdue before today. */
function upcomingMeetings(dialogues: readonly Dialogue[], today: IsoDate, horizonDays: number): InboxItem[] {
  const until = addDaysIso(today, horizonDays)
  const items: InboxItem[] = []
  for (const d of dialogues) {
    if (d.heldOn !== null || compareIso(d.scheduledOn, until) > 0) continue
    const base = { date: d.scheduledOn, unitId: d.unitId, overdue: compareIso(d.scheduledOn, today) < 0, dialogueId: d.id }
    items.push(d.kind === 'dialogue' ? { ...base, kind: 'dialogue', dialogueKind: d.kind } : { ...base, kind: 'followUp', dialogueKind: d.kind })
  }
  return items
}

function plansToAcknowledge(plans: readonly DevelopmentPlan[], by: 'leader' | 'oc'): InboxItem[] {
  return plans
    .filter((p) => p.endedOn === null && (by === 'leader' ? p.leaderAcknowledgedOn : p.ocAcknowledgedOn) === null)
    .map((p) => ({ kind: 'planAcknowledgement', planId: p.id, unitId: p.unitId, date: p.startedOn, overdue: false }))
}

export interface OcInboxInput {
  today: IsoDate
  dialogues: readonly Dialogue[]
  preparations: readonly DialoguePreparation[]
  plans: readonly DevelopmentPlan[]
  /** When the OC last looked (ISO timestamp); null: every ready preparation is new. */
  lastSeenAt: string | null
  horizonDays?: number
}

export function ocInbox({ today, dialogues, preparations, plans, lastSeenAt, horizonDays = 14 }: OcInboxInput): InboxItem[] {
  // Compared as instants, not as text: two timestamps may be written with different offsets.
  const seenAt = lastSeenAt === null ? null : Date.parse(lastSeenAt)
  const ready: InboxItem[] = []
  for (const p of preparations) {
    if (p.readyAt === null || (seenAt !== null && !(Date.parse(p.readyAt) > seenAt))) continue
    ready.push({ kind: 'preparationReady', preparationId: p.id, readyAt: p.readyAt, unitId: p.unitId, date: copenhagenDayOf(p.readyAt), overdue: false })
  }
  return [...upcomingMeetings(dialogues, today, horizonDays), ...ready, ...plansToAcknowledge(plans, 'oc')].sort(compareItems)
}

export interface LeaderInboxInput {
  today: IsoDate
  dialogues: readonly Dialogue[]
  actions: readonly DialogueAction[]
  plans: readonly DevelopmentPlan[]
  horizonDays?: number
}

export function leaderInbox({ today, dialogues, actions, plans, horizonDays = 30 }: LeaderInboxInput): InboxItem[] {
  const open: InboxItem[] = actions
    .filter((a) => a.status === 'open')
    .map((a) => ({
      kind: 'action',
      actionId: a.id,
      dialogueId: a.dialogueId,
      dueOn: a.dueOn,
      unitId: a.unitId,
      date: a.dueOn ?? today,
      overdue: a.dueOn !== null && compareIso(a.dueOn, today) < 0,
    }))
  return [...upcomingMeetings(dialogues, today, horizonDays), ...open, ...plansToAcknowledge(plans, 'leader')].sort(compareItems)
}
