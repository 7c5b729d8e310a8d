// An action plan file's lines, table-driven: read through the recognised headers (status words as
// finance and HR systems write them), then checked on their own — a title twice in a unit's year,
// a done date after today or beside an open status, a done action without its date, a dropped one
// without its reason — with the line, the column and the value in each message.
import { describe, expect, it } from 'vitest'
import { actionLines, actionTitleKey } from '../../src/core/import/actionPlan'
import { recogniseHeaders } from '../../src/core/import/fields'
import { readRows, type SourceTable } from '../../src/core/import/rows'

const HEADERS = ['Omk.sted', 'Aktivitet', 'Deadline', 'Status', 'Udført', 'Begrundelse']
const TODAY = '2026-11-23'

function read(...rows: string[][]) {
  const table: SourceTable = { headers: HEADERS, rows: rows.map((cells, i) => ({ line: i + 2, cells })) }
  return readRows('actionPlan', table, recogniseHeaders('actionPlan', HEADERS), 1)
}

/** A line of unit 10100's: due date, status, done date, reason and title as the file has them. */
const line = (due: string, status: string, done = '', reason = '', title = 'Ny vagtplan') => ['10100', title, due, status, done, reason]

function linesOf(...rows: string[][]) {
  const r = read(...rows)
  expect(r.issues).toEqual([])
  return actionLines(r.rows, TODAY)
}

describe('actionLines', () => {
  it('recognises the headers of an export by their synonyms', () => {
    expect(recogniseHeaders('actionPlan', HEADERS)).toEqual({
      'Omk.sted': 'costCentre',
      Aktivitet: 'title',
      Deadline: 'dueDate',
      Status: 'status',
      Udført: 'doneOn',
      Begrundelse: 'dropReason',
    })
  })

  it('reads a line as the action of its due date’s year, with its status, done date and reason', () => {
    expect(
      linesOf(
        ['10100', 'Ny vagtplan', '31-03-2026', 'Udført', '28.03.2026', ''],
        ['10100', 'Fælles indkøb', '2026-06-30', 'i gang', '', ''],
        ['10100', 'Nyt IT-system', '30-09-2026', 'Udgået', '', 'Kommunen indkøber centralt'],
      ),
    ).toEqual({
      actions: [
        { line: 2, costCentre: '10100', year: 2026, title: 'Ny vagtplan', dueDate: '2026-03-31', status: 'done', doneOn: '2026-03-28', dropReason: null },
        { line: 3, costCentre: '10100', year: 2026, title: 'Fælles indkøb', dueDate: '2026-06-30', status: 'in_progress', doneOn: null, dropReason: null },
        {
          line: 4,
          costCentre: '10100',
          year: 2026,
          title: 'Nyt IT-system',
          dueDate: '2026-09-30',
          status: 'dropped',
          doneOn: null,
          dropReason: 'Kommunen indkøber centralt',
        },
      ],
      issues: [],
    })
  })

  it.each<[string, string]>([
    ['planlagt', 'planned'],
    ['Ikke påbegyndt', 'planned'],
    ['Igang', 'in_progress'],
    ['Færdig', 'done'],
    ['Droppet', 'dropped'],
    ['udgår', 'dropped'],
  ])('reads the status %s as %s', (word, status) => {
    const r = read(['10100', 'Ny vagtplan', '31-03-2026', word, status === 'done' ? '20-03-2026' : '', status === 'dropped' ? 'Ikke relevant' : ''])
    expect(r.issues).toEqual([])
    expect(r.rows[0]!.values.status).toBe(status)
  })

  it('refuses a status it does not know, saying which it knows', () => {
    expect(read(['10100', 'Ny vagtplan', '31-03-2026', 'Måske', '', '']).issues.map((i) => i.message)).toEqual([
      "Linje 2, kolonne Status: 'Måske' er ikke en status (planlagt, i gang, udført eller droppet)",
    ])
  })

  it.each<[string, string[][], string]>([
    [
      'the same title twice in a unit’s year (case and spaces aside)',
      [line('31-03-2026', 'Planlagt'), line('30-06-2026', 'Planlagt', '', '', 'ny  Vagtplan')],
      "Linje 3: omkostningssted 10100 har handlingen 'ny  Vagtplan' i 2026 også i linje 2.",
    ],
    ['a done date after today', [line('31-12-2026', 'Udført', '24-11-2026')], "Linje 2, kolonne Udført: '24-11-2026' ligger efter i dag (2026-11-23)."],
    [
      'a done date beside an open status',
      [line('31-12-2026', 'I gang', '20-11-2026')],
      "Linje 2, kolonne Udført: '20-11-2026' er udfyldt, men status er ikke udført ('I gang').",
    ],
    [
      'a done action without its date',
      [line('31-03-2026', 'Udført')],
      'Linje 2, kolonne Udført: En udført handling skal have en dato for, hvornår den blev udført.',
    ],
    ['a dropped action without its reason', [line('31-03-2026', 'Udgået')], 'Linje 2, kolonne Begrundelse: Angiv en begrundelse, når en handling udgår.'],
    [
      'a title too long for a record',
      [line('31-03-2026', 'Planlagt', '', '', 'x'.repeat(201))],
      `Linje 2, kolonne Aktivitet: '${'x'.repeat(201)}' er for lang (højst 200 tegn).`,
    ],
  ])('refuses %s, saying where', (_, rows, message) => {
    const { actions, issues } = linesOf(...rows)
    expect(issues.map((i) => i.message)).toEqual([message])
    expect(actions).toHaveLength(rows.length - 1)
  })

  it('takes the same title in another year or another unit, and a done date of today', () => {
    const { issues } = linesOf(
      ['10100', 'Ny vagtplan', '31-03-2026', 'Udført', '23-11-2026', ''],
      ['10100', 'Ny vagtplan', '31-03-2027', 'Planlagt', '', ''],
      ['10200', 'Ny vagtplan', '31-03-2026', 'Planlagt', '', ''],
    )
    expect(issues).toEqual([])
  })

  it('knows a title by its words, not its case or spacing', () => {
    expect(actionTitleKey('  Ny   Vagtplan ')).toBe(actionTitleKey('ny vagtplan'))
    expect(actionTitleKey('Ny vagtplan')).not.toBe(actionTitleKey('Ny vagtplan 2'))
  })
})
