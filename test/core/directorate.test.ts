import { describe, expect, it } from 'vitest'
import { dominatingUnits, type DirectorateUnit } from '../../src/core/directorate'

const u = (id: string, areaId: string, budget: number, overrun: number): DirectorateUnit => ({ id, areaId, budget, overrun })

describe('dominatingUnits', () => {
  it('finds units over a third of the area overrun, or over twice their budget share', () => {
    const result = dominatingUnits([
      u('u1', 'A', 10_000_000, 400_000), // 40 % of the overrun: both reasons
      u('u2', 'A', 10_000_000, 300_000), // 30 % of the overrun > 2 × 10 % of the budget
      u('u3', 'A', 80_000_000, 300_000), // 30 % < 2 × 80 %
      u('u4', 'A', 0, -50_000), // under budget: ignored
    ])
    expect(result.map((r) => [r.id, r.reasons])).toEqual([
      ['u1', ['shareOfOverrun', 'budgetShare']],
      ['u2', ['budgetShare']],
    ])
    expect(result[0]!.overrunShare).toBeCloseTo(0.4, 12)
    expect(result[0]!.budgetShare).toBeCloseTo(0.1, 12)
  })

  it.each([
    // exactly a third of the overrun, exactly their budget share: no one dominates
    [[u('a', 'A', 1, 100), u('b', 'A', 1, 100), u('c', 'A', 1, 100)], []],
    // exactly twice the budget share (20 % of the overrun, 10 % of the budget) is not more than twice
    [[u('a', 'A', 10, 20), u('b', 'A', 90, 80)], ['b']],
    // just past twice
    [
      [u('a', 'A', 10, 21), u('b', 'A', 90, 79)],
      ['a', 'b'],
    ],
    // just past a third
    [[u('a', 'A', 1, 334), u('b', 'A', 1, 333), u('c', 'A', 1, 333)], ['a']],
    // no overrun in the area
    [[u('a', 'A', 1, 0), u('b', 'A', 1, -5)], []],
    // areas are judged apart
    [
      [u('a', 'A', 50, 10), u('b', 'A', 50, 10), u('c', 'B', 1, 1), u('d', 'B', 1, 1), u('e', 'B', 1, 1), u('f', 'B', 1, 1)],
      ['a', 'b'],
    ],
  ])('case %#', (units, expected) => {
    expect(dominatingUnits(units).map((r) => r.id)).toEqual(expected)
  })

  it('takes another rule', () => {
    const units = [u('a', 'A', 50, 30), u('b', 'A', 50, 70)]
    expect(dominatingUnits(units, { shareOfOverrun: 0.5, budgetShareFactor: 10 }).map((r) => r.id)).toEqual(['b'])
  })
})
