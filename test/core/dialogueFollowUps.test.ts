import { describe, expect, it } from 'vitest'
import {
  afterFollowUp,
  dialogueFromProposal,
  followUpsAfterHeld,
  planFollowUpDates,
  planFromProposal,
  planRhythmMonths,
  proposeFromLights,
  type ProposedMeeting,
} from '../../src/core/dialogue/followUps'
import { developmentPlanSchema, dialogueSchema } from '../../src/core/schemas'
import type { Colour, Dialogue, IndicatorKey } from '../../src/core/types'
import { dialogue, followUp, recognition, support } from './dialogueFixtures'

describe('proposeFromLights: one dialogue for what the lights call for', () => {
  it.each<[IndicatorKey, Colour, 'support' | 'recognition']>([
    ['budget', 'red', 'support'],
    ['budget', 'green', 'recognition'],
    ['actionPlan', 'red', 'support'],
    ['actionPlan', 'green', 'recognition'],
    ['forecast', 'red', 'support'],
    ['forecast', 'green', 'recognition'],
    ['balance', 'red', 'support'],
    ['balance', 'green', 'recognition'],
  ])('%s %s → %s', (indicator, colour, purpose) => {
    expect(proposeFromLights({ [indicator]: colour }, '2025-03-10', 'dlg-1')).toEqual({
      id: 'dlg-1',
      kind: 'dialogue',
      topics: [{ indicator, purpose }],
      followsFrom: null,
      scheduledOn: '2025-03-10',
    })
  })

  it('several at once: one meeting, its topics in the fixed order; yellow and grey add none', () => {
    const meeting = proposeFromLights({ balance: 'green', forecast: 'yellow', actionPlan: 'grey', budget: 'red' }, '2025-03-10', 'dlg-1')
    expect(meeting?.topics).toEqual([...support('budget'), ...recognition('balance')])
  })

  it.each<Partial<Record<IndicatorKey, Colour>>>([{}, { budget: 'yellow' }, { budget: 'grey', actionPlan: 'yellow', forecast: 'grey', balance: 'yellow' }])(
    'no topic → null (%o)',
    (lights) => {
      expect(proposeFromLights(lights, '2025-03-10', 'dlg-1')).toBeNull()
    },
  )
})

const held = (fields: Partial<Dialogue>) => dialogue('dlg', { heldOn: '2025-01-31', scheduledOn: '2025-01-31', ...fields })

describe('followUpsAfterHeld: the support topics’ follow-ups, grouped by their months', () => {
  it.each<[string, Dialogue, Array<[string, string, IndicatorKey[]]>]>([
    ['budget alone, from 31 January: end of February', held({ topics: support('budget') }), [['dlg.opf1', '2025-02-28', ['budget']]]],
    ['action plan, in a leap year', held({ heldOn: '2028-01-31', topics: support('actionPlan') }), [['dlg.opf1', '2028-02-29', ['actionPlan']]]],
    ['forecast after 3 months', held({ topics: support('forecast') }), [['dlg.opf3', '2025-04-30', ['forecast']]]],
    ['balance after 3 months from 29 February', held({ heldOn: '2028-02-29', topics: support('balance') }), [['dlg.opf3', '2028-05-29', ['balance']]]],
    [
      'all four: two meetings, the primary ones first',
      held({ topics: [...support('balance', 'budget'), ...support('forecast', 'actionPlan')] }),
      [
        ['dlg.opf1', '2025-02-28', ['budget', 'actionPlan']],
        ['dlg.opf3', '2025-04-30', ['forecast', 'balance']],
      ],
    ],
    ['recognition topics need no follow-up', held({ topics: [...recognition('budget'), ...support('forecast')] }), [['dlg.opf3', '2025-04-30', ['forecast']]]],
  ])('%s', (_name, d, expected) => {
    const meetings = followUpsAfterHeld(d)
    expect(meetings.map((m) => [m.id, m.scheduledOn, m.topics.map((t) => t.indicator)])).toEqual(expected)
    for (const m of meetings) {
      expect(m).toMatchObject({ kind: 'follow_up', followsFrom: 'dlg' })
      expect(m.topics.every((t) => t.purpose === 'follow_up')).toBe(true)
    }
  })

  it.each<[string, Dialogue]>([
    ['not held', dialogue('dlg', { topics: support('budget') })],
    ['only recognition', held({ topics: recognition('budget', 'balance') })],
    ['no topics', held({ topics: [] })],
    ['a follow-up held (its own chain goes on by afterFollowUp)', held({ kind: 'follow_up', topics: support('budget') })],
  ])('none when %s', (_name, d) => {
    expect(followUpsAfterHeld(d)).toEqual([])
  })

  it('is the same on two devices: the ids and dates follow from the dialogue alone', () => {
    const d = held({ topics: support('budget', 'forecast') })
    expect(followUpsAfterHeld(structuredClone(d))).toEqual(followUpsAfterHeld(d))
  })
})

const judged = (kind: Dialogue['kind'], heldOn: string, indicators: IndicatorKey[], improved: Dialogue['improved'], id = 'dlg.opf1') =>
  dialogue(id, { kind, heldOn, scheduledOn: heldOn, topics: followUp(...indicators), improved })

describe('afterFollowUp: a visit for what improved, a development plan for what did not', () => {
  it.each<[IndicatorKey, string, string]>([
    ['budget', '2025-02-28', '2025-08-28'],
    ['actionPlan', '2027-08-31', '2028-02-29'], // leap year
    ['forecast', '2028-02-29', '2028-08-29'],
    ['balance', '2025-12-31', '2026-06-30'],
  ])('%s improved at the follow-up on %s → a visit after 6 months, %s', (indicator, heldOn, visitOn) => {
    expect(afterFollowUp(judged('follow_up', heldOn, [indicator], { [indicator]: true }))).toEqual({
      visit: { id: 'dlg.opf1.besoeg', kind: 'visit', topics: followUp(indicator), followsFrom: 'dlg.opf1', scheduledOn: visitOn },
      plan: null,
      planMeeting: null,
    })
  })

  it.each<[IndicatorKey, string, string]>([
    ['budget', '2025-01-31', '2025-02-28'], // monthly: month end
    ['actionPlan', '2028-01-31', '2028-02-29'], // monthly, leap year
    ['forecast', '2025-11-30', '2026-02-28'], // a conversation 3 months later
    ['balance', '2027-11-30', '2028-02-29'],
  ])('%s not improved at the follow-up on %s → a plan from that day and its first meeting on %s', (indicator, heldOn, firstOn) => {
    expect(afterFollowUp(judged('follow_up', heldOn, [indicator], { [indicator]: false }))).toEqual({
      visit: null,
      plan: { id: 'dlg.opf1.plan', indicators: [indicator], startedOn: heldOn, fromDialogueId: 'dlg.opf1' },
      planMeeting: { id: 'dlg.opf1.plan1', kind: 'plan_follow_up', topics: followUp(indicator), followsFrom: 'dlg.opf1', scheduledOn: firstOn },
    })
  })

  it('splits a follow-up: improved ones to the visit, the rest to the plan; not judged ones to neither', () => {
    const f = judged('follow_up', '2025-04-30', ['budget', 'actionPlan', 'forecast', 'balance'], { balance: true, forecast: false, budget: true }, 'dlg.opf3')
    const next = afterFollowUp(f)
    expect(next.visit?.topics).toEqual(followUp('budget', 'balance'))
    expect(next.visit?.scheduledOn).toBe('2025-10-30')
    expect(next.plan).toEqual({ id: 'dlg.opf3.plan', indicators: ['forecast'], startedOn: '2025-04-30', fromDialogueId: 'dlg.opf3' })
    expect(next.planMeeting?.scheduledOn).toBe('2025-07-30') // forecast alone: every 3 months
  })

  it('a plan over budget and forecast meets monthly', () => {
    const next = afterFollowUp(judged('follow_up', '2025-01-31', ['forecast', 'budget'], { forecast: false, budget: false }))
    expect(next.plan?.indicators).toEqual(['budget', 'forecast'])
    expect(next.planMeeting?.scheduledOn).toBe('2025-02-28')
  })

  it('at a plan’s follow-up not improved: no new plan, the next meeting in the rhythm', () => {
    const f = judged('plan_follow_up', '2025-03-31', ['budget'], { budget: false }, 'dlg.opf1.plan1')
    expect(afterFollowUp(f)).toEqual({
      visit: null,
      plan: null,
      planMeeting: { id: 'dlg.opf1.plan2', kind: 'plan_follow_up', topics: followUp('budget'), followsFrom: 'dlg.opf1.plan1', scheduledOn: '2025-04-30' },
    })
  })

  it.each<[string, string]>([
    ['dlg.opf1.plan1', 'dlg.opf1.plan2'],
    ['dlg.opf1.plan9', 'dlg.opf1.plan10'],
    ['moede-7', 'moede-7.naeste'], // one the OC made by hand
    ['moede-7.naeste', 'moede-7.naeste2'],
    ['moede-7.naeste2', 'moede-7.naeste3'],
  ])('the plan meeting after %s is %s (ids stay short over a long plan)', (id, nextId) => {
    expect(afterFollowUp(judged('plan_follow_up', '2025-03-31', ['forecast'], { forecast: false }, id)).planMeeting?.id).toBe(nextId)
  })

  it('at a plan’s follow-up improved: a visit', () => {
    const next = afterFollowUp(judged('plan_follow_up', '2025-03-31', ['balance'], { balance: true }, 'dlg.opf3.plan1'))
    expect(next).toMatchObject({ plan: null, planMeeting: null, visit: { id: 'dlg.opf3.plan1.besoeg', scheduledOn: '2025-09-30' } })
  })

  it.each<[string, Dialogue]>([
    ['not held', dialogue('f', { kind: 'follow_up', topics: followUp('budget'), improved: { budget: false } })],
    ['not judged', judged('follow_up', '2025-03-31', ['budget'], {})],
    ['a support dialogue', judged('dialogue', '2025-03-31', ['budget'], { budget: false })],
    ['a visit', judged('visit', '2025-03-31', ['budget'], { budget: false })],
    ['judged on an indicator that is not a topic', judged('follow_up', '2025-03-31', ['budget'], { forecast: false })],
  ])('nothing when %s', (_name, f) => {
    expect(afterFollowUp(f)).toEqual({ visit: null, plan: null, planMeeting: null })
  })
})

describe('the plan’s rhythm and dates', () => {
  it.each<[IndicatorKey[], number]>([
    [['budget'], 1],
    [['actionPlan'], 1],
    [['forecast'], 3],
    [['balance'], 3],
    [['forecast', 'balance'], 3],
    [['balance', 'actionPlan'], 1],
  ])('%o → every %i month(s)', (indicators, months) => {
    expect(planRhythmMonths(indicators)).toBe(months)
  })

  it.each<[IndicatorKey[], string, number, string[]]>([
    [['budget'], '2028-01-31', 3, ['2028-02-29', '2028-03-31', '2028-04-30']], // counted from the start: no drift
    [['forecast', 'balance'], '2025-11-30', 2, ['2026-02-28', '2026-05-30']],
    [['balance', 'budget'], '2025-12-31', 2, ['2026-01-31', '2026-02-28']],
    [['budget'], '2025-01-01', 0, []],
  ])('%o from %s, %i dates', (indicators, startedOn, count, dates) => {
    expect(planFollowUpDates({ startedOn, indicators }, count)).toEqual(dates)
  })
})

describe('proposals as records', () => {
  it('a proposed meeting is a valid new dialogue of the unit', () => {
    const meeting: ProposedMeeting = followUpsAfterHeld(held({ topics: support('budget') }))[0]!
    const record = dialogueFromProposal(meeting, 'u1')
    expect(dialogueSchema.parse(record)).toEqual({
      ...meeting,
      unitId: 'u1',
      heldOn: null,
      agenda: [],
      minutes: '',
      improved: {},
      reopenedOn: null,
      reopenReason: '',
    })
  })

  it('a proposed plan is a valid new plan, acknowledged by neither', () => {
    const { plan } = afterFollowUp(judged('follow_up', '2025-01-31', ['budget'], { budget: false }))
    const record = planFromProposal(plan!, 'u1')
    expect(developmentPlanSchema.parse(record)).toMatchObject({ id: 'dlg.opf1.plan', unitId: 'u1', leaderAcknowledgedOn: null, ocAcknowledgedOn: null })
  })
})
