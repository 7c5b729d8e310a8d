// A dialogue as a calendar event, for the .ics file the OC sends: a Danish title that says what
// kind of meeting it is and with whom, the agenda's headings as its description, one hour on the
// scheduled day. Pure: the client hands the result to the `ics` library's createEvent.
import type { Dialogue } from '../types'

export interface CalendarEventInput {
  dialogue: Dialogue
  unitName: string
  /** The agenda's headings (agendaHeadings). */
  headings: string[]
}

export interface CalendarEvent {
  title: string
  description: string
  /** The scheduled day as [year, month 1–12, day]. */
  start: [number, number, number]
  duration: { hours: number }
  /** Stable per dialogue, so a moved dialogue's new file replaces the old event instead of adding one. */
  uid: string
}

/** What the meeting is, in Danish: the support and recognition dialogue is named by its topics. */
function meetingName(dialogue: Dialogue): string {
  switch (dialogue.kind) {
    case 'dialogue': {
      const support = dialogue.topics.some((t) => t.purpose === 'support')
      const recognition = dialogue.topics.some((t) => t.purpose === 'recognition')
      if (support && recognition) return 'Dialog (støttende og anerkendende)'
      if (support) return 'Støttende dialog'
      if (recognition) return 'Anerkendende dialog'
      return 'Dialog'
    }
    case 'follow_up':
      return 'Opfølgning'
    case 'visit':
      return 'Besøg'
    case 'plan_follow_up':
      return 'Opfølgning på udviklingsplan'
  }
}

export function calendarEvent({ dialogue, unitName, headings }: CalendarEventInput): CalendarEvent {
  const on = dialogue.scheduledOn
  return {
    title: `${meetingName(dialogue)} — ${unitName}`,
    description: headings.join('\n'),
    start: [Number(on.slice(0, 4)), Number(on.slice(5, 7)), Number(on.slice(8, 10))],
    duration: { hours: 1 },
    uid: `${dialogue.id}@min-lederside`,
  }
}
