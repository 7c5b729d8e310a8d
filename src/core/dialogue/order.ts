// When a dialogue took place (or will): the day it was held, else the day it is scheduled for. The
// agenda's carry-over and the unit's timeline both order dialogues by it.
import { compareIso } from '../dates'
import { INDICATORS } from '../types'
import type { Dialogue, IndicatorKey, IsoDate } from '../types'

export function dialogueDate(dialogue: Pick<Dialogue, 'heldOn' | 'scheduledOn'>): IsoDate {
  return dialogue.heldOn ?? dialogue.scheduledOn
}

/** Total order of dialogues: by date, then by id, so two dialogues on one day are still one before the other. */
export function compareDialogues(a: Pick<Dialogue, 'id' | 'heldOn' | 'scheduledOn'>, b: Pick<Dialogue, 'id' | 'heldOn' | 'scheduledOn'>): number {
  return compareIso(dialogueDate(a), dialogueDate(b)) || compareIds(a.id, b.id)
}

/** Ids compared by code unit, not by locale: the same order on every device. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** An indicator's place in the fixed order (budget, action plan, forecast, balance). */
export function indicatorIndex(indicator: IndicatorKey): number {
  return INDICATORS.indexOf(indicator)
}
