// A file of ready-made indicator values, table-driven: the indicators by the names reports give
// them, a value with its sign, and the checks of a line on its own — a key twice, a plan's
// fulfilment or an accounts' rate outside 0–100 % (at the boundaries) — said at line and column.
import { describe, expect, it } from 'vitest'
import { recogniseHeaders } from '../../src/core/import/fields'
import { indicatorValueLines } from '../../src/core/import/indicatorValues'
import { readRows, type SourceTable } from '../../src/core/import/rows'
import type { IndicatorKey } from '../../src/core/types'

const HEADERS = ['Omk.sted', 'Måned', 'Indikator', 'Resultat']

function read(...rows: string[][]) {
  const table: SourceTable = { headers: HEADERS, rows: rows.map((cells, i) => ({ line: i + 2, cells })) }
  return readRows('indicatorValues', table, recogniseHeaders('indicatorValues', HEADERS), 1)
}

describe('indicatorValueLines', () => {
  it('recognises the headers by their synonyms', () => {
    expect(recogniseHeaders('indicatorValues', HEADERS)).toEqual({ 'Omk.sted': 'costCentre', Måned: 'period', Indikator: 'indicator', Resultat: 'value' })
  })

  it.each<[string, IndicatorKey]>([
    ['Budgetoverholdelse', 'budget'],
    ['budget', 'budget'],
    ['Handleplan', 'actionPlan'],
    ['Korrekt estimering i prognoser', 'forecast'],
    ['Prognose', 'forecast'],
    ['Statuskonti', 'balance'],
    ['Afstemte  balancekonti', 'balance'],
  ])('reads the indicator %j as %s', (word, indicator) => {
    const r = read(['10100', '2026-10', word, '50 %'])
    expect(r.issues).toEqual([])
    expect(indicatorValueLines(r.rows).values.map((v) => v.indicator)).toEqual([indicator])
  })

  it('reads a line as the unit’s value for the month, a budget deviation with its sign', () => {
    const r = read(['10100', 'okt 2026', 'Budget', '-2,5 %'], ['10100', '2026-10', 'Handleplan', '0,8'])
    expect(indicatorValueLines(r.rows)).toEqual({
      values: [
        { line: 2, costCentre: '10100', period: { year: 2026, month: 10 }, indicator: 'budget', value: -0.025 },
        { line: 3, costCentre: '10100', period: { year: 2026, month: 10 }, indicator: 'actionPlan', value: 0.8 },
      ],
      issues: [],
    })
  })

  it.each<[string, string, string | null]>([
    ['Handleplan', '0 %', null],
    ['Handleplan', '100 %', null],
    ['Handleplan', '100,1 %', "Linje 2, kolonne Resultat: '100,1 %' er ikke en andel mellem 0 % og 100 %, som nøgletallet 'Handleplan' er."],
    ['Balancekonti', '-0,1 %', "Linje 2, kolonne Resultat: '-0,1 %' er ikke en andel mellem 0 % og 100 %, som nøgletallet 'Balancekonti' er."],
    ['Budget', '150 %', null],
    ['Prognose', '-40 %', null],
  ])('%s of %s: %s', (indicator, value, message) => {
    const { values, issues } = indicatorValueLines(read(['10100', '2026-10', indicator, value]).rows)
    expect(issues.map((i) => i.message)).toEqual(message ? [message] : [])
    expect(values).toHaveLength(message ? 0 : 1)
  })

  it('refuses an indicator twice for a unit’s month, but takes it for another month or unit', () => {
    const { values, issues } = indicatorValueLines(
      read(
        ['10100', '2026-10', 'Budget', '1 %'],
        ['10100', '2026-09', 'Budget', '1 %'],
        ['10200', '2026-10', 'Budget', '1 %'],
        ['10100', 'oktober 2026', 'budgetoverholdelse', '2 %'],
      ).rows,
    )
    expect(issues.map((i) => i.message)).toEqual(["Linje 5: omkostningssted 10100 har nøgletallet 'budgetoverholdelse' for 2026-10 også i linje 2."])
    expect(values).toHaveLength(3)
  })
})
