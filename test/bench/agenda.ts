// The agenda of a unit with 3 years of dialogues, built by core (src/core/dialogue/agenda.ts) as the
// dialogue's page builds it on the device: 3 years of monthly dialogues and follow-ups (≈ 54), 5
// agreed actions at each, a third of them still open. Median of 25 builds after 5 warm-ups, in
// Node on this machine (the phone is slower: the budget leaves room). Budget ≤ 50 ms.
import { performance } from 'node:perf_hooks'
import { buildAgenda } from '../../src/core/dialogue/agenda'
import { addDaysIso, addMonthsIso } from '../../src/core/dates'
import type { Dialogue, DialogueAction } from '../../src/core/types'
import { figure, median, type Figure } from './report'

export const AGENDA_BUDGET_MS = 50
const YEARS = 3

function history(): { dialogues: Dialogue[]; actions: DialogueAction[] } {
  const dialogues: Dialogue[] = []
  const actions: DialogueAction[] = []
  const start = '2024-01-15'
  for (let m = 0; m < YEARS * 12; m += 1) {
    const on = addMonthsIso(start, m)
    const kind = m % 2 === 0 ? 'dialogue' : 'follow_up'
    const id = `d${m}`
    dialogues.push({
      id,
      unitId: 'u1',
      kind,
      topics: [{ indicator: 'budget', purpose: kind === 'dialogue' ? 'support' : 'follow_up' }],
      followsFrom: m > 0 ? `d${m - 1}` : null,
      scheduledOn: on,
      heldOn: on,
      agenda: ['Status på økonomien'],
      minutes: 'Referat '.repeat(40),
      improved: {},
      reopenedOn: null,
      reopenReason: '',
    })
    for (let a = 0; a < 5; a += 1) {
      const open = (m + a) % 3 === 0
      actions.push({
        id: `${id}-a${a}`,
        unitId: 'u1',
        dialogueId: id,
        title: `Handling ${a + 1} fra ${on}`,
        owner: 'Lea',
        dueOn: addDaysIso(on, 30),
        status: open ? 'open' : 'done',
        doneOn: open ? null : addDaysIso(on, 20),
      })
    }
  }
  // Half as many again: the visits and plan follow-ups between, so ≈ 54 meetings in 3 years.
  for (let m = 0; m < YEARS * 6; m += 1) {
    const on = addDaysIso(addMonthsIso(start, m * 2), 7)
    dialogues.push({ ...dialogues[m * 2]!, id: `v${m}`, kind: 'visit', scheduledOn: on, heldOn: on })
  }
  return { dialogues, actions }
}

export function benchAgenda(): Promise<Figure[]> {
  const { dialogues, actions } = history()
  const next: Dialogue = { ...dialogues[0]!, id: 'next', scheduledOn: '2027-01-20', heldOn: null, followsFrom: null }
  const input = { dialogue: next, lights: {}, preparation: null, explanations: [], initiatives: [], dialogues: [...dialogues, next], actions }
  const times: number[] = []
  let carried = 0
  for (let i = 0; i < 30; i += 1) {
    const t0 = performance.now()
    const agenda = buildAgenda(input)
    const t = performance.now() - t0
    if (i >= 5) times.push(t)
    const section = agenda.sections.find((s) => s.kind === 'carriedOver')
    carried = section && section.kind === 'carriedOver' ? section.items.length : 0
  }
  const detail = `${dialogues.length + 1} dialogues, ${actions.length} actions, ${carried} carried over; median of ${times.length} builds`
  return Promise.resolve([figure('agenda of a unit with 3 years of dialogues', median(times), ' ms', '<=', AGENDA_BUDGET_MS, detail)])
}
