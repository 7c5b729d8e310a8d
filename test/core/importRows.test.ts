// The import's columns and lines, table-driven: headers recognised as finance exports write them,
// the unit of the amounts read off a header, lines read through a mapping with every issue said by
// line and column, and account lines summed per unit and month.
import { describe, expect, it } from 'vitest'
import { headerSignature, normaliseHeader, recogniseHeaders, scaleOfHeader, scaleOfHeaders } from '../../src/core/import/fields'
import { isExcludedAccount, sumFigures } from '../../src/core/import/figures'
import { missingFields, readRows, type SourceTable } from '../../src/core/import/rows'

describe('recogniseHeaders', () => {
  it.each([
    ['Omkostningssted', 'costCentre'],
    ['Omk.sted', 'costCentre'],
    ['omk sted', 'costCentre'],
    ['COSTCENTER', 'costCentre'],
    ['Cost center', 'costCentre'],
    ['Periode', 'period'],
    ['Måned', 'period'],
    ['Korrigeret budget', 'budget'],
    ['Korr. budget', 'budget'],
    ['Korrigeret budget (t.kr.)', 'budget'],
    ['Korrigeret budget, mio. kr.', 'budget'],
    ['Forbrug år til dato', 'spendToDate'],
    ['Forbrug ÅTD', 'spendToDate'],
    ['forbrug-åtd', 'spendToDate'],
    ['Forbrug ÅTD (kr.)', 'spendToDate'],
    ['Overførsel', 'carryOver'],
    ['Budgetprofil', 'profileShare'],
    ['Kontostreng', 'account'],
    ['Art', 'account'],
    ['Bemærkning', null],
    ['Forbrug sidste år', null],
  ])('%s → %s', (header, key) => {
    expect(recogniseHeaders('figures', [header])[header]).toBe(key)
  })

  it('gives a field to one column only, its own header before a synonym', () => {
    expect(recogniseHeaders('figures', ['Forbrug', 'Forbrug år til dato', 'Budget', 'Korr. budget'])).toEqual({
      Forbrug: null,
      'Forbrug år til dato': 'spendToDate',
      Budget: 'budget',
      'Korr. budget': null,
    })
  })

  it('knows the other kinds’ headers', () => {
    expect(recogniseHeaders('balance', ['Omk.sted', 'Kontonummer', 'Kontonavn', 'Frist', 'Afstemt dato'])).toEqual({
      'Omk.sted': 'costCentre',
      Kontonummer: 'accountNumber',
      Kontonavn: 'accountName',
      Frist: 'dueDate',
      'Afstemt dato': 'reconciledOn',
    })
    expect(recogniseHeaders('actionPlan', ['Omkostningssted', 'Handling', 'Frist', 'Status', 'Udført dato'])).toEqual({
      Omkostningssted: 'costCentre',
      Handling: 'title',
      Frist: 'dueDate',
      Status: 'status',
      'Udført dato': 'doneOn',
    })
  })
})

describe('the unit of the amounts', () => {
  it.each([
    ['Korrigeret budget (t.kr.)', 1_000],
    ['Korrigeret budget (tkr)', 1_000],
    ['Korrigeret budget (i t. kr.)', 1_000],
    ['Forbrug, t.kr.', 1_000],
    ['Korrigeret budget (mio. kr.)', 1_000_000],
    ['Korrigeret budget (kr.)', 1],
    ['Korrigeret budget', null],
  ])('%s → %s', (header, scale) => {
    expect(scaleOfHeader(header)).toBe(scale)
  })

  it('is the file’s when its amount columns agree on it, and none when they differ', () => {
    expect(scaleOfHeaders('figures', { 'Budget (t.kr.)': 'budget', 'Forbrug (t.kr.)': 'spendToDate', 'Periode (kr.)': null })).toBe(1_000)
    expect(scaleOfHeaders('figures', { 'Budget (t.kr.)': 'budget', 'Forbrug (kr.)': 'spendToDate' })).toBeNull()
  })
})

describe('a source’s signature', () => {
  it('is the same for the same headers in another order, case and spacing — and differs by kind and header', () => {
    expect(headerSignature('figures', ['Omk.sted', 'Periode', 'Forbrug ÅTD'])).toBe(headerSignature('figures', ['forbrug åtd', 'PERIODE', 'Omk. sted']))
    expect(headerSignature('figures', ['Omk.sted', 'Periode'])).not.toBe(headerSignature('balance', ['Omk.sted', 'Periode']))
    expect(headerSignature('figures', ['Omk.sted', 'Periode'])).not.toBe(headerSignature('figures', ['Omk.sted', 'Måned']))
    expect(normaliseHeader(' Forbrug  Å.T.D. (t.kr.) ')).toBe('forbrugåtd')
  })
})

const FIGURES = ['Omk.sted', 'Art', 'Periode', 'Korr. budget', 'Forbrug ÅTD', 'Budgetprofil']
const table = (...rows: string[][]): SourceTable => ({ headers: FIGURES, rows: rows.map((cells, i) => ({ line: i + 2, cells })) })
const mapping = recogniseHeaders('figures', FIGURES)

describe('readRows', () => {
  it('reads a line into typed values, amounts times the scale', () => {
    const { rows, issues, lines } = readRows('figures', table(['cc1', '4010', 'maj 2026', '1.234,5', '(10,25)', '41,67 %']), mapping, 1_000)
    expect(issues).toEqual([])
    expect(lines).toBe(1)
    expect(rows[0]?.values).toEqual({
      costCentre: 'cc1',
      period: { year: 2026, month: 5 },
      budget: 1_234_500,
      carryOver: undefined,
      spendToDate: -10_250,
      profileShare: 0.4167,
      account: '4010',
    })
  })

  it.each([
    [['cc1', '', '2026-05', '12,3,4', '1', ''], "Linje 2, kolonne Korr. budget: '12,3,4' er ikke et beløb"],
    [['cc1', '', '2026-13', '1', '1', ''], "Linje 2, kolonne Periode: '2026-13' er ikke en periode (brug fx 2026-05 eller maj 2026)"],
    [['', '', '2026-05', '1', '1', ''], 'Linje 2, kolonne Omk.sted: skal udfyldes'],
    [['cc1', '', '2026-05', '1', '', ''], 'Linje 2, kolonne Forbrug ÅTD: skal udfyldes'],
    [['cc1', '', '2026-05', '1', '1', '140 %'], "Linje 2, kolonne Budgetprofil: '140 %' er ikke en andel mellem 0 og 1 (0 % og 100 %)"],
    [['cc1', '', '2026-05', '1.000.000.000.000', '1', ''], "Linje 2, kolonne Korr. budget: '1.000.000.000.000' er for stort et beløb"],
  ])('says what is wrong and where: %j', (cells, message) => {
    const { rows, issues } = readRows('figures', table(cells), mapping, 1)
    expect(rows).toEqual([])
    expect(issues.map((i) => i.message)).toEqual([message])
  })

  it('skips a line blank in every mapped column, keeps the others’ line numbers, and reports every bad cell of a line', () => {
    const { rows, issues, lines } = readRows('figures', table(['', '', '', '', '', ''], ['cc1', 'x', 'y', 'z', '1', '']), mapping, 1)
    expect(rows).toEqual([])
    expect(lines).toBe(1)
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'Periode'],
      [3, 'Korr. budget'],
    ])
  })

  it('takes an amount an XLSX cell holds as a number, and names a number cell as the file shows it', () => {
    const { rows } = readRows('figures', table(['cc1', '', '202605', 1234.5 as unknown as string, '0', '']), mapping, 1)
    expect(rows[0]?.values.budget).toBe(1234.5)
  })

  it('reads a status as people write it', () => {
    const headers = ['Omk.sted', 'Handling', 'Frist', 'Status']
    const m = recogniseHeaders('actionPlan', headers)
    const read = readRows(
      'actionPlan',
      { headers, rows: ['Planlagt', 'i  gang', 'Udført', 'droppet', 'måske'].map((s, i) => ({ line: i + 2, cells: ['cc1', 'A', '31-05-2026', s] })) },
      m,
      1,
    )
    expect(read.rows.map((r) => r.values.status)).toEqual(['planned', 'in_progress', 'done', 'dropped'])
    expect(read.issues.map((i) => i.message)).toEqual(["Linje 6, kolonne Status: 'måske' er ikke en status (planlagt, i gang, udført eller droppet)"])
  })

  it('names the required fields no column is mapped to', () => {
    expect(missingFields('figures', { 'Omk.sted': 'costCentre', Periode: 'period' }).map((f) => f.key)).toEqual(['budget', 'spendToDate'])
  })
})

describe('sumFigures', () => {
  const read = (...rows: string[][]) => readRows('figures', table(...rows), mapping, 1).rows

  it('sums the account lines of a unit’s month in øre, weighting the profile by budget, and says which lines made each sum', () => {
    const { sums, issues, leftOut } = sumFigures(
      read(['cc1', '4010', '2026-05', '0,1', '0,1', '40 %'], ['cc1', '4510', '2026-05', '0,2', '0,2', '50 %'], ['cc2', '4010', '2026-05', '-5', '-1', '']),
      [],
    )
    expect(issues).toEqual([])
    expect(leftOut).toBe(0)
    expect(sums).toEqual([
      { costCentre: 'cc1', period: { year: 2026, month: 5 }, budget: 0.3, carryOver: 0, spendToDate: 0.3, profileShare: 0.466667, lines: [2, 3] },
      { costCentre: 'cc2', period: { year: 2026, month: 5 }, budget: -5, carryOver: 0, spendToDate: -1, profileShare: null, lines: [4] },
    ])
  })

  it('leaves out the excluded account groups by prefix, and counts them', () => {
    const { sums, leftOut } = sumFigures(
      read(['cc1', '4010', '2026-05', '10', '1', ''], ['cc1', '9100', '2026-05', '99', '99', ''], ['cc1', '91', '2026-05', '1', '1', '']),
      ['91'],
    )
    expect(leftOut).toBe(2)
    expect(sums.map((s) => s.budget)).toEqual([10])
    expect(isExcludedAccount('9100', ['9'])).toBe(true)
    expect(isExcludedAccount('4010', ['9'])).toBe(false)
    expect(isExcludedAccount(null, ['9'])).toBe(false)
  })

  it('refuses a key seen twice: the same cost centre, account and month', () => {
    const { issues } = sumFigures(read(['cc1', '4010', '2026-05', '1', '1', ''], ['cc1', '4010', 'maj 2026', '2', '2', '']), [])
    expect(issues.map((i) => i.message)).toEqual(['Linje 3: omkostningssted cc1, art 4010 og periode 2026-05 står også i linje 2.'])
  })

  it('refuses a cost centre and month seen twice in a file without an account column', () => {
    const headers = ['Omk.sted', 'Periode', 'Korr. budget', 'Forbrug ÅTD']
    const rows = readRows(
      'figures',
      {
        headers,
        rows: [
          { line: 2, cells: ['cc1', '2026-05', '1', '1'] },
          { line: 7, cells: ['cc1', '05-2026', '1', '1'] },
        ],
      },
      recogniseHeaders('figures', headers),
      1,
    ).rows
    expect(sumFigures(rows, []).issues.map((i) => i.message)).toEqual(['Linje 7: omkostningssted cc1 og periode 2026-05 står også i linje 2.'])
  })
})
