// A dialogue's minutes lock some days after it is marked held (DOMAIN.md, default 14); a later
// change needs an explicit reopening, which is logged. The lock is a rule over the record's history
// and the calendar, so it is pure here (today is an argument) and the server enforces it on every
// push; `lockedAt` is the server's to set — a device can neither lock nor unlock a dialogue.
import { addDaysIso, compareIso } from '../dates'
import type { IsoDate } from '../types'

export const DIALOGUE_LOCK_DAYS = 14

/** Danish, after the label of the field the change touches ("Referat: dialogen er låst …"). */
export const DIALOGUE_LOCKED = `dialogen er låst (referatet låses ${DIALOGUE_LOCK_DAYS} dage efter mødet) og kan ikke ændres eller slettes, før den er genåbnet.`

export interface LockableDialogue {
  heldOn: IsoDate | null
  lockedAt: string | null
}

/** Locked from heldOn + lockDays on (that day included), or as soon as lockedAt is set. */
export function isDialogueLocked(dialogue: LockableDialogue, today: IsoDate, lockDays: number = DIALOGUE_LOCK_DAYS): boolean {
  if (dialogue.lockedAt !== null) return true
  return dialogue.heldOn !== null && compareIso(addDaysIso(dialogue.heldOn, lockDays), today) <= 0
}

/** Fields of a synced record that only the server writes, beyond the stamps every record has. */
const SERVER_OWNED_FIELDS: Readonly<Record<string, readonly string[]>> = { dialogue: ['lockedAt'] }

/**
 * The first server-owned field a device's write would change, or null. Sending the value the record
 * already has (null on a create) is no change, so a form may pass the whole record back.
 */
export function serverOwnedChange(table: string, fields: Record<string, unknown>, current: Record<string, unknown> | null): string | null {
  for (const name of SERVER_OWNED_FIELDS[table] ?? []) {
    if (!Object.hasOwn(fields, name)) continue
    const value = fields[name] ?? null
    const now = current?.[name] ?? null
    if (value !== now && !(typeof value === 'string' && typeof now === 'string' && Date.parse(value) === Date.parse(now))) return name
  }
  return null
}
