// "Today" for the rules is the calendar date in Copenhagen, not in UTC: just after midnight
// Danish time a new month has begun for the users even though UTC is still in the old one.
import type { IsoDate } from '../core/types'

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' })

export function todayInCopenhagen(now: Date = new Date()): IsoDate {
  return formatter.format(now) // en-CA formats as YYYY-MM-DD
}
