// The yearly cycle (årshjul, seed 001). Dates are configuration; these are the defaults. An event
// with a day happens on that day; one without a day spans its whole month, and is still due until
// the month ends.
import { compareIso, endOfMonthIso, periodOf, startOfMonthIso } from './dates'
import type { IsoDate, Role } from './types'

export interface CycleEvent {
  id: string
  month: number // 1–12
  day?: number
  roles: Role[]
  titleDa: string
  titleEn: string
}

export const DEFAULT_YEARLY_CYCLE: readonly CycleEvent[] = [
  { id: 'agreementAdjustment', month: 1, roles: ['leader', 'area_chief'], titleDa: 'Tilpasning af aftaler', titleEn: 'Adjustment of the agreements' },
  { id: 'springDialogue', month: 4, roles: ['leader', 'area_chief'], titleDa: 'Dialog', titleEn: 'Dialogue' },
  {
    id: 'budgetSeminar',
    month: 7,
    roles: ['area_chief', 'directorate', 'economics'],
    titleDa: 'Strategi- og budgetseminar',
    titleEn: 'Strategy and budget seminar',
  },
  {
    id: 'focusAreaStatus',
    month: 10,
    day: 1,
    roles: ['leader', 'area_chief'],
    titleDa: 'Status-opfølgning på eksisterende indsatsområder',
    titleEn: 'Status follow-up on existing focus areas',
  },
  {
    id: 'autumnDialogue',
    month: 10,
    roles: ['leader', 'area_chief'],
    titleDa: 'Dialog om indsatsområder for næste år',
    titleEn: 'Dialogue on focus areas for next year',
  },
  {
    id: 'goalsAnnounced',
    month: 11,
    roles: ['leader', 'area_chief', 'directorate'],
    titleDa: 'Udmelding af endelige politiske og faglige mål',
    titleEn: 'Political and professional goals announced',
  },
  {
    id: 'ownInitiatives',
    month: 12,
    day: 1,
    roles: ['leader'],
    titleDa: 'Institutionens egne indsatser for næste år',
    titleEn: "The institution's own initiatives for next year",
  },
  {
    id: 'agreementsTreated',
    month: 12,
    roles: ['directorate', 'area_chief'],
    titleDa: 'Direktionen behandler aftalerne',
    titleEn: 'The directorate treats the agreements',
  },
]

export interface DatedCycleEvent {
  event: CycleEvent
  /** The day it happens, or the first of its month. */
  date: IsoDate
  /** The last day it is due: the same day, or the end of its month. */
  until: IsoDate
}

function dated(event: CycleEvent, year: number): DatedCycleEvent {
  const period = { year, month: event.month }
  if (event.day === undefined) return { event, date: startOfMonthIso(period), until: endOfMonthIso(period) }
  // A configured day past the month's end (31 April) falls on the last day.
  const last = endOfMonthIso(period)
  const day = `${last.slice(0, 8)}${String(Math.min(event.day, Number(last.slice(8)))).padStart(2, '0')}`
  return { event, date: day, until: day }
}

/** The cycle's events of the year before, this year and the next, in date order (stable for equal dates). */
function around(cycle: readonly CycleEvent[], year: number): DatedCycleEvent[] {
  return [year - 1, year, year + 1].flatMap((y) => cycle.map((e) => dated(e, y))).sort((a, b) => compareIso(a.date, b.date))
}

/** The next event for a role that is still due on `today`, wrapping into next year; null if none. */
export function nextDue(cycle: readonly CycleEvent[], role: Role, today: IsoDate): DatedCycleEvent | null {
  return around(cycle, periodOf(today).year).find((d) => d.event.roles.includes(role) && compareIso(d.until, today) >= 0) ?? null
}

/** Where in the cycle we are: the latest event (for any role) that has begun on or before today. */
export function currentPhase(cycle: readonly CycleEvent[], today: IsoDate): DatedCycleEvent | null {
  const begun = around(cycle, periodOf(today).year).filter((d) => compareIso(d.date, today) <= 0)
  return begun[begun.length - 1] ?? null
}
