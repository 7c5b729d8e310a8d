import { describe, expect, it } from 'vitest'
import { parsePercentInput, percentInputText } from '../../src/core/config/percent'
import { dottedDate, ruleSetChangeIssues, ruleSetInputSchema, ruleSetStandings, type RuleSetInput } from '../../src/core/config/ruleSetChange'
import { DEFAULT_THRESHOLDS } from '../../src/core/rules'
import type { RuleSet, UnitType } from '../../src/core/types'

const existing: RuleSet[] = [
  { id: 'general-2024', municipalityId: 'm1', unitType: null, effectiveFrom: '2024-01-01', thresholds: { ...DEFAULT_THRESHOLDS } },
  { id: 'daycare-2026', municipalityId: 'm1', unitType: 'daycare', effectiveFrom: '2026-01-01', thresholds: { ...DEFAULT_THRESHOLDS } },
]
const input = (effectiveFrom: string, unitType: UnitType | null = null, thresholds: Partial<RuleSetInput['thresholds']> = {}): RuleSetInput => ({
  unitType,
  effectiveFrom,
  thresholds: { ...DEFAULT_THRESHOLDS, ...thresholds },
})
const issuesOf = (i: RuleSetInput, closedYears = [2025]) => ruleSetChangeIssues(i, { existing, closedYears }).map((x) => `${x.field}: ${x.message}`)

describe('ruleSetChangeIssues', () => {
  it.each<[string, RuleSetInput, string[]]>([
    ['the first day after the closed year', input('2026-01-01'), []],
    ['a date later in an open year', input('2026-07-01'), []],
    [
      'the last day of the closed year',
      input('2025-12-31'),
      ['effectiveFrom: Et regelsæt kan ikke gælde fra 31.12.2025: 2025 er lukket, og årets lys er registreret. Vælg en dato i 2026 eller senere.'],
    ],
    [
      'a date already taken for the same unit type',
      input('2026-01-01', 'daycare'),
      ['effectiveFrom: Der findes allerede et regelsæt for dagtilbud fra 01.01.2026. Vælg en anden dato.'],
    ],
    ['the same date for another unit type', input('2026-01-01', 'school'), []],
    ['target and margin at exactly 100 %', input('2026-03-01', null, { balanceTarget: 0.97, balanceGreenMargin: 0.03 }), []],
    [
      'target and margin beyond 100 %',
      input('2026-03-01', null, { balanceTarget: 0.98, balanceGreenMargin: 0.03 }),
      ['thresholds.balanceGreenMargin: Måltallet og margenen for balancekonti må tilsammen højst være 100 %.'],
    ],
  ])('%s', (_, given, expected) => expect(issuesOf(given)).toEqual(expected))

  it('allows any date when no year is closed', () => expect(issuesOf(input('2020-05-01'), [])).toEqual([]))
})

describe('ruleSetInputSchema', () => {
  it.each<[string, unknown, string]>([
    ['a share above 1', { ...input('2026-01-01'), thresholds: { ...DEFAULT_THRESHOLDS, budgetTolerance: 1.5 } }, 'thresholds.budgetTolerance'],
    ['an interval of 0', { ...input('2026-01-01'), thresholds: { ...DEFAULT_THRESHOLDS, forecastInterval: 0 } }, 'thresholds.forecastInterval'],
    ['a date that is not one', { ...input('2026-01-01'), effectiveFrom: '2026-02-30' }, 'effectiveFrom'],
    ['an unknown unit type', { ...input('2026-01-01'), unitType: 'hospital' }, 'unitType'],
  ])('refuses %s, naming the field', (_, given, field) => {
    const parsed = ruleSetInputSchema.safeParse(given)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([field])
  })
})

it('dottedDate writes a date as the economics team does', () => expect(dottedDate('2026-07-01')).toBe('01.07.2026'))

describe('ruleSetStandings', () => {
  const sets: RuleSet[] = [
    ...existing,
    { ...existing[0]!, id: 'general-2026-07', effectiveFrom: '2026-07-01' },
    { ...existing[0]!, id: 'general-2027', effectiveFrom: '2027-01-01' },
  ]
  it.each<[string, Record<string, string>]>([
    ['2026-06-30', { 'general-2024': 'inForce', 'daycare-2026': 'inForce', 'general-2026-07': 'coming', 'general-2027': 'coming' }],
    ['2026-07-01', { 'general-2024': 'replaced', 'daycare-2026': 'inForce', 'general-2026-07': 'inForce', 'general-2027': 'coming' }],
    ['2027-01-01', { 'general-2024': 'replaced', 'daycare-2026': 'inForce', 'general-2026-07': 'replaced', 'general-2027': 'inForce' }],
  ])('on %s', (today, expected) => expect(Object.fromEntries(ruleSetStandings(sets, today))).toEqual(expected))
})

describe('per cent in the form', () => {
  it.each<[string, number | null]>([
    ['1,5', 0.015],
    ['1,5 %', 0.015],
    [' 80 ', 0.8],
    ['0', 0],
    ['100', 1],
    ['100,1', null],
    ['-1', null],
    ['', null],
    ['en halv', null],
    ['1.234,5', null],
  ])('reads %j as %j', (text, share) => expect(parsePercentInput(text)).toBe(share))
  it.each<[number, string]>([
    [0.015, '1,5'],
    [0.8, '80'],
    [0.0125, '1,25'],
    [0.03, '3'],
  ])('writes %j as %j', (share, text) => expect(percentInputText(share)).toBe(text))
})
