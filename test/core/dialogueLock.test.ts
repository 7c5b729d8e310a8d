import { describe, expect, it } from 'vitest'
import { DIALOGUE_LOCK_DAYS, isDialogueLocked, serverOwnedChange } from '../../src/core/history/dialogueLock'

describe('isDialogueLocked', () => {
  const held = (heldOn: string | null, lockedAt: string | null = null) => ({ heldOn, lockedAt })

  it('locks 14 days after the dialogue was held by default', () => {
    expect(DIALOGUE_LOCK_DAYS).toBe(14)
  })

  it.each<[string, string, boolean]>([
    ['the lock day −1', '2025-11-14', false],
    ['the lock day itself', '2025-11-15', true],
    ['the lock day +1', '2025-11-16', true],
    ['the day it was held', '2025-11-01', false],
  ])('held 2025-11-01, today %s (%s) → locked: %s', (_name, today, locked) => {
    expect(isDialogueLocked(held('2025-11-01'), today, 14)).toBe(locked)
  })

  it('counts across a month and a year end', () => {
    expect(isDialogueLocked(held('2025-12-20'), '2026-01-02', 14)).toBe(false)
    expect(isDialogueLocked(held('2025-12-20'), '2026-01-03', 14)).toBe(true)
  })

  it('takes the number of days as configured', () => {
    expect(isDialogueLocked(held('2025-11-01'), '2025-11-07', 7)).toBe(false)
    expect(isDialogueLocked(held('2025-11-01'), '2025-11-08', 7)).toBe(true)
    expect(isDialogueLocked(held('2025-11-01'), '2025-11-01', 0)).toBe(true)
  })

  it('is locked as soon as lockedAt is set, and never before it is held', () => {
    expect(isDialogueLocked(held('2025-11-01', '2025-11-02T10:00:00.000Z'), '2025-11-02')).toBe(true)
    expect(isDialogueLocked(held(null), '2099-01-01')).toBe(false)
  })
})

describe('serverOwnedChange: no device writes a dialogue’s lock', () => {
  const current = { heldOn: '2025-11-01', lockedAt: null }
  it.each<[string, string, Record<string, unknown>, Record<string, unknown> | null, string | null]>([
    ['locking on a create', 'dialogue', { lockedAt: '2025-11-02T10:00:00Z' }, null, 'lockedAt'],
    ['locking an existing dialogue', 'dialogue', { lockedAt: '2025-11-02T10:00:00Z' }, current, 'lockedAt'],
    ['unlocking', 'dialogue', { lockedAt: null }, { ...current, lockedAt: '2025-11-02T10:00:00.000Z' }, 'lockedAt'],
    ['a create that leaves it empty', 'dialogue', { lockedAt: null, minutes: '' }, null, null],
    [
      'passing the same moment back, in another zone',
      'dialogue',
      { lockedAt: '2025-11-02T11:00:00+01:00' },
      { ...current, lockedAt: '2025-11-02T10:00:00.000Z' },
      null,
    ],
    ['not touching it', 'dialogue', { minutes: 'Referat' }, current, null],
    ['another table', 'note', { lockedAt: 'x' }, null, null],
  ])('%s', (_name, table, fields, cur, expected) => {
    expect(serverOwnedChange(table, fields, cur)).toBe(expected)
  })
})
