import { describe, expect, it } from 'vitest'
import { unitTimeline, type TimelineEntry } from '../../src/core/dialogue/timeline'
import { dialogue, mark, plan, preparation, support } from './dialogueFixtures'

const brief = (entries: TimelineEntry[]) =>
  entries.map((e) => {
    switch (e.kind) {
      case 'dialogue':
        return [e.date, e.kind, e.dialogueId, e.held]
      case 'preparationReady':
        return [e.date, e.kind, e.preparationId]
      case 'planStarted':
      case 'planEnded':
        return [e.date, e.kind, e.planId]
      case 'planAcknowledged':
        return [e.date, e.kind, e.planId, e.by]
      case 'markMade':
      case 'markEnded':
        return [e.date, e.kind, e.markId]
    }
  })

describe('unitTimeline', () => {
  it('lists dialogues, plans with their acknowledgements, marks and ready preparations, oldest first', () => {
    const entries = unitTimeline({
      dialogues: [
        dialogue('d-next', { scheduledOn: '2025-06-01' }),
        dialogue('d-held', { scheduledOn: '2025-01-10', heldOn: '2025-01-14', topics: support('budget') }), // by the day it was held
        dialogue('d-fu', { kind: 'follow_up', scheduledOn: '2025-02-14', heldOn: '2025-02-14' }),
      ],
      plans: [
        plan('plan', {
          fromDialogueId: 'd-fu',
          startedOn: '2025-02-14',
          ocAcknowledgedOn: '2025-02-14',
          ocAcknowledgedBy: 'oc',
          leaderAcknowledgedOn: '2025-02-20',
          leaderAcknowledgedBy: 'lea',
          endedOn: '2025-05-31',
        }),
      ],
      marks: [mark('m1', { markedOn: '2025-01-14', endedOn: '2025-04-01' })],
      preparations: [preparation('p-draft'), preparation('p1', { readyAt: '2025-01-13T23:30:00Z' })], // 14 January in Copenhagen
    })
    expect(brief(entries)).toEqual([
      ['2025-01-14', 'preparationReady', 'p1'],
      ['2025-01-14', 'dialogue', 'd-held', true],
      ['2025-01-14', 'markMade', 'm1'],
      ['2025-02-14', 'dialogue', 'd-fu', true],
      ['2025-02-14', 'planStarted', 'plan'],
      ['2025-02-14', 'planAcknowledged', 'plan', 'oc'],
      ['2025-02-20', 'planAcknowledged', 'plan', 'leader'],
      ['2025-04-01', 'markEnded', 'm1'],
      ['2025-05-31', 'planEnded', 'plan'],
      ['2025-06-01', 'dialogue', 'd-next', false],
    ])
    expect(entries[1]).toEqual({ kind: 'dialogue', date: '2025-01-14', dialogueId: 'd-held', dialogueKind: 'dialogue', held: true })
    expect(entries[4]).toEqual({ kind: 'planStarted', date: '2025-02-14', planId: 'plan', fromDialogueId: 'd-fu' })
  })

  it('ties on one day and kind go by id; both acknowledgements of a plan on one day, the leader’s first', () => {
    const entries = unitTimeline({
      dialogues: [dialogue('b', { scheduledOn: '2025-03-01' }), dialogue('a', { scheduledOn: '2025-03-01' })],
      plans: [
        plan('p', {
          startedOn: '2025-03-01',
          ocAcknowledgedOn: '2025-03-02',
          ocAcknowledgedBy: 'oc',
          leaderAcknowledgedOn: '2025-03-02',
          leaderAcknowledgedBy: 'l',
        }),
      ],
      marks: [mark('m2', { markedOn: '2025-03-01', kind: 'special_unit' }), mark('m1', { markedOn: '2025-03-01' })],
      preparations: [],
    })
    expect(brief(entries)).toEqual([
      ['2025-03-01', 'dialogue', 'a', false],
      ['2025-03-01', 'dialogue', 'b', false],
      ['2025-03-01', 'planStarted', 'p'],
      ['2025-03-01', 'markMade', 'm1'],
      ['2025-03-01', 'markMade', 'm2'],
      ['2025-03-02', 'planAcknowledged', 'p', 'leader'],
      ['2025-03-02', 'planAcknowledged', 'p', 'oc'],
    ])
  })

  it('is the same whatever order the records come in', () => {
    const input = {
      dialogues: [dialogue('x', { scheduledOn: '2025-03-01' }), dialogue('y', { scheduledOn: '2025-01-01' })],
      plans: [plan('p', { startedOn: '2025-02-01' })],
      marks: [mark('m', { markedOn: '2025-03-01' })],
      preparations: [preparation('r', { readyAt: '2025-03-01T10:00:00Z' })],
    }
    const reversed = { dialogues: [...input.dialogues].reverse(), plans: input.plans, marks: input.marks, preparations: input.preparations }
    expect(unitTimeline(reversed)).toEqual(unitTimeline(input))
  })

  it('is empty for a unit without any of it', () => {
    expect(unitTimeline({ dialogues: [], plans: [], marks: [], preparations: [preparation('p-draft')] })).toEqual([])
  })
})
