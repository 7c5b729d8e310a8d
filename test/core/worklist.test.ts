import { describe, expect, it } from 'vitest'
import { compareUnitsWorstFirst, type WorstFirstUnit } from '../../src/core/lights'
import type { Colour, IndicatorKey } from '../../src/core/types'
import { filterUnits, searchForm, type WorklistFilter } from '../../src/core/worklist'

const unit = (name: string, colours: [Colour, Colour, Colour, Colour]): WorstFirstUnit => {
  const [budget, actionPlan, forecast, balance] = colours.map((colour) => ({ colour }))
  const order = ['red', 'yellow', 'grey', 'green'] as const
  const overall = order.find((c) => colours.includes(c)) ?? 'grey'
  return { name, overall, overrun: 0, lights: { budget, actionPlan, forecast, balance } }
}

const units = [
  unit('Askeskolen', ['red', 'green', 'green', 'green']),
  unit('Bøgeskolen', ['green', 'red', 'yellow', 'green']),
  unit('Ålykke Børnehus', ['yellow', 'yellow', 'green', 'green']),
  unit('Ærtebjerg Skole', ['green', 'green', 'green', 'green']),
  unit('Café Éventyr', ['grey', 'green', 'green', 'green']),
  unit('Aalborg Vej Vuggestue', ['green', 'green', 'grey', 'red']),
]
const names = (filter: WorklistFilter) => filterUnits(units, filter).map((u) => u.name)

describe('filterUnits', () => {
  it.each<[string, WorklistFilter, string[]]>([
    ['no filter: all, in their order', {}, units.map((u) => u.name)],
    ['colour alone: the overall colour', { colour: 'red' }, ['Askeskolen', 'Bøgeskolen', 'Aalborg Vej Vuggestue']],
    ['colour alone: green overall', { colour: 'green' }, ['Ærtebjerg Skole']],
    ['indicator and colour: that light', { indicator: 'budget', colour: 'red' }, ['Askeskolen']],
    ['indicator and colour: yellow forecast', { indicator: 'forecast', colour: 'yellow' }, ['Bøgeskolen']],
    ['indicator and colour: grey', { indicator: 'forecast', colour: 'grey' }, ['Aalborg Vej Vuggestue']],
    ['an indicator without a colour filters nothing', { indicator: 'balance' }, units.map((u) => u.name)],
    ['query: any case', { query: 'SKOLE' }, ['Askeskolen', 'Bøgeskolen', 'Ærtebjerg Skole']],
    ['query: ø is a letter of its own', { query: 'bøge' }, ['Bøgeskolen']],
    ['query: o does not match ø', { query: 'boge' }, []],
    ['query: å found in either case', { query: 'ÅLY' }, ['Ålykke Børnehus']],
    ['query: a does not match å', { query: 'alykke' }, []],
    ['query: å does not match aa', { query: 'ålborg' }, []],
    ['query: æ kept', { query: 'ærte' }, ['Ærtebjerg Skole']],
    ['query: accents aside', { query: 'cafe eventyr' }, ['Café Éventyr']],
    ['query: accent typed, none in the name', { query: 'Askéskolen' }, ['Askeskolen']],
    ['query: spaces around are ignored', { query: '  vej ' }, ['Aalborg Vej Vuggestue']],
    ['query: blank matches all', { query: '   ' }, units.map((u) => u.name)],
    ['query and colour together', { query: 'skole', colour: 'red' }, ['Askeskolen', 'Bøgeskolen']],
    ['query, indicator and colour', { query: 'skole', indicator: 'actionPlan', colour: 'red' }, ['Bøgeskolen']],
  ])('%s', (_name, filter, expected) => {
    expect(names(filter)).toEqual(expected)
  })

  it('an å written as a + combining ring is the letter å', () => {
    expect(searchForm('A\u030alykke')).toBe('ålykke')
    expect(filterUnits(units, { query: 'a\u030aly' }).map((u) => u.name)).toEqual(['Ålykke Børnehus'])
  })

  it('keeps what the caller passed (the type and the other fields)', () => {
    const withId = units.map((u, i) => ({ ...u, id: `u${i}` }))
    expect(filterUnits(withId, { colour: 'green' })).toEqual([withId[3]])
  })
})

describe('compareUnitsWorstFirst', () => {
  const u = (name: string, overall: Colour, reds: IndicatorKey[], overrun: number): WorstFirstUnit => ({
    name,
    overall,
    overrun,
    lights: Object.fromEntries(
      (['budget', 'actionPlan', 'forecast', 'balance'] as const).map((k) => [k, { colour: reds.includes(k) ? 'red' : overall === 'red' ? 'green' : overall }]),
    ),
  })

  it.each<[string, WorstFirstUnit[], string[]]>([
    ['red, yellow, grey, green', [u('G', 'green', [], 0), u('Y', 'yellow', [], 0), u('R', 'red', ['budget'], 0), u('N', 'grey', [], 0)], ['R', 'Y', 'N', 'G']],
    [
      'among the red: more red indicators first, over a bigger overrun',
      [u('One', 'red', ['budget'], 5_000_000), u('Three', 'red', ['budget', 'forecast', 'balance'], 0), u('Two', 'red', ['actionPlan', 'balance'], 10)],
      ['Three', 'Two', 'One'],
    ],
    [
      'as many red: the bigger overrun first',
      [u('Small', 'red', ['budget', 'balance'], 100), u('Big', 'red', ['budget', 'forecast'], 200_000)],
      ['Big', 'Small'],
    ],
    ['within yellow: the bigger overrun first', [u('A', 'yellow', [], 10), u('B', 'yellow', [], 20)], ['B', 'A']],
    [
      'all else equal: by name, æ ø å after z',
      [u('Åskolen', 'green', [], 0), u('Øskolen', 'green', [], 0), u('Zskolen', 'green', [], 0), u('Æskolen', 'green', [], 0), u('askolen', 'green', [], 0)],
      ['askolen', 'Zskolen', 'Æskolen', 'Øskolen', 'Åskolen'],
    ],
  ])('%s', (_name, list, expected) => {
    expect([...list].sort(compareUnitsWorstFirst).map((x) => x.name)).toEqual(expected)
    expect(
      [...list]
        .reverse()
        .sort(compareUnitsWorstFirst)
        .map((x) => x.name),
    ).toEqual(expected)
  })

  it('is 0 only for units equal in every respect', () => {
    expect(compareUnitsWorstFirst(u('A', 'red', ['budget'], 5), u('A', 'red', ['forecast'], 5))).toBe(0)
  })
})
