// The date the device judges by. The server says which day it is (GET /api/session, recorded by
// serverToday.ts); the device counts on from that by its own calendar, so the lights and the
// forecast month agree with the server's while offline too, also for a server started on a chosen
// date (TODAY) or a device whose clock is off by a day. Until the server has answered, the device's
// own date.
import { addDaysIso, daysBetween, isIsoDate } from '../../core/dates'
import type { IsoDate } from '../../core/types'
import { deviceDate, lastServerToday } from './serverToday'

export { adoptServerToday } from './serverToday'

/** Today for the rules, as 'YYYY-MM-DD': the server's day, counted on from the device's clock. */
export function todayIso(now: Date = new Date()): IsoDate {
  const own = deviceDate(now)
  const seen = lastServerToday()
  if (!seen || !isIsoDate(seen.server) || !isIsoDate(seen.device)) return own
  const offsetDays = daysBetween(seen.device, seen.server)
  return offsetDays === 0 ? own : addDaysIso(own, offsetDays)
}
