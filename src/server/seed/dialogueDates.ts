// When the demo's dialogues fall, relative to the `today` the seed is given. The yearly cycle
// (seed 001) has a dialogue in April and one in October; the demo holds each OC's round in the
// spring (March–May) and the autumn (September–November), always before today, so whatever date
// the server starts on the history is in the past and the next meetings lie ahead.
import { addDaysIso, addMonthsIso, compareIso, daysBetween, maxIso, minIso, parseIsoDate } from '../../core/dates'
import type { IsoDate } from '../../core/types'

export interface DateRange {
  from: IsoDate
  to: IsoDate
}

export interface Round {
  season: 'spring' | 'autumn'
  year: number
  /** The days the round's dialogues are held on: inside the season and before today. */
  window: DateRange
}

const SEASONS = {
  spring: { from: '03-10', to: '05-25', countsFrom: '04-01' },
  autumn: { from: '09-08', to: '11-25', countsFrom: '10-01' },
} as const

/**
 * The latest spring and the latest autumn round, oldest first. This year's season counts once three
 * weeks of it have passed (so there are days to spread the dialogues over); its window then ends two
 * days before today.
 */
export function dialogueRounds(today: IsoDate): [Round, Round] {
  const year = Number(today.slice(0, 4))
  const round = (season: keyof typeof SEASONS): Round => {
    const s = SEASONS[season]
    const y = compareIso(today, `${year}-${s.countsFrom}`) >= 0 ? year : year - 1
    return { season, year: y, window: { from: `${y}-${s.from}`, to: minIso(`${y}-${s.to}`, addDaysIso(today, -2)) } }
  }
  const [a, b] = [round('spring'), round('autumn')]
  return compareIso(a.window.from, b.window.from) < 0 ? [a, b] : [b, a]
}

export const within = (date: IsoDate, range: DateRange): boolean => compareIso(range.from, date) <= 0 && compareIso(date, range.to) <= 0

export const clampIso = (date: IsoDate, range: DateRange): IsoDate => maxIso(range.from, minIso(date, range.to))

const isWeekday = (date: IsoDate): boolean => {
  const day = parseIsoDate(date).getDay()
  return day !== 0 && day !== 6
}

/** The weekday nearest `date` inside the range (meetings are not held at weekends); `date` itself if none is. */
export function nearestWeekday(date: IsoDate, range: DateRange): IsoDate {
  for (const offset of [0, -1, 1, -2, 2]) {
    const candidate = addDaysIso(date, offset)
    if (isWeekday(candidate) && within(candidate, range)) return candidate
  }
  return date
}

/** The i-th of n meetings spread evenly over the window, on weekdays. */
export function spreadOver(window: DateRange, i: number, n: number): IsoDate {
  const span = daysBetween(window.from, window.to)
  return nearestWeekday(addDaysIso(window.from, Math.round((i * span) / Math.max(1, n))), window)
}

/** A follow-up meant to fall in `range` (due this month, overdue, held lately), `months` after its dialogue. */
export interface FollowUpTarget {
  range: DateRange
  /** The preferred day inside the range. */
  target: IsoDate
}

export interface FollowUpFit {
  dialogueOn: IsoDate
  followUpOn: IsoDate
  /** True when the follow-up is the app's proposal (dialogue + months); false when the OC moved it. */
  asProposed: boolean
}

/** The follow-up months after a dialogue held on `dialogueOn`, on a weekday next to the proposal. */
export function proposedFollowUp(dialogueOn: IsoDate, months: number): IsoDate {
  const proposal = addMonthsIso(dialogueOn, months)
  return nearestWeekday(proposal, { from: addDaysIso(proposal, -2), to: addDaysIso(proposal, 2) })
}

/**
 * The dialogue's day in the window that puts its proposed follow-up in the target range; when no day
 * does (the round lies too far back), the OC moved the follow-up into the range, a week or more after
 * the dialogue. Pure arithmetic on dates: the same today always gives the same days.
 */
export function fitFollowUp(months: number, want: FollowUpTarget, window: DateRange): FollowUpFit {
  const ideal = nearestWeekday(clampIso(addMonthsIso(want.target, -months), window), window)
  const proposal = proposedFollowUp(ideal, months)
  if (within(proposal, want.range)) return { dialogueOn: ideal, followUpOn: proposal, asProposed: true }
  const followUpOn = nearestWeekday(want.target, want.range)
  const before = { from: window.from, to: maxIso(window.from, minIso(window.to, addDaysIso(followUpOn, -7))) }
  return { dialogueOn: nearestWeekday(clampIso(addMonthsIso(want.target, -months), before), before), followUpOn, asProposed: false }
}

/** Whether a dialogue held on `dialogueOn` has its proposed follow-up in the range (its day already fixed). */
export function fitsAsProposed(dialogueOn: IsoDate, months: number, want: FollowUpTarget): boolean {
  return within(proposedFollowUp(dialogueOn, months), want.range)
}
