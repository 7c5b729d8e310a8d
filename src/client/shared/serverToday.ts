// The server's answer of which day it is (GET /api/session), kept with the device's own calendar day
// it came on, and remembered for the next start, offline too. Only the answer is recorded here, on
// the session check's path; the days between the two calendars are counted where a date is needed
// (clock.ts), by core's date rules, on the screens that judge by it.
import { DIALOGUE_LOCK_DAYS } from '../../core/history/lockDays'
import type { IsoDate } from '../../core/types'

const STORAGE_KEY = 'mls.serverToday'
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * On the device's day `device`, the server said it was `server` — and, with it, how many days after
 * "Dialog afholdt" a dialogue locks (its DIALOGUE_LOCK_DAYS), so the device judges a lock as it does.
 */
export interface ServerToday {
  server: IsoDate
  device: IsoDate
  dialogueLockDays?: number
}

let last = read()

function read(): ServerToday | null {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as Partial<ServerToday> | null
    return typeof stored?.server === 'string' && typeof stored.device === 'string' ? (stored as ServerToday) : null
  } catch {
    return null // storage blocked or garbled: the device's own date
  }
}

/** The device's own calendar date, as 'YYYY-MM-DD'. */
export function deviceDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The server's answer of which day it is (and its lock days); an answer that is no date is ignored. */
export function adoptServerToday(serverToday: IsoDate, now: Date = new Date(), settings?: { dialogueLockDays: number }): void {
  if (!ISO_DAY.test(serverToday)) return
  last = { server: serverToday, device: deviceDate(now), dialogueLockDays: settings?.dialogueLockDays }
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(last))
  } catch {
    // Storage blocked: the answer holds for this visit only.
  }
}

/** The server's last answer, or null before it has ever answered. */
export function lastServerToday(): ServerToday | null {
  return last
}

/** Days after "Dialog afholdt" that a dialogue locks, as the server last said (its default before it has). */
export function dialogueLockDays(): number {
  const days = last?.dialogueLockDays
  return typeof days === 'number' && days >= 0 ? days : DIALOGUE_LOCK_DAYS
}
