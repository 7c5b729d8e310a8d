import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { agendaHeadings, buildAgenda, carriedOverActions, type AgendaInput } from '../../src/core/dialogue/agenda'
import { INDICATOR_NAMES_DA } from '../../src/core/dialogue/names'
import { dialogueActionSchema, dialogueSchema, explanationSchema, initiativeSchema } from '../../src/core/schemas'
import type { Dialogue, DialogueAction, Explanation, Initiative, Light } from '../../src/core/types'
import { dialogue, dialogueAction, followUp, preparation, recognition, support } from './dialogueFixtures'

const carriedIds = (d: Dialogue, dialogues: Dialogue[], actions: DialogueAction[]) => carriedOverActions(d, dialogues, actions).map((c) => c.action.id)

describe('carriedOverActions: what was agreed before and is not finished by this dialogue', () => {
  const first = dialogue('d1', { scheduledOn: '2025-01-05', heldOn: '2025-01-12' })
  const second = dialogue('d2', { scheduledOn: '2025-03-10' })
  const dialogues = [first, second]

  it.each<[string, Partial<DialogueAction>, boolean]>([
    ['open', { status: 'open' }, true],
    ['done the day after the dialogue', { status: 'done', doneOn: '2025-03-11' }, true],
    ['done on the dialogue’s day', { status: 'done', doneOn: '2025-03-10' }, false],
    ['done before the dialogue', { status: 'done', doneOn: '2025-02-01' }, false],
    ['dropped', { status: 'dropped' }, false],
  ])('an action %s → carried %s', (_name, fields, carried) => {
    const action = dialogueAction('a1', 'd1', fields)
    expect(dialogueActionSchema.safeParse(action).success).toBe(true)
    expect(carriedIds(second, dialogues, [action])).toEqual(carried ? ['a1'] : [])
  })

  it('counts from the day this dialogue was held, when it was held earlier than scheduled', () => {
    const heldEarly = { ...second, heldOn: '2025-03-05' }
    expect(carriedIds(heldEarly, dialogues, [dialogueAction('a1', 'd1', { status: 'done', doneOn: '2025-03-07' })])).toEqual(['a1'])
    expect(carriedIds(heldEarly, dialogues, [dialogueAction('a1', 'd1', { status: 'done', doneOn: '2025-03-05' })])).toEqual([])
  })

  it('says where it was agreed: the day that dialogue was held, else its scheduled day', () => {
    const third = dialogue('d3', { scheduledOn: '2025-06-01' })
    const items = carriedOverActions(third, [first, second, third], [dialogueAction('a1', 'd1'), dialogueAction('a2', 'd2')])
    expect(items.map((c) => [c.action.id, c.agreedOn])).toEqual([
      ['a1', '2025-01-12'], // held a week after its scheduled day
      ['a2', '2025-03-10'], // not held: its scheduled day
    ])
  })

  it('across three dialogues: an open action is carried into each later one, never into its own or an earlier one', () => {
    const third = dialogue('d3', { scheduledOn: '2025-06-01' })
    const all = [third, first, second] // in no particular order
    const actions = [dialogueAction('a1', 'd1'), dialogueAction('a2', 'd2'), dialogueAction('a3', 'd3')]
    expect(carriedIds(first, all, actions)).toEqual([])
    expect(carriedIds(second, all, actions)).toEqual(['a1'])
    expect(carriedIds(third, all, actions)).toEqual(['a1', 'a2'])
  })

  it('across three dialogues: done between the second and the third → carried into the second only', () => {
    const third = dialogue('d3', { scheduledOn: '2025-06-01' })
    const action = dialogueAction('a1', 'd1', { status: 'done', doneOn: '2025-04-15' })
    expect(carriedIds(second, [first, second, third], [action])).toEqual(['a1'])
    expect(carriedIds(third, [first, second, third], [action])).toEqual([])
  })

  it('carries an action once, even when the list holds it twice', () => {
    const action = dialogueAction('a1', 'd1')
    expect(carriedIds(second, dialogues, [action, { ...action }])).toEqual(['a1'])
  })

  it('two dialogues on one day are ordered by id: the first one’s actions go to the second, not back', () => {
    const a = dialogue('dlg-a', { scheduledOn: '2025-05-01' })
    const b = dialogue('dlg-b', { scheduledOn: '2025-05-01' })
    const actions = [dialogueAction('x', 'dlg-a'), dialogueAction('y', 'dlg-b')]
    expect(carriedIds(b, [a, b], actions)).toEqual(['x'])
    expect(carriedIds(a, [a, b], actions)).toEqual([])
  })

  it('a held date decides "earlier": one scheduled before but held after this one is later', () => {
    const movedOn = dialogue('d0', { scheduledOn: '2025-02-01', heldOn: '2025-04-01' })
    expect(carriedIds(second, [movedOn, second], [dialogueAction('a1', 'd0')])).toEqual([])
  })

  it('ignores a deleted dialogue (absent), and other units’ dialogues and actions', () => {
    const otherUnit = dialogue('o1', { unitId: 'u2', scheduledOn: '2025-01-01' })
    const actions = [dialogueAction('gone', 'deleted'), dialogueAction('other', 'o1', { unitId: 'u2' }), dialogueAction('mixed', 'd1', { unitId: 'u2' })]
    expect(carriedIds(second, [first, second, otherUnit], actions)).toEqual([])
  })

  it('orders by agreedOn, then title in Danish order', () => {
    const zero = dialogue('d0', { scheduledOn: '2024-11-01', heldOn: '2024-11-01' })
    const actions = [
      dialogueAction('a1', 'd1', { title: 'Årsplan' }),
      dialogueAction('a2', 'd1', { title: 'Zebra' }),
      dialogueAction('a3', 'd0', { title: 'Ændring' }),
      dialogueAction('a4', 'd1', { title: 'Budget' }),
    ]
    expect(carriedIds(second, [zero, first, second], actions)).toEqual(['a3', 'a4', 'a2', 'a1'])
  })
})

const light = (indicator: Light['indicator'], colour: Light['colour']): Light => ({
  indicator,
  colour,
  period: { year: 2025, month: 2 },
  ruleSetId: 'rs',
  source: 'computed',
  missing: null,
  facts: { kind: 'actionPlan', due: 4, doneOnTime: 2, fulfilment: 0.5, target: 0.8 },
})

const explanation = (id: string, indicator: Explanation['indicator'], year: number, month: number): Explanation => ({
  id,
  unitId: 'u1',
  indicator,
  year,
  month,
  causes: ['Vikarer'],
  body: 'Forklaring',
  validReason: true,
})

const initiative = (id: string, indicator: Initiative['indicator'], fields: Partial<Initiative> = {}): Initiative => ({
  id,
  unitId: 'u1',
  indicator,
  title: `Initiativ ${id}`,
  owner: '',
  dueDate: null,
  expectedEffect: null,
  status: 'planned',
  progressNote: '',
  ...fields,
})

describe('buildAgenda', () => {
  const earlier = dialogue('d1', { scheduledOn: '2025-01-10', heldOn: '2025-01-10' })
  const meeting = dialogue('d2', {
    scheduledOn: '2025-03-10',
    // Written out of order: the agenda lists them in the fixed indicator order.
    topics: [...recognition('balance'), ...support('forecast', 'budget')],
    agenda: ['Ferieafvikling', { title: 'Personalemøde', fromLast: true }],
  })
  const input: AgendaInput = {
    dialogue: meeting,
    lights: { budget: light('budget', 'red'), balance: light('balance', 'green') },
    preparation: preparation('p1', { questions: 'Hvordan får vi styr på vikarerne?', readyAt: '2025-03-05T08:00:00Z' }),
    explanations: [
      explanation('e1', 'budget', 2025, 1),
      explanation('e2', 'budget', 2025, 2), // the latest for budget
      explanation('e3', 'forecast', 2024, 12),
      explanation('e4', 'actionPlan', 2025, 2), // not a topic
      explanation('e5', 'forecast', 2025, 4), // after the dialogue's month
    ],
    initiatives: [
      initiative('i1', 'forecast'),
      initiative('i2', 'actionPlan'),
      initiative('i3', 'budget', { dueDate: '2025-05-01' }),
      initiative('i4', 'budget'),
    ],
    dialogues: [earlier, meeting],
    actions: [dialogueAction('a1', 'd1', { title: 'Gennemgå vikarforbruget' })],
  }

  it('records built by the fixtures are valid', () => {
    expect(dialogueSchema.safeParse(meeting).success).toBe(true)
    for (const e of input.explanations) expect(explanationSchema.safeParse(e).success).toBe(true)
    for (const i of input.initiatives) expect(initiativeSchema.safeParse(i).success).toBe(true)
  })

  it('opens with what was agreed last time, then one point per topic, the preparation and the OC’s own points', () => {
    const { sections } = buildAgenda(input)
    expect(sections.map((s) => s.kind)).toEqual(['carriedOver', 'indicator', 'indicator', 'indicator', 'preparation', 'own'])
    expect(sections[0]).toEqual({ kind: 'carriedOver', items: [{ action: input.actions[0], agreedOn: '2025-01-10' }] })
    expect(sections.slice(1, 4)).toEqual([
      { kind: 'indicator', indicator: 'budget', purpose: 'support', light: input.lights.budget },
      { kind: 'indicator', indicator: 'forecast', purpose: 'support', light: null }, // no light known
      { kind: 'indicator', indicator: 'balance', purpose: 'recognition', light: input.lights.balance },
    ])
    expect(sections[5]).toEqual({ kind: 'own', items: ['Ferieafvikling', 'Personalemøde'] })
  })

  it('the preparation holds the topics’ latest explanation each and their initiatives only', () => {
    const prep = buildAgenda(input).sections.find((s) => s.kind === 'preparation')
    expect(prep).toMatchObject({ questions: 'Hvordan får vi styr på vikarerne?', readyAt: '2025-03-05T08:00:00Z' })
    if (prep?.kind !== 'preparation') throw new Error('no preparation')
    expect(prep.explanations.map((e) => e.id)).toEqual(['e2', 'e3'])
    expect(prep.initiatives.map((i) => i.id)).toEqual(['i3', 'i4', 'i1']) // budget (dated first), then forecast
  })

  it('keeps the carried-over section when nothing is carried, and leaves out an empty preparation and no own points', () => {
    const bare = { ...meeting, agenda: [] }
    const { sections } = buildAgenda({ ...input, dialogue: bare, preparation: preparation('p1'), explanations: [], initiatives: [], actions: [] })
    expect(sections.map((s) => s.kind)).toEqual(['carriedOver', 'indicator', 'indicator', 'indicator'])
    expect(sections[0]).toEqual({ kind: 'carriedOver', items: [] })
  })

  it('shows the preparation without the leader’s questions when there are explanations (and none when blank)', () => {
    const { sections } = buildAgenda({ ...input, preparation: null, initiatives: [] })
    expect(sections.find((s) => s.kind === 'preparation')).toMatchObject({ questions: '', readyAt: null })
    const blank = buildAgenda({ ...input, preparation: preparation('p1', { questions: '   ' }), explanations: [], initiatives: [] })
    expect(blank.sections.some((s) => s.kind === 'preparation')).toBe(false)
  })

  it('handles three years of a unit (40 dialogues, 200 actions) and carries only the unfinished', () => {
    const dialogues = Array.from({ length: 40 }, (_, i) =>
      dialogue(`d${String(i).padStart(2, '0')}`, { scheduledOn: `${2023 + Math.floor(i / 14)}-${String((i % 12) + 1).padStart(2, '0')}-15` }),
    )
    const actions = Array.from({ length: 200 }, (_, i) => dialogueAction(`a${i}`, dialogues[i % 40]!.id, { status: i % 3 === 0 ? 'open' : 'dropped' }))
    const last = [...dialogues].sort((a, b) => (a.scheduledOn < b.scheduledOn ? 1 : -1))[0]!
    const carried = carriedOverActions(last, dialogues, actions)
    const expected = actions.filter(
      (a) => a.status === 'open' && a.dialogueId !== last.id && dialogues.find((d) => d.id === a.dialogueId)!.scheduledOn < last.scheduledOn,
    )
    expect(carried.map((c) => c.action.id).sort()).toEqual(expected.map((a) => a.id).sort())
  })
})

describe('agendaHeadings', () => {
  it('names each section in Danish', () => {
    const meeting = dialogue('d2', {
      topics: [...support('budget'), ...recognition('actionPlan'), ...followUp('forecast'), ...support('balance')],
      agenda: ['Ferie'],
    })
    const agenda = buildAgenda({
      dialogue: meeting,
      lights: {},
      preparation: preparation('p1', { questions: 'Spørgsmål' }),
      explanations: [],
      initiatives: [],
      dialogues: [meeting],
      actions: [],
    })
    expect(agendaHeadings(agenda)).toEqual([
      'Status på det aftalte sidst',
      'Budgetoverholdelse — støttende dialog',
      'Handleplan — anerkendende dialog',
      'Korrekt estimering i prognoser — opfølgning',
      'Afstemte balancekonti — støttende dialog',
      'Lederens forberedelse',
      'Øvrige punkter',
    ])
  })

  it('uses the indicator names the app shows', () => {
    // Read as a file: the test build compiles the app's message files into message functions.
    const da = JSON.parse(readFileSync(new URL('../../src/client/i18n/locales/da.json', import.meta.url), 'utf8')) as { indicator: unknown }
    expect(INDICATOR_NAMES_DA).toEqual(da.indicator)
  })
})
