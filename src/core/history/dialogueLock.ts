// A dialogue's minutes lock some days after it is marked held (DOMAIN.md, default 14; the server's
// DIALOGUE_LOCK_DAYS); a later change needs an explicit reopening ("Genåbn", with a reason), which
// is logged, and the lock then counts again from the reopening. A rule over the record's history and
// the calendar, so it is pure here (today is an argument) and the server enforces it on every push;
// the reopening is the server's to record — a device can neither lock nor reopen a dialogue.
import { addDaysIso, compareIso } from '../dates'
import type { IsoDate } from '../types'

import { DIALOGUE_LOCK_DAYS } from './lockDays'

export { DIALOGUE_LOCK_DAYS }

/** Danish, after the label of the field the change touches ("Referatet: dialogen er låst …"). */
export function dialogueLockedMessage(lockDays: number = DIALOGUE_LOCK_DAYS): string {
  return `dialogen er låst (referatet låses ${lockDays} dage efter mødet) og kan ikke ændres, før den er genåbnet.`
}

export interface LockableDialogue {
  heldOn: IsoDate | null
  reopenedOn: IsoDate | null
}

/** The first day the dialogue is locked, or null while it is not held. */
export function dialogueLocksOn(dialogue: LockableDialogue, lockDays: number = DIALOGUE_LOCK_DAYS): IsoDate | null {
  if (dialogue.heldOn === null) return null
  const from = dialogue.reopenedOn !== null && compareIso(dialogue.reopenedOn, dialogue.heldOn) > 0 ? dialogue.reopenedOn : dialogue.heldOn
  return addDaysIso(from, lockDays)
}

/** Locked from heldOn + lockDays on (that day included); after a reopening, from reopenedOn + lockDays. */
export function isDialogueLocked(dialogue: LockableDialogue, today: IsoDate, lockDays: number = DIALOGUE_LOCK_DAYS): boolean {
  const locksOn = dialogueLocksOn(dialogue, lockDays)
  return locksOn !== null && compareIso(locksOn, today) <= 0
}

/** Fields of a synced record that only the server writes, beyond the stamps every record has. */
const SERVER_OWNED_FIELDS: Readonly<Record<string, readonly string[]>> = { dialogue: ['reopenedOn', 'reopenReason'] }

/**
 * The first server-owned field a device's write would change, or null. Sending the value the record
 * already has (null or empty on a create) is no change, so a form may pass the whole record back.
 */
export function serverOwnedChange(table: string, fields: Record<string, unknown>, current: Record<string, unknown> | null): string | null {
  for (const name of SERVER_OWNED_FIELDS[table] ?? []) {
    if (!Object.hasOwn(fields, name)) continue
    const value = fields[name] ?? null
    const now = current?.[name] ?? null
    const empty = (v: unknown) => v === null || v === ''
    if (value !== now && !(current === null && empty(value))) return name
  }
  return null
}
