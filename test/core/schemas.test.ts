import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { budgetLight } from '../../src/core/indicators/budget'
import {
  actionPlanItemSchema,
  areaSchema,
  balanceAccountSchema,
  dialoguePreparationSchema,
  dialogueSchema,
  explanationSchema,
  forecastEntrySchema,
  initiativeSchema,
  lightSchema,
  loginBodySchema,
  monthlyFigureSchema,
  noteSchema,
  personSchema,
  roleAssignmentSchema,
  ruleSetSchema,
  unitSchema,
} from '../../src/core/schemas'
import { account, action, figure, forecast, ruleSet } from './fixtures'

const valid = {
  area: { id: 'a1', municipalityId: 'm1', name: 'Område Nord', kind: 'mixed' },
  unit: {
    id: 'u1',
    areaId: 'a1',
    name: 'Solsikken',
    unitType: 'daycare',
    costCentre: '40123',
    ean: '5798000012345',
    economicsContact: { name: 'Økonomi', email: 'okonomi@kommune.dk', phone: '12345678' },
  },
  person: { id: 'p1', email: 'leder@demo.dk', name: 'Lene Leder' },
  role: { id: 'r1', personId: 'p1', role: 'leader', unitId: 'u1', areaId: null },
  explanation: { id: 'e1', unitId: 'u1', indicator: 'budget', year: 2025, month: 3, causes: ['Vikarudgifter'], body: 'Sygdom', validReason: true },
  initiative: {
    id: 'i1',
    unitId: 'u1',
    indicator: 'budget',
    title: 'Færre vikarer',
    owner: 'Lene',
    dueDate: '2025-06-30',
    expectedEffect: 50_000,
    status: 'planned',
  },
  note: { id: 'n1', unitId: 'u1', indicator: null, year: null, month: null, body: 'Husk budgetmødet', visibility: 'oc_private' },
  preparation: { id: 'd1', unitId: 'u1', year: 2025, month: 4, questions: 'Hvordan?', readyAt: '2025-04-02T08:00:00.000Z' },
  dialogue: {
    id: 'g1',
    unitId: 'u1',
    kind: 'dialogue',
    topics: [
      { indicator: 'budget', purpose: 'support' },
      { indicator: 'forecast', purpose: 'recognition' },
    ],
    followsFrom: null,
    scheduledOn: '2025-04-10',
    heldOn: '2025-04-10',
    agenda: ['Status fra sidst', { title: 'Prognose', carriedOverFrom: 'g0' }],
    minutes: '',
    improved: {},
    reopenedOn: '2025-04-30',
    reopenReason: 'Referatet manglede en aftale.',
  },
}

const messages = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.map((i) => i.message)
}

describe('record schemas accept good records', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['area', areaSchema, valid.area],
    ['unit', unitSchema, valid.unit],
    ['unit without contact email', unitSchema, { ...valid.unit, economicsContact: { name: '', email: '', phone: '' } }],
    ['person', personSchema, valid.person],
    ['role', roleAssignmentSchema, valid.role],
    ['directorate role', roleAssignmentSchema, { ...valid.role, role: 'directorate', unitId: null }],
    ['figure', monthlyFigureSchema, figure(3)],
    ['balance account', balanceAccountSchema, account()],
    ['action', actionPlanItemSchema, action({ status: 'done', doneOn: '2028-02-29' })],
    ['forecast month 0', forecastEntrySchema, forecast(0, 1_000_000.5)],
    ['explanation', explanationSchema, valid.explanation],
    ['initiative', initiativeSchema, valid.initiative],
    ['note', noteSchema, valid.note],
    ['dialogue preparation', dialoguePreparationSchema, valid.preparation],
    ['dialogue', dialogueSchema, valid.dialogue],
    ['rule set', ruleSetSchema, ruleSet()],
    ['login', loginBodySchema, { email: 'leder@demo.dk', password: 'demo' }],
    [
      'a computed light',
      lightSchema,
      budgetLight({ period: { year: 2025, month: 3 }, figures: [figure(3)], forecasts: [forecast(3, 1)], ruleSet: ruleSet(), closed: false }),
    ],
  ])('%s', (_name, schema, value) => {
    expect(messages(schema, value)).toEqual([])
  })
})

describe('record schemas refuse bad values with a Danish message', () => {
  it.each<[string, z.ZodType, unknown, RegExp]>([
    ['amount NaN', monthlyFigureSchema, figure(3, { budget: Number.NaN }), /tal/],
    ['amount Infinity', monthlyFigureSchema, figure(3, { spendToDate: Number.POSITIVE_INFINITY }), /tal/],
    ['amount as text', forecastEntrySchema, { ...forecast(3, 1), amount: '1.234,50' }, /Beløbet skal være et tal/],
    ['month 0 for a figure', monthlyFigureSchema, figure(0), /mellem 1 og 12/],
    ['month 13 for a figure', monthlyFigureSchema, figure(13), /mellem 1 og 12/],
    ['month 13 for a forecast', forecastEntrySchema, forecast(13, 1), /mellem 0 og 12/],
    ['month 2.5', monthlyFigureSchema, figure(2.5), /helt tal/],
    ['profile share above 1', monthlyFigureSchema, figure(3, { profileShare: 1.2 }), /mellem 0 og 1/],
    ['29 February in a common year', balanceAccountSchema, account({ dueDate: '2025-02-29' }), /Ugyldig dato/],
    ['a Danish date', balanceAccountSchema, account({ dueDate: '31-05-2025' }), /ÅÅÅÅ-MM-DD/],
    ['an empty id', balanceAccountSchema, account({ id: '' }), /Id må ikke være tomt/],
    ['a blank id', personSchema, { ...valid.person, id: '   ' }, /Id må ikke være tomt/],
    ['a bad email', personSchema, { ...valid.person, email: 'leder(at)demo.dk' }, /e-mail/],
    ['a leader without a unit', roleAssignmentSchema, { ...valid.role, unitId: null }, /leder/],
    ['an area chief without an area', roleAssignmentSchema, { ...valid.role, role: 'area_chief', unitId: null }, /områdechef/],
    ['done without a date', actionPlanItemSchema, action({ status: 'done', doneOn: null }), /udført/],
    ['dropped without a reason', actionPlanItemSchema, action({ status: 'dropped', dropReason: ' ' }), /begrundelse/],
    ['an unknown status', actionPlanItemSchema, action({ status: 'later' as never }), /Ukendt status/],
    ['an EAN of 12 digits', unitSchema, { ...valid.unit, ean: '579800001234' }, /13 cifre/],
    ['an unknown indicator', initiativeSchema, { ...valid.initiative, indicator: 'mood' }, /Ukendt indikator/],
    ['an empty note', noteSchema, { ...valid.note, body: '' }, /Noten må ikke være tom/],
    ['a bad timestamp', dialoguePreparationSchema, { ...valid.preparation, readyAt: 'i går' }, /tidspunkt/],
    [
      'one indicator twice in a dialogue',
      dialogueSchema,
      {
        ...valid.dialogue,
        topics: [
          { indicator: 'budget', purpose: 'support' },
          { indicator: 'budget', purpose: 'recognition' },
        ],
      },
      /højst én gang/,
    ],
    ['an improvement judged as a word', dialogueSchema, { ...valid.dialogue, improved: { budget: 'ja' } }, /forbedret/],
    ['a tolerance above 1', ruleSetSchema, ruleSet({ budgetTolerance: 1.5 }), /mellem 0 og 1/],
    ['a zero forecast interval', ruleSetSchema, ruleSet({ forecastInterval: 0 }), /større end 0/],
    ['login without password', loginBodySchema, { email: 'leder@demo.dk', password: '' }, /Adgangskoden mangler/],
    ['login with a bad email', loginBodySchema, { email: 'leder', password: 'x' }, /e-mail/],
  ])('%s', (_name, schema, value, message) => {
    const found = messages(schema, value)
    expect(found.length).toBeGreaterThan(0)
    expect(found.join(' | ')).toMatch(message)
  })
})
