import { describe, expect, it } from 'vitest'
import { actionPlanLight, isDoneOnTime } from '../../src/core/indicators/actionPlan'
import type { ActionPlanFacts, ActionPlanItem } from '../../src/core/types'
import { action, actions, ruleSet } from './fixtures'

const period = { year: 2025, month: 3 }
const judge = (items: ActionPlanItem[], asOf = '2025-03-31', rs = ruleSet()) => actionPlanLight({ period, asOf, items, ruleSet: rs })
const facts = (items: ActionPlanItem[], asOf?: string) => judge(items, asOf).facts as ActionPlanFacts

describe('action plan: colour bands (target 80 %)', () => {
  it.each([
    [5, 5, 'green'], // 100 %
    [1000, 999, 'yellow'], // just below 100 %
    [5, 4, 'yellow'], // 80 % exactly
    [10, 8, 'yellow'],
    [1000, 800, 'yellow'],
    [1000, 799, 'red'], // just below the target
    [5, 3, 'red'],
    [3, 0, 'red'],
  ])('%i due, %i done on time → %s', (due, onTime, colour) => {
    expect(judge(actions(due, onTime)).colour).toBe(colour)
  })
  it.each([
    [0.9, 30, 27, 'yellow'],
    [0.9, 30, 26, 'red'],
    [0.7, 10, 7, 'yellow'],
  ])('target %d: %i due, %i on time → %s', (target, due, onTime, colour) => {
    expect(judge(actions(due, onTime), '2025-03-31', ruleSet({ actionPlanTarget: target })).colour).toBe(colour)
  })
  it('nothing due → grey noActionsDue', () => {
    expect(judge([action({ dueDate: '2025-04-01' })])).toMatchObject({ colour: 'grey', missing: 'noActionsDue' })
    expect(judge([])).toMatchObject({ colour: 'grey', missing: 'noActionsDue' })
  })
})

describe('action plan: what counts', () => {
  it.each<[string, Partial<ActionPlanItem>, number, number]>([
    ['done on its due date', { status: 'done', doneOn: '2025-03-31' }, 1, 1],
    ['done early', { status: 'done', doneOn: '2025-02-01' }, 1, 1],
    ['done a day late', { status: 'done', dueDate: '2025-03-10', doneOn: '2025-03-11' }, 1, 0],
    ['done without a date', { status: 'done', doneOn: null }, 1, 0],
    ['in progress', { status: 'in_progress' }, 1, 0],
    ['dropped with a reason', { status: 'dropped', dropReason: 'Ikke længere relevant' }, 0, 0],
    ['due after asOf', { dueDate: '2025-04-01', status: 'done', doneOn: '2025-03-01' }, 0, 0],
    ['due exactly on asOf', { dueDate: '2025-03-31' }, 1, 0],
    ['of another year', { year: 2024, dueDate: '2024-06-30', status: 'done', doneOn: '2024-06-01' }, 0, 0],
  ])('%s: due %i, on time %i', (_name, fields, due, onTime) => {
    expect(facts([action(fields)])).toMatchObject({ due, doneOnTime: onTime })
  })
  it('while the month runs only actions due by today count', () => {
    const items = [action({ dueDate: '2025-03-05', status: 'done', doneOn: '2025-03-05' }), action({ dueDate: '2025-03-20' })]
    expect(facts(items, '2025-03-10')).toEqual({ kind: 'actionPlan', due: 1, doneOnTime: 1, fulfilment: 1, target: 0.8 })
    expect(facts(items, '2025-03-31')).toMatchObject({ due: 2, doneOnTime: 1, fulfilment: 0.5 })
  })
  it('isDoneOnTime', () => {
    expect(isDoneOnTime(action({ status: 'done', doneOn: '2025-03-31' }))).toBe(true)
    expect(isDoneOnTime(action({ status: 'in_progress', doneOn: '2025-03-01' }))).toBe(false)
  })
})
