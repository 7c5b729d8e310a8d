// The demo's dialogue chain (DOMAIN.md "The dialogue chain"; issue 8 §10), per area, relative to
// today: each unit with a red or green light had a dialogue in the OC's last two rounds (spring and
// autumn) — support for red, recognition for green — with minutes, agreed actions (some done, some
// still open and so carried over), shared notes and now and then the OC's private one. Each support
// dialogue has its follow-ups after 1 or 3 months; a follow-up judged improved brings a visit after
// 6 months. In every area the chain also shows what the OC's and the leader's day is about: a
// follow-up due this month, one overdue, a development plan that the leader has not acknowledged
// yet (started at a follow-up that found no improvement, on the unit with the most red lights), a
// best practice mark on the greenest unit's recognition dialogue and a special unit mark.
// Dates follow the chain's rules in core; where a round lies too far back for a proposal to land
// where the story needs it, the OC moved the follow-up — as the app lets them.
import { addDaysIso, compareIso, endOfMonthIso, daysBetween, periodOf } from '../../core/dates'
import { FOLLOW_UP_MONTHS, proposeDialogues } from '../../core/dialogueChain'
import type { IndicatorKey, IsoDate } from '../../core/types'
import { at, ChainLog } from './chainLog'
import { clampIso, dialogueRounds, fitFollowUp, fitsAsProposed, proposedFollowUp, spreadOver, type FollowUpTarget, type Round } from './dialogueDates'
import { developmentPlan, followUp, seasonalDialogue, visit, type AreaCtx, type FollowUpGroup, type Topic, type UnitCase } from './dialogueRecords'
import * as text from './dialogueTexts'
import { leaderIdOf } from './people'
import { rngFor } from './prng'
import type { DemoArea, DemoChainWrite, DemoPerson, DemoUnit, UnitDesign } from './types'

type Role = 'plan' | 'due' | 'overdue'

interface Designation {
  role: Role
  group: FollowUpGroup
  followUpOn: IsoDate
}

function unitCase(unit: DemoUnit, design: UnitDesign, people: readonly DemoPerson[]): UnitCase {
  const leaderId = leaderIdOf(unit.id)
  // The chain's rule in core decides the topics; the date only matters for its follow-up dates.
  const proposals = proposeDialogues('2000-01-01', design.colours)
  const topics = proposals.map((p): Topic => ({ indicator: p.indicator, purpose: p.kind }))
  const byMonths = new Map<number, IndicatorKey[]>()
  for (const p of proposals.filter((x) => x.kind === 'support')) {
    const months = FOLLOW_UP_MONTHS[p.indicator]
    byMonths.set(months, [...(byMonths.get(months) ?? []), p.indicator])
  }
  return {
    unit,
    design,
    leaderId,
    leaderName: people.find((p) => p.id === leaderId)?.name ?? '',
    topics,
    groups: [...byMonths].sort(([a], [b]) => a - b).map(([months, indicators]) => ({ months, indicators })),
    reds: topics.filter((t) => t.purpose === 'support').length,
    greens: topics.filter((t) => t.purpose === 'recognition').length,
  }
}

/** Where each designated follow-up should fall, relative to today; `shift` days apart per area, so the OCs' days differ. */
function targets(today: IsoDate, shift: number): Record<Role, FollowUpTarget> {
  const monthEnd = endOfMonthIso(periodOf(today))
  const want = (from: IsoDate, to: IsoDate, target: IsoDate): FollowUpTarget => ({ range: { from, to }, target: clampIso(target, { from, to }) })
  return {
    // Held lately, so that the leader not having acknowledged the plan yet is believable.
    plan: want(addDaysIso(today, -25), addDaysIso(today, -3), addDaysIso(today, -12 + shift)),
    due: want(today, monthEnd, addDaysIso(today, Math.floor(daysBetween(today, monthEnd) / 2) + shift)),
    overdue: want(addDaysIso(today, -20), addDaysIso(today, -5), addDaysIso(today, -10 - shift)),
  }
}

const mostRedFirst = (a: UnitCase, b: UnitCase): number => b.reds - a.reds || a.unit.id.localeCompare(b.unit.id)

/**
 * The latest round's designated follow-ups and the days their dialogues were held. The plan goes to
 * the unit with the most red lights; due and overdue to the first follow-ups that land there as
 * proposed, or else the first unit free to have its follow-up moved.
 */
function designate(
  cases: UnitCase[],
  window: Round['window'],
  want: Record<Role, FollowUpTarget>,
): { dialogueOn: Map<string, IsoDate>; roles: Map<string, Designation[]> } {
  const reds = cases.filter((c) => c.reds > 0).sort(mostRedFirst)
  const [planCase] = reds
  if (!planCase || reds.length < 3) throw new Error('seed: an area needs three units with a red light for its dialogue chain')
  const dialogueOn = new Map<string, IsoDate>()
  const roles = new Map<string, Designation[]>()
  const assign = (c: UnitCase, d: Designation) => roles.set(c.unit.id, [...(roles.get(c.unit.id) ?? []), d])

  const planGroup = planCase.groups[0] as FollowUpGroup
  const planFit = fitFollowUp(planGroup.months, want.plan, window)
  dialogueOn.set(planCase.unit.id, planFit.dialogueOn)
  assign(planCase, { role: 'plan', group: planGroup, followUpOn: planFit.followUpOn })

  const candidates = reds.flatMap((c) => c.groups.map((group) => ({ c, group }))).filter((x) => x.group !== planGroup)
  for (const role of ['due', 'overdue'] as const) {
    const taken = (x: (typeof candidates)[number]) => roles.get(x.c.unit.id)?.some((d) => d.group === x.group) ?? false
    const free = candidates.filter((x) => !taken(x))
    const exact = free.find((x) => {
      const fixed = dialogueOn.get(x.c.unit.id)
      return fixed ? fitsAsProposed(fixed, x.group.months, want[role]) : fitFollowUp(x.group.months, want[role], window).asProposed
    })
    const pick = exact ?? free.find((x) => !dialogueOn.has(x.c.unit.id))
    if (!pick) throw new Error(`seed: no unit left for the ${role} follow-up`)
    const fixed = dialogueOn.get(pick.c.unit.id)
    const fit = fixed ? { dialogueOn: fixed, followUpOn: proposedFollowUp(fixed, pick.group.months) } : fitFollowUp(pick.group.months, want[role], window)
    dialogueOn.set(pick.c.unit.id, fit.dialogueOn)
    assign(pick.c, { role, group: pick.group, followUpOn: fit.followUpOn })
  }
  return { dialogueOn, roles }
}

function areaChain(ctx: AreaCtx, cases: UnitCase[], rounds: [Round, Round], areaIndex: number): void {
  const [previous, latest] = rounds
  const { dialogueOn, roles } = designate(cases, latest.window, targets(ctx.today, 2 * areaIndex))
  const planCase = [...roles].find(([, ds]) => ds.some((d) => d.role === 'plan'))?.[0]
  const greenest = [...cases].sort((a, b) => b.greens - a.greens || a.unit.id.localeCompare(b.unit.id))[0]
  if (!greenest || greenest.greens === 0) throw new Error('seed: an area needs a unit with a green light for its best practice')
  // Each area recognises a different indicator's practice, so the directorate's list reads varied.
  const recognised = greenest.topics.filter((t) => t.purpose === 'recognition')
  const bestTopic = recognised[areaIndex % recognised.length] as Topic

  cases.forEach((c, i) => {
    const isPlanUnit = c.unit.id === planCase
    const first = spreadOver(previous.window, i, cases.length)
    const second = dialogueOn.get(c.unit.id) ?? spreadOver(latest.window, i, cases.length)
    const rng = rngFor(`dialogues:${c.unit.id}:${previous.season}-${previous.year}:${latest.season}-${latest.year}`)

    const before = seasonalDialogue(ctx, { c, heldOn: first, nextOn: second, rng, keepOpen: isPlanUnit, bestPractice: false, privateNote: false })
    for (const group of c.groups) {
      const f = followUp(ctx, { c, dialogue: before, group, scheduledOn: proposedFollowUp(first, group.months), judged: true })
      visit(ctx, c, f.id, f.heldOn as IsoDate, group.indicators, rng)
    }

    const bestPractice = c === greenest
    const last = seasonalDialogue(ctx, { c, heldOn: second, previous: before, nextOn: null, rng, keepOpen: isPlanUnit, bestPractice, privateNote: isPlanUnit })
    if (bestPractice) {
      ctx.log.mark(`${last.id}.bedstepraksis`, c.unit.id, ctx.ocId, at(second, '13:15'), {
        kind: 'best_practice',
        indicator: bestTopic.indicator,
        text: text.BEST_PRACTICE_TEXTS[bestTopic.indicator],
        dialogueId: last.id,
        markedOn: second,
        endedOn: null,
      })
    }
    for (const group of c.groups) {
      const role = roles.get(c.unit.id)?.find((d) => d.group === group)
      const scheduledOn = role?.followUpOn ?? proposedFollowUp(second, group.months)
      const past = compareIso(scheduledOn, ctx.today) < 0
      const judged = role?.role === 'plan' ? false : role?.role === 'due' || role?.role === 'overdue' || !past ? null : true
      const f = followUp(ctx, { c, dialogue: last, group, scheduledOn, judged })
      if (judged === true) visit(ctx, c, f.id, scheduledOn, group.indicators, rng)
      if (judged === false) {
        developmentPlan(ctx, c, f.id, scheduledOn, group.indicators)
        ctx.log.mark(`${f.id}.saerlig`, c.unit.id, ctx.ocId, at(scheduledOn, '14:05'), {
          kind: 'special_unit',
          indicator: group.indicators[0] as IndicatorKey,
          text: text.specialUnitText(c.unit.name, group.indicators, c.design.dominant),
          dialogueId: f.id,
          markedOn: scheduledOn,
          endedOn: null,
        })
      }
    }
  })
}

export interface ChainInput {
  today: IsoDate
  areas: readonly DemoArea[]
  units: readonly DemoUnit[]
  designs: readonly UnitDesign[]
  people: readonly DemoPerson[]
}

/** Every area's dialogue chain, as the writes that made it, oldest first. Pure and deterministic for a today. */
export function demoDialogueChain(input: ChainInput): DemoChainWrite[] {
  const log = new ChainLog()
  const rounds = dialogueRounds(input.today)
  input.areas.forEach((area, areaIndex) => {
    const ocId = `person-oc-${area.slug}`
    const ocName = input.people.find((p) => p.id === ocId)?.name ?? ''
    const cases = input.units
      .filter((u) => u.areaId === area.id)
      .map((u) => unitCase(u, input.designs.find((d) => d.unitId === u.id) as UnitDesign, input.people))
      .filter((c) => c.topics.length > 0)
    areaChain({ today: input.today, log, ocId, ocName }, cases, rounds, areaIndex)
  })
  return log.inOrder()
}
