import { describe, expect, it } from 'vitest'
import { leaderInbox, ocInbox, type InboxItem } from '../../src/core/dialogue/inbox'
import type { Dialogue } from '../../src/core/types'
import { dialogue, dialogueAction, plan, preparation } from './dialogueFixtures'

const today = '2025-03-10'
const brief = (items: InboxItem[]) =>
  items.map((i) => {
    const id = 'dialogueId' in i && i.kind !== 'action' ? i.dialogueId : 'preparationId' in i ? i.preparationId : 'planId' in i ? i.planId : i.actionId
    return [i.kind, id, i.date, i.overdue]
  })
const meetingsOnly = { preparations: [], plans: [], lastSeenAt: null }

describe('ocInbox: meetings within the horizon', () => {
  it.each<[string, number | undefined, string, boolean | null]>([
    ['yesterday: overdue', undefined, '2025-03-09', true],
    ['long ago and never held: overdue', undefined, '2024-10-01', true],
    ['today: due, not overdue', undefined, '2025-03-10', false],
    ['today + 14 (the default horizon): in', undefined, '2025-03-24', false],
    ['today + 15: not yet', undefined, '2025-03-25', null],
    ['today + 3 with a horizon of 3: in', 3, '2025-03-13', false],
    ['today + 4 with a horizon of 3: not yet', 3, '2025-03-14', null],
  ])('%s', (_name, horizonDays, scheduledOn, overdue) => {
    const items = ocInbox({ today, dialogues: [dialogue('d', { scheduledOn })], horizonDays, ...meetingsOnly })
    expect(items.map((i) => i.overdue)).toEqual(overdue === null ? [] : [overdue])
  })

  it('a held meeting has left the inbox, also one held late', () => {
    const dialogues = [dialogue('d1', { scheduledOn: '2025-03-01', heldOn: '2025-03-12' }), dialogue('d2', { scheduledOn: '2025-03-11', heldOn: '2025-03-11' })]
    expect(ocInbox({ today, dialogues, ...meetingsOnly })).toEqual([])
  })

  it.each<[Dialogue['kind'], InboxItem['kind']]>([
    ['dialogue', 'dialogue'],
    ['follow_up', 'followUp'],
    ['visit', 'followUp'],
    ['plan_follow_up', 'followUp'],
  ])('a %s is a %s item with its record id and unit', (kind, itemKind) => {
    const [item] = ocInbox({ today, dialogues: [dialogue('d', { kind, scheduledOn: '2025-03-12', unitId: 'u7' })], ...meetingsOnly })
    expect(item).toEqual({ kind: itemKind, dialogueId: 'd', dialogueKind: kind, unitId: 'u7', date: '2025-03-12', overdue: false })
  })
})

describe('ocInbox: preparations marked ready since the OC last looked', () => {
  const preparations = [
    preparation('p-draft'),
    preparation('p-early', { readyAt: '2025-03-01T08:00:00Z' }),
    preparation('p-same', { readyAt: '2025-03-05T09:00:00+01:00' }), // the same moment as lastSeenAt below
    preparation('p-new', { readyAt: '2025-03-05T08:00:01Z' }),
  ]
  const ids = (lastSeenAt: string | null) =>
    ocInbox({ today, dialogues: [], plans: [], preparations, lastSeenAt }).map((i) => (i.kind === 'preparationReady' ? i.preparationId : ''))

  it('lastSeenAt null: every ready one, never a draft', () => {
    expect(ids(null)).toEqual(['p-early', 'p-new', 'p-same']) // one day, one unit: by id
  })
  it('only those ready after lastSeenAt, compared as moments (offsets differ)', () => {
    expect(ids('2025-03-05T08:00:00Z')).toEqual(['p-new'])
  })

  it.each<[string, string]>([
    ['2025-03-30T22:30:00Z', '2025-03-31'], // 00:30 in Copenhagen, summer time begun
    ['2025-03-29T22:30:00Z', '2025-03-29'], // 23:30 in Copenhagen, winter time
    ['2025-10-25T22:30:00Z', '2025-10-26'], // 00:30 summer time
    ['2025-12-31T23:00:00Z', '2026-01-01'],
  ])('marked ready at %s: dated %s (the day in Copenhagen)', (readyAt, date) => {
    const [item] = ocInbox({ today, dialogues: [], plans: [], preparations: [preparation('p', { readyAt })], lastSeenAt: null })
    expect(item).toEqual({ kind: 'preparationReady', preparationId: 'p', readyAt, unitId: 'u1', date, overdue: false })
  })
})

describe('ocInbox: plans that lack the OC’s acknowledgement', () => {
  it('lists a running plan not acknowledged by the OC, even when the leader has', () => {
    const plans = [
      plan('p-open', { leaderAcknowledgedOn: '2025-03-02', leaderAcknowledgedBy: 'lea' }),
      plan('p-acked', { ocAcknowledgedOn: '2025-03-02', ocAcknowledgedBy: 'oc' }),
      plan('p-ended', { endedOn: '2025-03-05' }),
    ]
    expect(ocInbox({ today, dialogues: [], preparations: [], plans, lastSeenAt: null })).toEqual([
      { kind: 'planAcknowledgement', planId: 'p-open', unitId: 'u1', date: '2025-04-01', overdue: false },
    ])
  })
})

describe('ocInbox: order', () => {
  it('overdue first, then by date, then by unit', () => {
    const items = ocInbox({
      today,
      dialogues: [
        dialogue('later', { scheduledOn: '2025-03-20', unitId: 'u1' }),
        dialogue('b-today', { scheduledOn: '2025-03-10', unitId: 'u2' }),
        dialogue('a-today', { scheduledOn: '2025-03-10', unitId: 'u1' }),
        dialogue('late', { scheduledOn: '2025-03-01', unitId: 'u3' }),
        dialogue('later-late', { scheduledOn: '2025-03-08', unitId: 'u1' }),
      ],
      preparations: [preparation('prep', { readyAt: '2025-03-09T10:00:00Z', unitId: 'u0' })],
      plans: [plan('plan', { startedOn: '2025-03-10', unitId: 'u0' })],
      lastSeenAt: null,
    })
    expect(brief(items)).toEqual([
      ['dialogue', 'late', '2025-03-01', true],
      ['dialogue', 'later-late', '2025-03-08', true],
      ['preparationReady', 'prep', '2025-03-09', false], // ready yesterday: news, not late
      ['planAcknowledgement', 'plan', '2025-03-10', false],
      ['dialogue', 'a-today', '2025-03-10', false],
      ['dialogue', 'b-today', '2025-03-10', false],
      ['dialogue', 'later', '2025-03-20', false],
    ])
  })
})

describe('leaderInbox', () => {
  it.each<[string, string, boolean | null]>([
    ['overdue', '2025-03-09', true],
    ['today', '2025-03-10', false],
    ['today + 30 (the default horizon)', '2025-04-09', false],
    ['today + 31', '2025-04-10', null],
  ])('a meeting of the unit %s', (_name, scheduledOn, overdue) => {
    const items = leaderInbox({ today, dialogues: [dialogue('d', { kind: 'follow_up', scheduledOn })], actions: [], plans: [] })
    expect(items.map((i) => [i.kind, i.overdue])).toEqual(overdue === null ? [] : [['followUp', overdue]])
  })

  it.each<[string, Parameters<typeof dialogueAction>[2], [string, boolean] | null]>([
    ['open, due yesterday: overdue', { dueOn: '2025-03-09' }, ['2025-03-09', true]],
    ['open, due today: not overdue', { dueOn: '2025-03-10' }, ['2025-03-10', false]],
    ['open, due in a year: listed (an action has no horizon)', { dueOn: '2026-03-10' }, ['2026-03-10', false]],
    ['open without a due date: listed as of today, never overdue', { dueOn: null }, ['2025-03-10', false]],
    ['done', { dueOn: '2025-03-01', status: 'done', doneOn: '2025-03-02' }, null],
    ['dropped', { dueOn: '2025-03-01', status: 'dropped' }, null],
  ])('an agreed action %s', (_name, fields, expected) => {
    const items = leaderInbox({ today, dialogues: [], actions: [dialogueAction('a', 'd1', fields)], plans: [] })
    expect(items).toEqual(
      expected === null
        ? []
        : [{ kind: 'action', actionId: 'a', dialogueId: 'd1', dueOn: fields?.dueOn ?? null, unitId: 'u1', date: expected[0], overdue: expected[1] }],
    )
  })

  it('a plan that lacks the leader’s acknowledgement, even when the OC has; not one ended', () => {
    const plans = [
      plan('p-open', { ocAcknowledgedOn: '2025-03-02', ocAcknowledgedBy: 'oc' }),
      plan('p-acked', { leaderAcknowledgedOn: '2025-03-02', leaderAcknowledgedBy: 'lea' }),
      plan('p-ended', { endedOn: '2025-03-05' }),
    ]
    expect(leaderInbox({ today, dialogues: [], actions: [], plans }).map((i) => (i.kind === 'planAcknowledgement' ? i.planId : ''))).toEqual(['p-open'])
  })

  it('overdue first, then by date', () => {
    const items = leaderInbox({
      today,
      dialogues: [dialogue('meeting', { scheduledOn: '2025-03-15' })],
      actions: [dialogueAction('late', 'd1', { dueOn: '2025-03-01' }), dialogueAction('undated', 'd1'), dialogueAction('soon', 'd1', { dueOn: '2025-03-12' })],
      plans: [plan('plan', { startedOn: '2025-02-28' })],
    })
    expect(brief(items)).toEqual([
      ['action', 'late', '2025-03-01', true],
      ['planAcknowledgement', 'plan', '2025-02-28', false],
      ['action', 'undated', '2025-03-10', false],
      ['action', 'soon', '2025-03-12', false],
      ['dialogue', 'meeting', '2025-03-15', false],
    ])
  })
})
