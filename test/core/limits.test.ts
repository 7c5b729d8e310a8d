import { describe, expect, it } from 'vitest'
import { dialogue } from './dialogueFixtures'
import type { z } from 'zod'
import {
  AMOUNT_LIMIT,
  groupThousands,
  hasUnstorableCharacter,
  isBlank,
  MAX_ID_LENGTH,
  MAX_LIST_ITEMS,
  MAX_MINUTES_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_TITLE_LENGTH,
} from '../../src/core/limits'
import {
  actionPlanItemSchema,
  agendaItemSchema,
  amountSchema,
  dialogueSchema,
  explanationSchema,
  forecastEntrySchema,
  idSchema,
  initiativeSchema,
  noteSchema,
  unitSchema,
} from '../../src/core/schemas'

const first = (schema: z.ZodType, value: unknown): string | null => {
  const r = schema.safeParse(value)
  return r.success ? null : (r.error.issues[0]?.message ?? '?')
}

describe('what counts as empty, and what cannot be stored', () => {
  it.each<[string, boolean]>([
    ['', true],
    ['   ', true],
    ['\n\t', true],
    ['\u200B', true],
    ['\u200C\u200D', true],
    ['\u2060', true],
    ['\uFEFF', true],
    [' \u200B \u00A0', true],
    ['a', false],
    ['\u200Ba', false],
    ['·', false],
  ])('isBlank(%j) = %s', (text, blank) => {
    expect(isBlank(text)).toBe(blank)
  })

  it.each<[string, boolean]>([
    ['plain', false],
    ['æøå', false],
    ['emoji 😀', false],
    ['a\u0000b', true],
    ['\uD83D', true],
    ['x\uDE00', true],
    ['\uDE00\uD83D', true],
    ['\uD83D\uDE00', false],
  ])('hasUnstorableCharacter(%j) = %s', (text, bad) => {
    expect(hasUnstorableCharacter(text)).toBe(bad)
  })

  it('writes thousands the Danish way', () => {
    expect([groupThousands(200), groupThousands(4000), groupThousands(AMOUNT_LIMIT)]).toEqual(['200', '4.000', '1.000.000.000.000'])
  })
})

describe('amounts fit numeric(14,2): |x| < 10^12 once rounded to øre', () => {
  it.each<[number, boolean]>([
    [0, true],
    [999_999_999_999.99, true],
    [-999_999_999_999.99, true],
    [999_999_999_999.994, true],
    [999_999_999_999.995, false],
    [AMOUNT_LIMIT, false],
    [-AMOUNT_LIMIT, false],
    [1e15, false],
    [Number.POSITIVE_INFINITY, false],
    [Number.NaN, false],
  ])('%d → %s', (amount, ok) => {
    expect(first(amountSchema, amount) === null).toBe(ok)
  })
  it('says the limit in the message', () => {
    expect(first(amountSchema, 1e12)).toBe('Beløbet skal være mindre end 1.000.000.000.000 kr.')
  })
})

describe('ids: at most 100 characters of a–z, digits and - _ . :', () => {
  it.each<[string, string | null]>([
    ['0b7d6f1e-3c1a-4c53-9d57-6a1c0a4e2b11', null],
    ['forecast-unit-001-2025-03', null],
    ['forecast:unit-001:2025-03', null],
    ['x'.repeat(MAX_ID_LENGTH), null],
    ['x'.repeat(MAX_ID_LENGTH + 1), 'Id må højst være 100 tegn.'],
    ['', 'Id må ikke være tomt.'],
    ['  ', 'Id må ikke være tomt.'],
    ['a\u0000', 'Id må kun indeholde bogstaverne a–z, tal og tegnene - _ . :'],
    [' a', 'Id må kun indeholde bogstaverne a–z, tal og tegnene - _ . :'],
    ['a/b', 'Id må kun indeholde bogstaverne a–z, tal og tegnene - _ . :'],
    ['ø', 'Id må kun indeholde bogstaverne a–z, tal og tegnene - _ . :'],
  ])('%j → %s', (id, message) => {
    expect(first(idSchema, id)).toBe(message)
  })
})

/** A dialogue as the OC writes it; each case changes one field. */
const DIALOGUE = dialogue('d1', { scheduledOn: '2025-04-01' })

describe('every text is bounded and storable, with a Danish message naming it', () => {
  const note = { id: 'n1', unitId: 'u1', indicator: null, year: null, month: null, body: 'x', visibility: 'shared' }
  const initiative = { id: 'i1', unitId: 'u1', indicator: 'budget', title: 'T', owner: '', dueDate: null, expectedEffect: null, status: 'planned' }
  const forecast = { id: 'f1', unitId: 'u1', year: 2025, month: 3, amount: 1, explanation: null }
  const explanation = { id: 'e1', unitId: 'u1', indicator: 'budget', year: 2025, month: 3, causes: [], body: '', validReason: null }
  const action = { id: 'a1', unitId: 'u1', year: 2025, title: 'T', dueDate: '2025-03-31', status: 'planned', doneOn: null, dropReason: null }
  const unit = {
    id: 'u1',
    areaId: 'a1',
    name: 'S',
    unitType: 'school',
    costCentre: '1',
    ean: '5798000012345',
    economicsContact: { name: '', email: '', phone: '' },
  }

  it.each<[string, z.ZodType, unknown, string | null]>([
    ['a note at the limit', noteSchema, { ...note, body: 'x'.repeat(MAX_NOTE_LENGTH) }, null],
    ['a note one over', noteSchema, { ...note, body: 'x'.repeat(MAX_NOTE_LENGTH + 1) }, 'Noten må højst være 4.000 tegn.'],
    ['a note of only a zero-width space', noteSchema, { ...note, body: '\u200B' }, 'Noten må ikke være tom.'],
    ['a note with a NUL', noteSchema, { ...note, body: 'a\u0000' }, 'Noten indeholder et tegn, der ikke kan gemmes (fx et nul-tegn).'],
    ['a title at the limit', initiativeSchema, { ...initiative, title: 'x'.repeat(MAX_TITLE_LENGTH) }, null],
    ['a title one over', initiativeSchema, { ...initiative, title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }, 'Titlen må højst være 200 tegn.'],
    ['an owner one over', initiativeSchema, { ...initiative, owner: 'x'.repeat(MAX_TITLE_LENGTH + 1) }, 'Den ansvarlige må højst være 200 tegn.'],
    [
      'a forecast explanation one over',
      forecastEntrySchema,
      { ...forecast, explanation: 'x'.repeat(MAX_REASON_LENGTH + 1) },
      'Forklaringen må højst være 2.000 tegn.',
    ],
    [
      'a forecast explanation with a lone surrogate',
      forecastEntrySchema,
      { ...forecast, explanation: '\uD800' },
      'Forklaringen indeholder et tegn, der ikke kan gemmes (fx et nul-tegn).',
    ],
    ['an explanation body one over', explanationSchema, { ...explanation, body: 'x'.repeat(MAX_NOTE_LENGTH + 1) }, 'Teksten må højst være 4.000 tegn.'],
    ['51 causes', explanationSchema, { ...explanation, causes: Array.from({ length: MAX_LIST_ITEMS + 1 }, () => 'Vikarer') }, 'Højst 50 årsager.'],
    ['a blank cause', explanationSchema, { ...explanation, causes: ['\u200B'] }, 'Årsagen må ikke være tom.'],
    [
      'a drop reason of only zero-width spaces',
      actionPlanItemSchema,
      { ...action, status: 'dropped', dropReason: '\u200B\u200B' },
      'Angiv en begrundelse, når en handling udgår.',
    ],
    ['minutes at the limit, kept as typed', dialogueSchema, { ...DIALOGUE, minutes: `${'x'.repeat(MAX_MINUTES_LENGTH - 1)}\n` }, null],
    ['minutes one over', dialogueSchema, { ...DIALOGUE, minutes: 'x'.repeat(MAX_MINUTES_LENGTH + 1) }, 'Referatet må højst være 10.000 tegn.'],
    [
      '51 agenda points',
      dialogueSchema,
      { ...DIALOGUE, agenda: Array.from({ length: MAX_LIST_ITEMS + 1 }, () => 'Punkt') },
      'Højst 50 punkter på dagsordenen.',
    ],
    [
      'five topics',
      dialogueSchema,
      { ...DIALOGUE, topics: ['budget', 'forecast', 'balance', 'actionPlan', 'budget'].map((indicator) => ({ indicator, purpose: 'support' })) },
      'Højst de fire indikatorer.',
    ],
    [
      'a unit contact name one over',
      unitSchema,
      { ...unit, economicsContact: { name: 'x'.repeat(MAX_TITLE_LENGTH + 1), email: '', phone: '' } },
      'Kontaktens navn må højst være 200 tegn.',
    ],
  ])('%s', (_name, schema, value, message) => {
    expect(first(schema, value)).toBe(message)
  })
})

it('keeps the minutes as typed (not trimmed), unlike one-line texts', () => {
  const parsed = dialogueSchema.parse({ ...DIALOGUE, minutes: '  Punkt 1\n' })
  expect(parsed.minutes).toBe('  Punkt 1\n')
})

describe('an agenda point is text, or an explicit small object — never an arbitrary one', () => {
  const deep = (depth: number): unknown => {
    let point: Record<string, unknown> = { title: 'Bunden' }
    for (let i = 0; i < depth; i++) point = { title: 'Niveau', under: point }
    return point
  }
  it.each<[string, unknown, string | null]>([
    ['text', 'Status fra sidst', null],
    ['carried over', { title: 'Prognose', carriedOverFrom: 'd0', fromLast: true, done: false }, null],
    ['a blank text', '\u200B', 'Punktet må ikke være tom.'],
    ['a title one over', { title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }, 'Punktets titel må højst være 200 tegn.'],
    ['a key of its own', { title: 'Prognose', colour: 'red' }, 'Et punkt har kun titel, hvor det kommer fra, og om det er udført.'],
    ['nested 10.000 deep', deep(10_000), 'Et punkt har kun titel, hvor det kommer fra, og om det er udført.'],
    ['an array in an array', [['Punkt']], 'Et punkt på dagsordenen skal være en tekst eller et punkt med en titel.'],
    ['a number', 7, 'Et punkt på dagsordenen skal være en tekst eller et punkt med en titel.'],
    ['a NUL in the title', { title: 'a\u0000' }, 'Punktets titel indeholder et tegn, der ikke kan gemmes (fx et nul-tegn).'],
  ])('%s', (_name, point, message) => {
    expect(first(agendaItemSchema, point)).toBe(message)
  })
})
