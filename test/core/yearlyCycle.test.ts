import { describe, expect, it } from 'vitest'
import { currentPhase, DEFAULT_YEARLY_CYCLE, nextDue, type CycleEvent } from '../../src/core/yearlyCycle'
import type { Role } from '../../src/core/types'

describe('DEFAULT_YEARLY_CYCLE (seed 001)', () => {
  it('holds the events of the årshjul in order', () => {
    expect(DEFAULT_YEARLY_CYCLE.map((e) => [e.id, e.month, e.day ?? null])).toEqual([
      ['agreementAdjustment', 1, null],
      ['springDialogue', 4, null],
      ['budgetSeminar', 7, null],
      ['focusAreaStatus', 10, 1],
      ['autumnDialogue', 10, null],
      ['goalsAnnounced', 11, null],
      ['ownInitiatives', 12, 1],
      ['agreementsTreated', 12, null],
    ])
    for (const e of DEFAULT_YEARLY_CYCLE) {
      expect(e.titleDa.length).toBeGreaterThan(0)
      expect(e.titleEn.length).toBeGreaterThan(0)
      expect(e.roles.length).toBeGreaterThan(0)
    }
  })
})

describe('nextDue', () => {
  it.each<[Role, string, string, string, string]>([
    ['leader', '2025-01-15', 'agreementAdjustment', '2025-01-01', '2025-01-31'], // still due this month
    ['leader', '2025-01-31', 'agreementAdjustment', '2025-01-01', '2025-01-31'],
    ['leader', '2025-02-01', 'springDialogue', '2025-04-01', '2025-04-30'],
    ['leader', '2025-09-30', 'focusAreaStatus', '2025-10-01', '2025-10-01'],
    ['leader', '2025-10-01', 'focusAreaStatus', '2025-10-01', '2025-10-01'], // on the day itself
    ['leader', '2025-10-02', 'autumnDialogue', '2025-10-01', '2025-10-31'],
    ['leader', '2025-12-01', 'ownInitiatives', '2025-12-01', '2025-12-01'],
    ['leader', '2025-12-02', 'agreementAdjustment', '2026-01-01', '2026-01-31'], // wraps into next year
    ['area_chief', '2025-05-01', 'budgetSeminar', '2025-07-01', '2025-07-31'],
    ['directorate', '2025-12-31', 'agreementsTreated', '2025-12-01', '2025-12-31'],
    ['directorate', '2028-01-01', 'budgetSeminar', '2028-07-01', '2028-07-31'],
    ['economics', '2025-08-01', 'budgetSeminar', '2026-07-01', '2026-07-31'],
  ])('%s on %s → %s (%s … %s)', (role, today, id, date, until) => {
    const due = nextDue(DEFAULT_YEARLY_CYCLE, role, today)
    expect(due && [due.event.id, due.date, due.until]).toEqual([id, date, until])
  })

  it('returns null when nothing is for the role', () => {
    expect(nextDue([], 'leader', '2025-01-01')).toBeNull()
  })

  it('a configured day past the month end falls on the last day', () => {
    const cycle: CycleEvent[] = [{ id: 'x', month: 2, day: 31, roles: ['leader'], titleDa: 'X', titleEn: 'X' }]
    expect(nextDue(cycle, 'leader', '2028-01-10')?.date).toBe('2028-02-29')
  })
})

describe('currentPhase', () => {
  it.each([
    ['2025-01-01', 'agreementAdjustment'],
    ['2025-03-15', 'agreementAdjustment'],
    ['2025-04-01', 'springDialogue'],
    ['2025-09-30', 'budgetSeminar'],
    ['2025-10-15', 'autumnDialogue'],
    ['2025-11-30', 'goalsAnnounced'],
    ['2025-12-24', 'agreementsTreated'],
  ])('on %s we are in %s', (today, id) => {
    expect(currentPhase(DEFAULT_YEARLY_CYCLE, today)?.event.id).toBe(id)
  })
  it('is null for an empty cycle', () => expect(currentPhase([], '2025-01-01')).toBeNull())
})
