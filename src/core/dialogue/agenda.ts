// A dialogue's agenda (DOMAIN.md, the dialogue chain): every dialogue opens with the status of what
// was agreed last time, then one point per topic with its light as evidence, the leader's
// preparation and the OC's own points. Built from the records alone, so the OC's device builds the
// same agenda offline; O(n log n) in the unit's dialogues and actions.
import { comparePeriod, compareIso, periodOf } from '../dates'
import { INDICATORS } from '../types'
import type { Dialogue, DialogueAction, DialoguePreparation, DialoguePurpose, Explanation, IndicatorKey, Initiative, IsoDate, Light } from '../types'
import { INDICATOR_NAMES_DA } from './names'
import { compareDialogues, compareIds, dialogueDate, indicatorIndex } from './order'

export interface CarriedAction {
  action: DialogueAction
  /** The date of the dialogue where it was agreed: "overført fra <dato>". */
  agreedOn: IsoDate
}

/** Not finished by `on`: still open, or done only after that day. A dropped action is finished. */
function unfinishedOn(action: DialogueAction, on: IsoDate): boolean {
  switch (action.status) {
    case 'open':
      return true
    case 'done':
      return action.doneOn !== null && compareIso(action.doneOn, on) > 0
    case 'dropped':
      return false
  }
}

/**
 * The actions agreed at an earlier dialogue of the same unit (earlier by heldOn ?? scheduledOn,
 * ties by id) that were not finished by this dialogue's date, each once, by agreedOn then title.
 * Deleted dialogues are absent from `dialogues`, so their actions are not carried.
 */
export function carriedOverActions(dialogue: Dialogue, dialogues: readonly Dialogue[], actions: readonly DialogueAction[]): CarriedAction[] {
  const on = dialogueDate(dialogue)
  const earlierOn = new Map<string, IsoDate>()
  for (const d of dialogues) {
    if (d.unitId === dialogue.unitId && d.id !== dialogue.id && compareDialogues(d, dialogue) < 0) earlierOn.set(d.id, dialogueDate(d))
  }
  const seen = new Set<string>()
  const carried: CarriedAction[] = []
  for (const action of actions) {
    const agreedOn = earlierOn.get(action.dialogueId)
    if (agreedOn === undefined || action.unitId !== dialogue.unitId || seen.has(action.id) || !unfinishedOn(action, on)) continue
    seen.add(action.id)
    carried.push({ action, agreedOn })
  }
  return carried.sort(
    (a, b) => compareIso(a.agreedOn, b.agreedOn) || a.action.title.localeCompare(b.action.title, 'da') || compareIds(a.action.id, b.action.id),
  )
}

export interface AgendaInput {
  dialogue: Dialogue
  /** The unit's current lights, the evidence for each topic. */
  lights: Partial<Record<IndicatorKey, Light>>
  /** The leader's preparation for this dialogue, if any. */
  preparation: DialoguePreparation | null
  explanations: readonly Explanation[]
  initiatives: readonly Initiative[]
  /** The unit's dialogues (others' are ignored), for what was agreed before. */
  dialogues: readonly Dialogue[]
  actions: readonly DialogueAction[]
}

export type AgendaSection =
  | { kind: 'carriedOver'; items: CarriedAction[] }
  | { kind: 'indicator'; indicator: IndicatorKey; purpose: DialoguePurpose; light: Light | null }
  | { kind: 'preparation'; questions: string; readyAt: string | null; explanations: Explanation[]; initiatives: Initiative[] }
  | { kind: 'own'; items: string[] }

export interface Agenda {
  sections: AgendaSection[]
}

/**
 * The latest explanation per topic indicator, by year and month, in the fixed indicator order.
 * One for a month after the dialogue's cannot have been part of its preparation, so it is left out
 * (an old dialogue's agenda keeps what it had).
 */
function latestExplanations(input: AgendaInput, indicators: ReadonlySet<IndicatorKey>): Explanation[] {
  const upTo = periodOf(dialogueDate(input.dialogue))
  const latest = new Map<IndicatorKey, Explanation>()
  for (const e of input.explanations) {
    if (e.unitId !== input.dialogue.unitId || !indicators.has(e.indicator) || comparePeriod(e, upTo) > 0) continue
    const current = latest.get(e.indicator)
    if (!current || comparePeriod(e, current) > 0) latest.set(e.indicator, e)
  }
  return INDICATORS.flatMap((indicator) => latest.get(indicator) ?? [])
}

/** The topic indicators' initiatives: by indicator, then due date (none last), then title. */
function topicInitiatives(input: AgendaInput, indicators: ReadonlySet<IndicatorKey>): Initiative[] {
  return input.initiatives
    .filter((i) => i.unitId === input.dialogue.unitId && indicators.has(i.indicator))
    .sort(
      (a, b) =>
        indicatorIndex(a.indicator) - indicatorIndex(b.indicator) ||
        (a.dueDate === null ? 1 : 0) - (b.dueDate === null ? 1 : 0) ||
        compareIso(a.dueDate ?? '', b.dueDate ?? '') ||
        a.title.localeCompare(b.title, 'da') ||
        compareIds(a.id, b.id),
    )
}

export function buildAgenda(input: AgendaInput): Agenda {
  const { dialogue } = input
  const sections: AgendaSection[] = [{ kind: 'carriedOver', items: carriedOverActions(dialogue, input.dialogues, input.actions) }]

  const topics = [...dialogue.topics].sort((a, b) => indicatorIndex(a.indicator) - indicatorIndex(b.indicator))
  for (const { indicator, purpose } of topics) sections.push({ kind: 'indicator', indicator, purpose, light: input.lights[indicator] ?? null })

  const indicators = new Set(topics.map((t) => t.indicator))
  const questions = input.preparation?.questions ?? ''
  const explanations = latestExplanations(input, indicators)
  const initiatives = topicInitiatives(input, indicators)
  if (questions.trim() !== '' || explanations.length > 0 || initiatives.length > 0) {
    sections.push({ kind: 'preparation', questions, readyAt: input.preparation?.readyAt ?? null, explanations, initiatives })
  }

  const own = dialogue.agenda.map((item) => (typeof item === 'string' ? item : item.title))
  if (own.length > 0) sections.push({ kind: 'own', items: own })
  return { sections }
}

const PURPOSE_DA: Readonly<Record<DialoguePurpose, string>> = {
  support: 'støttende dialog',
  recognition: 'anerkendende dialog',
  follow_up: 'opfølgning',
}

/** The agenda's headings in Danish, one per section, for the calendar file. */
export function agendaHeadings(agenda: Agenda): string[] {
  return agenda.sections.map((section) => {
    switch (section.kind) {
      case 'carriedOver':
        return 'Status på det aftalte sidst'
      case 'indicator':
        return `${INDICATOR_NAMES_DA[section.indicator]} — ${PURPOSE_DA[section.purpose]}`
      case 'preparation':
        return 'Lederens forberedelse'
      case 'own':
        return 'Øvrige punkter'
    }
  })
}
