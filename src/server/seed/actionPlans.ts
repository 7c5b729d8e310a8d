// The unit's action plan (handleplan) per year: 4–8 actions with due dates and a status. Earlier
// years are finished (done, a few late, some dropped with a reason); the current year is built so
// the fulfilment at the end of the latest month gives the designed colour.
import { actionPlanBand } from '../../core/indicators/bands'
import { addDaysIso, compareIso, endOfMonthIso, maxIso, minIso } from '../../core/dates'
import type { ActionStatus, Colour, IsoDate, Period, Thresholds } from '../../core/types'
import { DAYCARE_ACTIONS, DROP_REASONS, SCHOOL_ACTIONS } from './names'
import { randomId, rngFor, type Rng } from './prng'
import type { DemoActionItem, DemoUnit, UnitDesign } from './types'

const DUE_DAYS = [10, 15, 20, 25, 28]
const pad = (n: number): string => String(n).padStart(2, '0')

/** [due so far, done on time] for the designed colour. */
function plan(colour: Colour, t: Thresholds, rng: Rng): [number, number] {
  switch (colour) {
    case 'green': {
      const due = rng.int(3, 6)
      return [due, due]
    }
    case 'yellow': {
      const due = Math.max(5, Math.ceil(1 / (1 - t.actionPlanTarget) - 1e-9)) + rng.int(0, 1)
      return [due, due - 1]
    }
    case 'red': {
      const due = rng.int(4, 6)
      let done = Math.ceil(t.actionPlanTarget * due) - 1 - rng.int(0, 1)
      while (done > 0 && actionPlanBand(done / due, t) !== 'red') done--
      return [due, Math.max(1, done)]
    }
    default:
      return [0, 0]
  }
}

interface Draft {
  dueDate: IsoDate
  outcome: 'onTime' | 'late' | 'open' | 'future' | 'dropped'
}

function dueIn(rng: Rng, year: number, month: number): IsoDate {
  return `${year}-${pad(month)}-${pad(rng.pick(DUE_DAYS))}`
}

function currentYearDrafts(rng: Rng, year: number, last: Period, colour: Colour, t: Thresholds): Draft[] {
  if (colour === 'grey') return [] // no plan written yet this year
  const [due, onTime] = plan(colour, t, rng)
  const m = last.month
  const drafts: Draft[] = []
  // Spread the due actions over the months so far; the misses are the later ones, as plans slip.
  for (let i = 0; i < due; i++) {
    const month = Math.min(m, Math.max(1, Math.ceil(((i + 1) * m) / due)))
    drafts.push({ dueDate: dueIn(rng, year, month), outcome: i < onTime ? 'onTime' : rng.chance(0.5) ? 'late' : 'open' })
  }
  for (let i = 0, n = m < 12 ? rng.int(1, 3) : 0; i < n; i++) {
    drafts.push({ dueDate: dueIn(rng, year, rng.int(m + 1, 12)), outcome: 'future' })
  }
  if (rng.chance(0.3)) drafts.push({ dueDate: dueIn(rng, year, rng.int(1, 12)), outcome: 'dropped' })
  return drafts
}

function pastYearDrafts(rng: Rng, year: number, design: UnitDesign): Draft[] {
  const n = rng.int(4, 8)
  const slips = design.profile === 'good' ? 0 : rng.int(0, 2)
  return Array.from({ length: n }, (_, i) => ({
    dueDate: dueIn(rng, year, Math.ceil(((i + 1) * 12) / n)),
    outcome: i === n - 1 && rng.chance(0.25) ? 'dropped' : i >= n - 1 - slips ? 'late' : 'onTime',
  }))
}

export function unitActionPlan(
  unit: DemoUnit,
  design: UnitDesign,
  leaderId: string,
  years: number[],
  last: Period,
  today: IsoDate,
  t: Thresholds,
): DemoActionItem[] {
  const titles = unit.unitType === 'school' ? SCHOOL_ACTIONS : DAYCARE_ACTIONS
  const periodEnd = endOfMonthIso(last)
  const items: DemoActionItem[] = []
  for (const year of years) {
    const rng = rngFor(`actions:${unit.id}:${year}`)
    // Its own stream, so the ids never shift what the plan itself draws.
    const ids = rngFor(`action-ids:${unit.id}:${year}`)
    const drafts = year === last.year ? currentYearDrafts(rng, year, last, design.colours.actionPlan, t) : pastYearDrafts(rng, year, design)
    const names = rng.shuffle(titles)
    drafts
      .sort((a, b) => compareIso(a.dueDate, b.dueDate))
      .forEach((d, i) => {
        let status: ActionStatus = 'done'
        let doneOn: IsoDate | null = null
        if (d.outcome === 'onTime') doneOn = maxIso(`${year}-01-02`, addDaysIso(d.dueDate, -rng.int(0, 20)))
        if (d.outcome === 'late') doneOn = minIso(addDaysIso(d.dueDate, rng.int(5, 40)), addDaysIso(today, -1))
        if (d.outcome === 'late' && compareIso(doneOn as IsoDate, periodEnd) > 0 && year === last.year) {
          status = 'in_progress' // not finished by the end of the period: still overdue
          doneOn = null
        }
        if (d.outcome === 'open') status = rng.chance(0.7) ? 'in_progress' : 'planned'
        if (d.outcome === 'future') status = rng.chance(0.5) ? 'in_progress' : 'planned'
        if (d.outcome === 'dropped') status = 'dropped'
        items.push({
          id: randomId(ids),
          unitId: unit.id,
          year,
          title: names[i % names.length] as string,
          dueDate: d.dueDate,
          status,
          doneOn,
          dropReason: status === 'dropped' ? rng.pick(DROP_REASONS) : null,
          createdBy: leaderId,
        })
      })
  }
  return items
}
