// The records of one area's dialogue chain as the demo writes them (dialogues.ts tells the story):
// a seasonal dialogue with its minutes, agreed actions and notes, a follow-up, a visit after an
// improvement and a development plan — each through the chain's log, in the order it was written.
import { addDaysIso, addMonthsIso, compareIso, maxIso, minIso } from '../../core/dates'
import { nextAfterFollowUp } from '../../core/dialogueChain'
import type { IndicatorKey, IsoDate } from '../../core/types'
import { at, ChainLog, type DialogueFields } from './chainLog'
import { clampIso, nearestWeekday } from './dialogueDates'
import * as text from './dialogueTexts'
import type { Rng } from './prng'
import type { DemoUnit, UnitDesign } from './types'

export type Topic = DialogueFields['topics'][number]

export interface FollowUpGroup {
  months: number
  indicators: IndicatorKey[]
}

export interface UnitCase {
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

export interface AreaCtx {
  today: IsoDate
  log: ChainLog
  ocId: string
  ocName: string
}

/** A seasonal dialogue as held: what the next round needs to know of it. */
export interface Held {
  id: string
  heldOn: IsoDate
  actions: Array<{ id: string; status: 'open' | 'done' | 'dropped'; doneOn: IsoDate | null }>
}

const daDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const danishDate = (date: IsoDate): string => daDate.format(new Date(`${date}T12:00:00Z`))

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

export function seasonalDialogue(ctx: AreaCtx, s: SeasonalInput): Held {
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

export function followUp(ctx: AreaCtx, f: FollowUpInput): { id: string; heldOn: IsoDate | null } {
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
export function visit(ctx: AreaCtx, c: UnitCase, followUpId: string, followUpOn: IsoDate, indicators: IndicatorKey[], rng: Rng): void {
  const next = nextAfterFollowUp(followUpOn, indicators[0] as IndicatorKey, true).nextOn
  const on = nearestWeekday(next, { from: addDaysIso(next, -2), to: addDaysIso(next, 2) })
  const topics = indicators.map((indicator): Topic => ({ indicator, purpose: 'follow_up' }))
  const plan = { kind: 'visit' as const, topics, followsFrom: followUpId, scheduledOn: on, agenda: [] }
  const held = compareIso(on, ctx.today) < 0 ? { heldOn: on, minutes: rng.pick(text.VISIT_MINUTES), improved: {} } : null
  ctx.log.meeting(`${followUpId}.besoeg`, c.unit.id, ctx.ocId, at(followUpOn, '13:02'), plan, held)
}

/** The follow-up found no improvement: the plan on one page, the OC's acknowledgement, its first meeting. */
export function developmentPlan(ctx: AreaCtx, c: UnitCase, followUpId: string, startedOn: IsoDate, indicators: IndicatorKey[]): void {
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
