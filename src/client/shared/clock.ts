// The date the device judges by. The server says which day it is (GET /api/session); the device
// keeps how many days that is from its own calendar, so the lights and the forecast month agree with
// the server's while offline too, also for a server started on a chosen date (TODAY) or a device
// whose clock is off by a day. Until the server has answered, the device's own date.
import { addDaysIso, daysBetween, isIsoDate } from '../../core/dates'
import type { IsoDate } from '../../core/types'

const STORAGE_KEY = 'mls.serverDayOffset'

let offsetDays = readOffset()

function readOffset(): number {
  try {
    const stored = Number(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 0)
    return Number.isInteger(stored) ? stored : 0
  } catch {
    return 0 // storage blocked: the device's own date
  }
}

/** The device's own calendar date, as 'YYYY-MM-DD'. */
function deviceDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Today for the rules, as 'YYYY-MM-DD': the server's day, counted on from the device's clock. */
export function todayIso(now: Date = new Date()): IsoDate {
  const own = deviceDate(now)
  return offsetDays === 0 ? own : addDaysIso(own, offsetDays)
}

/** The server's answer of which day it is; remembered for the next start, offline too. */
export function adoptServerToday(serverToday: IsoDate, now: Date = new Date()): void {
  if (!isIsoDate(serverToday)) return
  offsetDays = daysBetween(deviceDate(now), serverToday)
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, String(offsetDays))
  } catch {
    // Storage blocked: the offset holds for this visit only.
  }
}
