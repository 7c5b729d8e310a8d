import { describe, expect, it } from 'vitest'
import { DIALOGUE_LOCK_DAYS, dialogueLockedMessage, dialogueLocksOn, isDialogueLocked, serverOwnedChange } from '../../src/core/history/dialogueLock'

describe('isDialogueLocked', () => {
  const held = (heldOn: string | null, reopenedOn: string | null = null) => ({ heldOn, reopenedOn })

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

  it('is never locked before it is held', () => {
    expect(isDialogueLocked(held(null), '2099-01-01')).toBe(false)
    expect(dialogueLocksOn(held(null))).toBeNull()
  })

  it.each<[string, string, boolean]>([
    ['the day of the reopening', '2025-12-01', false],
    ['the lock day after it −1', '2025-12-14', false],
    ['the lock day after it', '2025-12-15', true],
  ])('held 2025-11-01, reopened 2025-12-01, today is %s (%s) → locked: %s', (_name, today, locked) => {
    expect(isDialogueLocked(held('2025-11-01', '2025-12-01'), today, 14)).toBe(locked)
  })

  it('counts from the meeting when a reopening is dated before it (a moved meeting)', () => {
    expect(dialogueLocksOn(held('2025-11-01', '2025-10-01'), 14)).toBe('2025-11-15')
  })

  it('says how many days, in Danish', () => {
    expect(dialogueLockedMessage(7)).toContain('7 dage efter mødet')
  })
})

describe('serverOwnedChange: no device reopens a dialogue', () => {
  const current = { heldOn: '2025-11-01', reopenedOn: null, reopenReason: '' }
  it.each<[string, string, Record<string, unknown>, Record<string, unknown> | null, string | null]>([
    ['reopening on a create', 'dialogue', { reopenedOn: '2025-11-02' }, null, 'reopenedOn'],
    ['reopening an existing dialogue', 'dialogue', { reopenedOn: '2025-11-20' }, current, 'reopenedOn'],
    ['a reason of its own', 'dialogue', { reopenReason: 'Fejl i referatet' }, current, 'reopenReason'],
    ['taking a reopening back', 'dialogue', { reopenedOn: null }, { ...current, reopenedOn: '2025-11-20' }, 'reopenedOn'],
    ['a create that leaves them empty', 'dialogue', { reopenedOn: null, reopenReason: '', minutes: '' }, null, null],
    [
      'passing the same values back',
      'dialogue',
      { reopenedOn: '2025-11-20', reopenReason: 'x' },
      { ...current, reopenedOn: '2025-11-20', reopenReason: 'x' },
      null,
    ],
    ['not touching them', 'dialogue', { minutes: 'Referat' }, current, null],
    ['another table', 'note', { reopenedOn: 'x' }, null, null],
  ])('%s', (_name, table, fields, cur, expected) => {
    expect(serverOwnedChange(table, fields, cur)).toBe(expected)
  })
})
