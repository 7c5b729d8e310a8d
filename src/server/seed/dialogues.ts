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
import { addDaysIso, addMonthsIso, compareIso, endOfMonthIso, daysBetween, maxIso, minIso, periodOf } from '../../core/dates'
import { FOLLOW_UP_MONTHS, nextAfterFollowUp, proposeDialogues } from '../../core/dialogueChain'
import type { IndicatorKey, IsoDate } from '../../core/types'
import { at, ChainLog, type DialogueFields } from './chainLog'
import {
  clampIso,
  dialogueRounds,
  fitFollowUp,
  fitsAsProposed,
  nearestWeekday,
  proposedFollowUp,
  spreadOver,
  type FollowUpTarget,
  type Round,
} from './dialogueDates'
import * as text from './dialogueTexts'
import { leaderIdOf } from './people'
import { rngFor, type Rng } from './prng'
import type { DemoArea, DemoChainWrite, DemoPerson, DemoUnit, UnitDesign } from './types'

type Topic = DialogueFields['topics'][number]

interface FollowUpGroup {
  months: number
  indicators: IndicatorKey[]
}

interface UnitCase {
  unit: DemoUnit
  design: UnitDesign
  leaderId: string
  leaderName: string
  topics: Topic[]
  /** The support topics by the months to their follow-up (FOLLOW_UP_MONTHS), soonest first. */
  groups: FollowUpGroup[]
  reds: number
  greens: number
}

interface AreaCtx {
  today: IsoDate
  log: ChainLog
  ocId: string
  ocName: string
}

/** A seasonal dialogue as held: what the next round needs to know of it. */
interface Held {
  id: string
  heldOn: IsoDate
  actions: Array<{ id: string; status: 'open' | 'done' | 'dropped'; doneOn: IsoDate | null }>
}

type Role = 'plan' | 'due' | 'overdue'

interface Designation {
  role: Role
  group: FollowUpGroup
  followUpOn: IsoDate
}

const daDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const danishDate = (date: IsoDate): string => daDate.format(new Date(`${date}T12:00:00Z`))

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

function ownerName(owner: text.PlanActionText['owner'], c: UnitCase, ctx: AreaCtx): string {
  const economics = `${c.unit.economicsContact.name}, økonomikonsulent`
  switch (owner) {
    case 'leader':
      return c.leaderName
    case 'economics':
      return economics
    case 'oc':
      return ctx.ocName
    case 'leaderAndEconomics':
      return `${c.leaderName} og ${economics}`
  }
}

function agendaPoints(rng: Rng): string[] {
  const count = rng.int(0, 2)
  return rng.shuffle(text.OWN_AGENDA_POINTS).slice(0, count)
}

function statusLine(previous: Held | undefined, heldOn: IsoDate): string | null {
  if (!previous || previous.actions.length === 0) return null
  const done = previous.actions.filter((a) => a.status === 'done' && a.doneOn !== null && compareIso(a.doneOn, heldOn) <= 0).length
  const open = previous.actions.filter((a) => a.status !== 'dropped').length - done
  const carried = open > 0 ? ` ${open} føres videre.` : ''
  return `Status på det aftalte sidst (${danishDate(previous.heldOn)}): ${done} af ${previous.actions.length} handlinger er udført.${carried}`
}

interface SeasonalInput {
  c: UnitCase
  heldOn: IsoDate
  /** The unit's dialogue in the round before, whose open actions this one opens with. */
  previous?: Held
  /** The day the unit's next seasonal dialogue is held (the actions of this one are judged by then). */
  nextOn: IsoDate | null
  rng: Rng
  /** Keep the first action open: the chain must show one carried over / one open on the leader's list. */
  keepOpen: boolean
  bestPractice: boolean
  privateNote: boolean
}

function seasonalDialogue(ctx: AreaCtx, s: SeasonalInput): Held {
  const { c, heldOn, rng } = s
  const id = `dlg-${c.unit.id}-${heldOn.slice(0, 7)}`
  const agenda = agendaPoints(rng)

  const supportTopics = c.topics.filter((t) => t.purpose === 'support').slice(0, 3)
  const texts =
    supportTopics.length > 0
      ? supportTopics.map((t) => rng.pick(text.SUPPORT_ACTIONS[t.indicator]))
      : rng.chance(0.6)
        ? [rng.pick(text.RECOGNITION_ACTIONS)]
        : []
  const lines = [`Til stede: ${c.leaderName} (leder) og ${ctx.ocName} (områdechef).`]
  const status = statusLine(s.previous, heldOn)
  if (status) lines.push(status)
  for (const t of c.topics) {
    if (t.purpose === 'support') {
      const [first, ...more] = text.SUPPORT_MINUTES[t.indicator]
      lines.push(first as string, ...(rng.chance(0.5) ? more.slice(0, 1) : []))
    } else {
      lines.push(text.RECOGNITION_MINUTES[t.indicator])
    }
  }
  if (s.bestPractice) lines.push(text.BEST_PRACTICE_MINUTES)
  if (texts.length > 0) lines.push(`Aftalt: ${texts.map((x) => x.title.toLowerCase()).join('; ')}.`)
  const plan = { kind: 'dialogue' as const, topics: c.topics, followsFrom: null, scheduledOn: heldOn, agenda }
  ctx.log.meeting(id, c.unit.id, ctx.ocId, at(addDaysIso(heldOn, -21), '09:00'), plan, { heldOn, minutes: lines.join('\n'), improved: {} })

  const actions = texts.map((x, i) => agreedAction(ctx, s, id, i, x))
  const noteAt = at(heldOn, '13:10')
  if (s.bestPractice || s.privateNote || rng.chance(0.5)) {
    const indicator = c.topics[0]?.indicator ?? null
    ctx.log.note(`${id}.note`, c.unit.id, ctx.ocId, noteAt, {
      indicator,
      year: null,
      month: null,
      body: rng.pick(text.SHARED_NOTES),
      visibility: 'shared',
      dialogueId: id,
    })
  }
  if (s.privateNote || (supportTopics.length > 0 && rng.chance(0.25))) {
    ctx.log.note(`${id}.privat`, c.unit.id, ctx.ocId, noteAt, {
      indicator: null,
      year: null,
      month: null,
      body: rng.pick(text.PRIVATE_NOTES),
      visibility: 'oc_private',
      dialogueId: id,
    })
  }
  return { id, heldOn, actions }
}

function actionOutcome(roll: number, judgedAtNextDialogue: boolean, pastDue: boolean): 'open' | 'done' | 'dropped' {
  if (judgedAtNextDialogue) return roll < 0.7 ? 'done' : 'open'
  if (pastDue) return roll < 0.6 ? 'done' : roll < 0.7 ? 'dropped' : 'open'
  return roll < 0.15 ? 'done' : 'open'
}

function agreedAction(ctx: AreaCtx, s: SeasonalInput, dialogueId: string, i: number, x: text.ActionText): Held['actions'][number] {
  const { c, heldOn, rng } = s
  const id = `${dialogueId}.h${i + 1}`
  const recognition = text.RECOGNITION_ACTIONS.includes(x)
  const dueOn = recognition && rng.chance(0.5) ? null : nearestWeekday(addDaysIso(heldOn, 7 * rng.int(3, 8)), { from: heldOn, to: '9999-12-31' })
  ctx.log.agreeAction(id, c.unit.id, ctx.ocId, at(heldOn, '13:05'), { dialogueId, title: x.title, owner: ownerName(x.owner, c, ctx), dueOn })

  // Where it stands by the next dialogue (or by today, in the latest round). Most are done by then;
  // in the latest round one past its date is now and then dropped, one not due yet is seldom done.
  const by = minIso(addDaysIso(ctx.today, -1), s.nextOn ? addDaysIso(s.nextOn, -1) : '9999-12-31')
  const earliest = addDaysIso(heldOn, 5)
  const due = dueOn ?? addDaysIso(heldOn, 30)
  const roll = rng.next()
  const keptOpen = (i === 0 && s.keepOpen) || compareIso(earliest, by) > 0
  const outcome = keptOpen ? 'open' : actionOutcome(roll, s.nextOn !== null, compareIso(due, ctx.today) < 0)
  if (outcome === 'open') return { id, status: 'open', doneOn: null }
  const on = clampIso(addDaysIso(minIso(due, by), -rng.int(0, 7)), { from: earliest, to: by })
  if (outcome === 'dropped') {
    ctx.log.actionStatus(id, c.unit.id, c.leaderId, at(on, '15:00'), { status: 'dropped', doneOn: null })
    return { id, status: 'dropped', doneOn: null }
  }
  ctx.log.actionStatus(id, c.unit.id, c.leaderId, at(on, '15:00'), { status: 'done', doneOn: on })
  return { id, status: 'done', doneOn: on }
}

interface FollowUpInput {
  c: UnitCase
  dialogue: Held
  group: FollowUpGroup
  scheduledOn: IsoDate
  /** Held and judged (true: improved), or null: not held yet. */
  judged: boolean | null
}

function followUp(ctx: AreaCtx, f: FollowUpInput): { id: string; heldOn: IsoDate | null } {
  const { c, dialogue, group, judged } = f
  const id = `${dialogue.id}.opf${group.months}`
  const topics = group.indicators.map((indicator): Topic => ({ indicator, purpose: 'follow_up' }))
  const plan = { kind: 'follow_up' as const, topics, followsFrom: dialogue.id, scheduledOn: f.scheduledOn, agenda: [] }
  const lines =
    judged === null
      ? []
      : [
          `Opfølgning på dialogen den ${danishDate(dialogue.heldOn)}.`,
          ...group.indicators.map((i) => (judged ? text.FOLLOW_UP_MINUTES[i].improved : text.FOLLOW_UP_MINUTES[i].notImproved)),
          judged ? text.FOLLOW_UP_NEXT.visit : text.FOLLOW_UP_NEXT.plan,
        ]
  const held =
    judged === null ? null : { heldOn: f.scheduledOn, minutes: lines.join('\n'), improved: Object.fromEntries(group.indicators.map((i) => [i, judged])) }
  // Made when the dialogue was marked held: the app proposes the follow-ups then.
  ctx.log.meeting(id, c.unit.id, ctx.ocId, at(dialogue.heldOn, '13:01'), plan, held)
  return { id, heldOn: held?.heldOn ?? null }
}

/** After a follow-up judged improved: the OC comes again after 6 months (held, if that is past). */
function visit(ctx: AreaCtx, c: UnitCase, followUpId: string, followUpOn: IsoDate, indicators: IndicatorKey[], rng: Rng): void {
  const next = nextAfterFollowUp(followUpOn, indicators[0] as IndicatorKey, true).nextOn
  const on = nearestWeekday(next, { from: addDaysIso(next, -2), to: addDaysIso(next, 2) })
  const topics = indicators.map((indicator): Topic => ({ indicator, purpose: 'follow_up' }))
  const plan = { kind: 'visit' as const, topics, followsFrom: followUpId, scheduledOn: on, agenda: [] }
  const held = compareIso(on, ctx.today) < 0 ? { heldOn: on, minutes: rng.pick(text.VISIT_MINUTES), improved: {} } : null
  ctx.log.meeting(`${followUpId}.besoeg`, c.unit.id, ctx.ocId, at(followUpOn, '13:02'), plan, held)
}

/** The follow-up found no improvement: the plan on one page, the OC's acknowledgement, its first meeting. */
function developmentPlan(ctx: AreaCtx, c: UnitCase, followUpId: string, startedOn: IsoDate, indicators: IndicatorKey[]): void {
  // The plan's rhythm: the soonest of its indicators' (monthly for budget and action plan).
  const nextOn = indicators.map((i) => nextAfterFollowUp(startedOn, i, false).nextOn).reduce(minIso)
  const meetingOn = nearestWeekday(nextOn, { from: maxIso(addDaysIso(nextOn, -2), ctx.today), to: addDaysIso(nextOn, 2) })
  const actions = [...indicators.flatMap((i) => text.PLAN_ACTIONS[i]), text.PLAN_FOLLOW_UP_ACTION]
  if (actions.length < 3) actions.unshift(text.PLAN_SHARED_WITH_STAFF)
  const dueOn = (months: number | null) =>
    months === null ? meetingOn : nearestWeekday(addMonthsIso(startedOn, months), { from: startedOn, to: '9999-12-31' })
  ctx.log.plan(`${followUpId}.plan`, c.unit.id, ctx.ocId, at(startedOn, '14:00'), {
    fromDialogueId: followUpId,
    indicators,
    startedOn,
    goals: indicators.map((i) => text.PLAN_GOALS[i]),
    actions: actions.slice(0, 4).map((a) => ({ what: a.what, owner: ownerName(a.owner, c, ctx), dueOn: dueOn(a.dueMonths) })),
    leaderAcknowledgedOn: null,
    leaderAcknowledgedBy: null,
    ocAcknowledgedOn: startedOn,
    ocAcknowledgedBy: ctx.ocId,
    endedOn: null,
  })
  ctx.log.meeting(`${followUpId}.plan1`, c.unit.id, ctx.ocId, at(startedOn, '14:01'), {
    kind: 'plan_follow_up',
    topics: indicators.map((indicator): Topic => ({ indicator, purpose: 'follow_up' })),
    followsFrom: followUpId,
    scheduledOn: meetingOn,
    agenda: [],
  })
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
