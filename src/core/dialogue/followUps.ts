// The meetings the dialogue chain proposes (DOMAIN.md, the table of the dialogue chain): the
// dialogue the lights call for, the follow-ups after a support dialogue, and after a follow-up
// either the next visit or a development plan with its meetings. Ids are derived from the record
// they follow, so two devices marking the same dialogue held propose the very same records (and the
// sync merges them into one). The app proposes; the OC may move the dates.
import { addMonthsIso } from '../dates'
import { developmentPlanRhythm, FOLLOW_UP_MONTHS, developmentPlanDates, nextAfterFollowUp, proposeDialogues } from '../dialogueChain'
import { INDICATORS } from '../types'
import type { Colour, DevelopmentPlan, Dialogue, DialogueKind, DialogueTopic, IndicatorKey, IsoDate } from '../types'
import { indicatorIndex } from './order'

export interface ProposedMeeting {
  id: string
  kind: DialogueKind
  topics: DialogueTopic[]
  followsFrom: string | null
  scheduledOn: IsoDate
}

export interface ProposedPlan {
  id: string
  indicators: IndicatorKey[]
  startedOn: IsoDate
  fromDialogueId: string
}

const followUpTopics = (indicators: readonly IndicatorKey[]): DialogueTopic[] => indicators.map((indicator) => ({ indicator, purpose: 'follow_up' }))
const inOrder = (indicators: readonly IndicatorKey[]): IndicatorKey[] => [...indicators].sort((a, b) => indicatorIndex(a) - indicatorIndex(b))

/** One dialogue for what the lights call for: red → support, green → recognition; null when nothing does. */
export function proposeFromLights(lights: Partial<Record<IndicatorKey, Colour>>, on: IsoDate, id: string): ProposedMeeting | null {
  const topics: DialogueTopic[] = proposeDialogues(on, lights).map((p) => ({ indicator: p.indicator, purpose: p.kind }))
  return topics.length === 0 ? null : { id, kind: 'dialogue', topics, followsFrom: null, scheduledOn: on }
}

/**
 * The follow-ups of a held dialogue: its support topics grouped by their follow-up months (budget
 * and action plan after 1, forecast and balance after 3), one meeting per group, earliest first.
 */
export function followUpsAfterHeld(dialogue: Dialogue): ProposedMeeting[] {
  const { heldOn } = dialogue
  if (dialogue.kind !== 'dialogue' || heldOn === null) return []
  const byMonths = new Map<number, IndicatorKey[]>()
  for (const indicator of inOrder(dialogue.topics.filter((t) => t.purpose === 'support').map((t) => t.indicator))) {
    const months = FOLLOW_UP_MONTHS[indicator]
    byMonths.set(months, [...(byMonths.get(months) ?? []), indicator])
  }
  return [...byMonths]
    .sort(([a], [b]) => a - b)
    .map(([months, indicators]) => ({
      id: `${dialogue.id}.opf${months}`,
      kind: 'follow_up',
      topics: followUpTopics(indicators),
      followsFrom: dialogue.id,
      scheduledOn: addMonthsIso(heldOn, months),
    }))
}

/** A plan's rhythm: monthly when it covers budget or action plan, otherwise every 3 months. */
export function planRhythmMonths(indicators: readonly IndicatorKey[]): number {
  const rhythms = indicators.map(developmentPlanRhythm)
  // A plan about nothing has no reason to meet often: the slowest rhythm.
  return rhythms.length > 0 ? Math.min(...rhythms) : Math.max(...INDICATORS.map(developmentPlanRhythm))
}

/** The plan's first `count` meeting dates, each counted from its start so a month end does not drift. */
export function planFollowUpDates(plan: Pick<DevelopmentPlan, 'startedOn' | 'indicators'>, count: number): IsoDate[] {
  const rhythm = planRhythmMonths(plan.indicators)
  // The indicator that sets the rhythm: its dates are the plan's.
  const pacer = plan.indicators.find((i) => developmentPlanRhythm(i) === rhythm)
  return pacer === undefined ? [] : developmentPlanDates(plan.startedOn, pacer, count)
}

/**
 * The id of the plan meeting after `id`: a plan's meetings count on (…plan1 → …plan2, …naeste →
 * …naeste2), so a plan that runs for years keeps its ids short (ids are at most 100 characters).
 */
function nextPlanMeetingId(id: string): string {
  const counted = /^(.*\.(?:plan|naeste))(\d*)$/.exec(id)
  if (!counted) return `${id}.naeste`
  const [, stem, n] = counted
  return `${stem}${(n ? Number(n) : 1) + 1}`
}

export interface AfterFollowUp {
  visit: ProposedMeeting | null
  plan: ProposedPlan | null
  planMeeting: ProposedMeeting | null
}

/**
 * What follows a held follow-up once the OC has judged its indicators: the improved ones get one
 * visit after 6 months; the others a development plan started that day and its first meeting in
 * the plan's rhythm. At a plan's own follow-up (plan_follow_up) the running plan continues: no new
 * plan, only its next meeting. Indicators not yet judged propose nothing.
 */
export function afterFollowUp(followUp: Dialogue): AfterFollowUp {
  const none: AfterFollowUp = { visit: null, plan: null, planMeeting: null }
  const { heldOn } = followUp
  if (heldOn === null || (followUp.kind !== 'follow_up' && followUp.kind !== 'plan_follow_up')) return none
  const topics = inOrder(followUp.topics.map((t) => t.indicator))
  const improved = topics.filter((i) => followUp.improved[i] === true)
  const notImproved = topics.filter((i) => followUp.improved[i] === false)

  const [firstImproved] = improved
  const visit: ProposedMeeting | null =
    firstImproved === undefined
      ? null
      : {
          id: `${followUp.id}.besoeg`,
          kind: 'visit',
          topics: followUpTopics(improved),
          followsFrom: followUp.id,
          scheduledOn: nextAfterFollowUp(heldOn, firstImproved, true).nextOn,
        }
  if (notImproved.length === 0) return { ...none, visit }

  if (followUp.kind === 'plan_follow_up') {
    const scheduledOn = addMonthsIso(heldOn, planRhythmMonths(notImproved))
    const planMeeting: ProposedMeeting = {
      id: nextPlanMeetingId(followUp.id),
      kind: 'plan_follow_up',
      topics: followUpTopics(notImproved),
      followsFrom: followUp.id,
      scheduledOn,
    }
    return { visit, plan: null, planMeeting }
  }
  const plan: ProposedPlan = { id: `${followUp.id}.plan`, indicators: notImproved, startedOn: heldOn, fromDialogueId: followUp.id }
  const [firstOn] = planFollowUpDates(plan, 1)
  const planMeeting: ProposedMeeting | null = firstOn
    ? { id: `${followUp.id}.plan1`, kind: 'plan_follow_up', topics: followUpTopics(notImproved), followsFrom: followUp.id, scheduledOn: firstOn }
    : null
  return { visit, plan, planMeeting }
}

/** The proposed meeting as a new dialogue record of the unit: not held, nothing written yet. */
export function dialogueFromProposal(meeting: ProposedMeeting, unitId: string): Dialogue {
  return { ...meeting, unitId, heldOn: null, agenda: [], minutes: '', improved: {}, reopenedOn: null, reopenReason: '' }
}

/** The proposed plan as a new record: no goals or actions yet, acknowledged by neither. */
export function planFromProposal(plan: ProposedPlan, unitId: string): DevelopmentPlan {
  return {
    ...plan,
    unitId,
    goals: [],
    actions: [],
    leaderAcknowledgedOn: null,
    leaderAcknowledgedBy: null,
    ocAcknowledgedOn: null,
    ocAcknowledgedBy: null,
    endedOn: null,
  }
}
