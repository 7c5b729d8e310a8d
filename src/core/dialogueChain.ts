// The dialogue chain (dialogkæde, seed 000): which OC dialogue an indicator outcome calls for and
// when to follow up. Yellow and grey call for no OC dialogue (the leader acts alone, or data is
// missing), so they are left out of the proposal rather than returned as a 'none' entry.
// The app proposes dates; the OC may move them.
import { addMonthsIso } from './dates'
import { INDICATORS } from './types'
import type { Colour, IndicatorKey, IsoDate } from './types'

export type ProposedDialogueKind = 'recognition' | 'support'

export interface ProposedDialogue {
  indicator: IndicatorKey
  kind: ProposedDialogueKind
  /** The first follow-up after a support dialogue; null after recognition. */
  followUpOn: IsoDate | null
}

/** Months from a support dialogue to its follow-up: 1 for the primary indicators, 3 for the derived. */
export const FOLLOW_UP_MONTHS: Readonly<Record<IndicatorKey, number>> = { budget: 1, actionPlan: 1, forecast: 3, balance: 3 }

/** When the unit's forecasts look reasonable at the follow-up, the OC comes again after this. */
export const VISIT_AFTER_MONTHS = 6

/** Rhythm of the development plan's follow-ups: monthly (budget, action plan) or after 3 months. */
const DEVELOPMENT_PLAN_RHYTHM_MONTHS: Readonly<Record<IndicatorKey, number>> = FOLLOW_UP_MONTHS

/** Months between a development plan's meetings when it is about this indicator. */
export function developmentPlanRhythm(indicator: IndicatorKey): number {
  return DEVELOPMENT_PLAN_RHYTHM_MONTHS[indicator]
}

/** One entry per green or red outcome, in the fixed indicator order. */
export function proposeDialogues(dialogueDate: IsoDate, outcomes: Partial<Record<IndicatorKey, Colour>>): ProposedDialogue[] {
  const proposals: ProposedDialogue[] = []
  for (const indicator of INDICATORS) {
    const colour = outcomes[indicator]
    if (colour === 'green') proposals.push({ indicator, kind: 'recognition', followUpOn: null })
    if (colour === 'red') {
      proposals.push({ indicator, kind: 'support', followUpOn: addMonthsIso(dialogueDate, FOLLOW_UP_MONTHS[indicator]) })
    }
  }
  return proposals
}

export type FollowUpNext = { outcome: 'visit'; nextOn: IsoDate } | { outcome: 'developmentPlan'; rhythmMonths: number; nextOn: IsoDate }

/** After the follow-up: a visit in 6 months if it improved, otherwise a development plan and its rhythm. */
export function nextAfterFollowUp(followUpDate: IsoDate, indicator: IndicatorKey, improved: boolean): FollowUpNext {
  if (improved) return { outcome: 'visit', nextOn: addMonthsIso(followUpDate, VISIT_AFTER_MONTHS) }
  const rhythmMonths = DEVELOPMENT_PLAN_RHYTHM_MONTHS[indicator]
  return { outcome: 'developmentPlan', rhythmMonths, nextOn: addMonthsIso(followUpDate, rhythmMonths) }
}

/**
 * The first `count` follow-up dates of a development plan started on `start`. Each is counted from
 * the start (start + k × rhythm), not from the previous date, so a month end does not drift:
 * from 31 Jan the monthly dates are 28/29 Feb, 31 Mar, 30 Apr …
 */
export function developmentPlanDates(start: IsoDate, indicator: IndicatorKey, count: number): IsoDate[] {
  const rhythm = DEVELOPMENT_PLAN_RHYTHM_MONTHS[indicator]
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => addMonthsIso(start, rhythm * (i + 1)))
}
