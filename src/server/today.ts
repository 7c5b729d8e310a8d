// "Today" for the rules is the calendar date in Copenhagen, not in UTC: just after midnight
// Danish time a new month has begun for the users even though UTC is still in the old one.
import { addDaysIso, daysBetween, isIsoDate } from '../core/dates'
import type { IsoDate } from '../core/types'

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' })

export function todayInCopenhagen(now: Date = new Date()): IsoDate {
  return formatter.format(now) // en-CA formats as YYYY-MM-DD
}

/**
 * The server's clock for the rules. Without a chosen date it is Copenhagen's today. With one
 * (`TODAY=2027-01-15`) the server starts on that date and the days go on from there as real days
 * pass, so a demo or a test can be run in any month of the year and still cross midnight.
 */
export function serverClock(chosen: string | undefined, now: () => Date = () => new Date()): () => IsoDate {
  if (chosen === undefined || chosen === '') return () => todayInCopenhagen(now())
  if (!isIsoDate(chosen)) throw new Error(`TODAY skal være en dato som 2027-01-15, ikke "${chosen}".`)
  const startedOn = todayInCopenhagen(now())
  return () => addDaysIso(chosen, daysBetween(startedOn, todayInCopenhagen(now())))
}
