// A balance accounts file's lines, table-driven: read through the recognised headers, then checked
// on their own — a key twice, a reconciliation after today or before the account's year — with the
// line, the column and the value in each message.
import { describe, expect, it } from 'vitest'
import { accountLines } from '../../src/core/import/balance'
import { recogniseHeaders } from '../../src/core/import/fields'
import { readRows, type SourceTable } from '../../src/core/import/rows'

const HEADERS = ['Omk.sted', 'Kontonr', 'Kontotekst', 'Afstemningsfrist', 'Afstemt den']
const TODAY = '2026-11-23'

function linesOf(...rows: string[][]) {
  const table: SourceTable = { headers: HEADERS, rows: rows.map((cells, i) => ({ line: i + 2, cells })) }
  const read = readRows('balance', table, recogniseHeaders('balance', HEADERS), 1)
  expect(read.issues).toEqual([])
  return accountLines(read.rows, TODAY)
}

describe('accountLines', () => {
  it('reads a line as the unit’s account with its due date and reconciliation, or none', () => {
    expect(linesOf(['10100', '9100', 'Mellemregning', '31-03-2026', '28.03.2026'], ['10100', '9100', 'Mellemregning', '30-06-2026', ''])).toEqual({
      accounts: [
        { line: 2, costCentre: '10100', number: '9100', name: 'Mellemregning', dueDate: '2026-03-31', reconciledOn: '2026-03-28' },
        { line: 3, costCentre: '10100', number: '9100', name: 'Mellemregning', dueDate: '2026-06-30', reconciledOn: null },
      ],
      issues: [],
    })
  })

  it.each<[string, string[][], string]>([
    [
      'the same account and due date twice',
      [
        ['10100', '9100', 'Mellemregning', '31-03-2026', ''],
        ['10100', '9100', 'Mellemregning', '2026-03-31', '2026-03-30'],
      ],
      'Linje 3: omkostningssted 10100, konto 9100 med frist 2026-03-31 står også i linje 2.',
    ],
    [
      'a reconciliation after today',
      [['10100', '9100', 'Mellemregning', '31-12-2026', '24-11-2026']],
      "Linje 2, kolonne Afstemt den: '24-11-2026' ligger efter i dag (2026-11-23).",
    ],
    [
      'a reconciliation before the account’s year began',
      [['10100', '9100', 'Mellemregning', '31-03-2026', '31-12-2025']],
      "Linje 2, kolonne Afstemt den: '31-12-2025' ligger før kontoen fandtes: en konto med frist 2026-03-31 hører til 2026.",
    ],
  ])('refuses %s, saying where', (_, rows, message) => {
    const { accounts, issues } = linesOf(...rows)
    expect(issues.map((i) => i.message)).toEqual([message])
    expect(accounts).toHaveLength(rows.length - 1)
  })

  it('takes a reconciliation on today and on the first day of the account’s year', () => {
    const { issues } = linesOf(['10100', '9100', 'Mellemregning', '31-12-2026', '23-11-2026'], ['10100', '9200', 'Kasse', '31-01-2026', '01-01-2026'])
    expect(issues).toEqual([])
  })
})
