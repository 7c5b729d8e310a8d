import { describe, expect, it } from 'vitest'
import { agendaHeadings, buildAgenda } from '../../src/core/dialogue/agenda'
import { calendarEvent } from '../../src/core/dialogue/calendar'
import type { Dialogue } from '../../src/core/types'
import { dialogue, followUp, recognition, support } from './dialogueFixtures'

describe('calendarEvent', () => {
  it.each<[string, Partial<Dialogue>, string]>([
    ['support only', { topics: support('budget', 'forecast') }, 'Støttende dialog — Askeskolen'],
    ['recognition only', { topics: recognition('balance') }, 'Anerkendende dialog — Askeskolen'],
    ['support and recognition', { topics: [...support('budget'), ...recognition('balance')] }, 'Dialog (støttende og anerkendende) — Askeskolen'],
    ['a dialogue without topics yet', { topics: [] }, 'Dialog — Askeskolen'],
    ['a follow-up', { kind: 'follow_up', topics: followUp('budget') }, 'Opfølgning — Askeskolen'],
    ['a visit', { kind: 'visit', topics: followUp('budget') }, 'Besøg — Askeskolen'],
    ['a plan’s follow-up', { kind: 'plan_follow_up', topics: followUp('budget') }, 'Opfølgning på udviklingsplan — Askeskolen'],
  ])('%s: "%s"', (_name, fields, title) => {
    expect(calendarEvent({ dialogue: dialogue('dlg-1', fields), unitName: 'Askeskolen', headings: [] }).title).toBe(title)
  })

  it('one hour on the scheduled day, the headings as lines, a uid per dialogue', () => {
    const d = dialogue('dlg-7', { scheduledOn: '2028-02-29', topics: support('budget'), agenda: ['Ferie'] })
    const headings = agendaHeadings(buildAgenda({ dialogue: d, lights: {}, preparation: null, explanations: [], initiatives: [], dialogues: [d], actions: [] }))
    expect(calendarEvent({ dialogue: d, unitName: 'Børnehuset Ærtebjerg', headings })).toEqual({
      title: 'Støttende dialog — Børnehuset Ærtebjerg',
      description: 'Status på det aftalte sidst\nBudgetoverholdelse — støttende dialog\nØvrige punkter',
      start: [2028, 2, 29],
      duration: { hours: 1 },
      uid: 'dlg-7@min-lederside',
    })
  })
})
