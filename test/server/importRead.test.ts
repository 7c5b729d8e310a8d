import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { Cell } from '../../src/core/import/values'
import { ReadError, readTable, type ReadTable } from '../../src/server/import/read/table'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const withBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
const windows1252 = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'windows-1252'))
const utf16le = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')])
const utf16be = (text: string): Uint8Array => new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')])

type Expected = Partial<Omit<ReadTable, 'rows'>> & { rows?: Array<[number, Cell[]]> }

function expectTable(table: ReadTable, expected: Expected): void {
  const { rows, ...rest } = expected
  expect(table).toMatchObject(rest)
  if (rows) expect(table.rows).toEqual(rows.map(([line, cells]) => ({ line, cells })))
}

describe('readTable: CSV as Danish finance systems and Excel write it', () => {
  const danish = 'Enhed;Beløb\nBørnehuset Ærø;1.234,56\nÅskolen;-7,5\n'
  const danishRows: Array<[number, Cell[]]> = [
    [2, ['Børnehuset Ærø', '1.234,56']],
    [3, ['Åskolen', '-7,5']],
  ]
  it.each<[string, Uint8Array, Expected]>([
    [
      'UTF-8 without BOM',
      utf8(danish),
      { format: 'csv', encoding: 'utf-8', delimiter: ';', sheets: [], sheet: null, headers: ['Enhed', 'Beløb'], rows: danishRows },
    ],
    ['UTF-8 with BOM (the BOM is not part of the first header)', withBom(danish), { encoding: 'utf-8-bom', headers: ['Enhed', 'Beløb'], rows: danishRows }],
    ['Windows-1252', windows1252(danish), { encoding: 'windows-1252', headers: ['Enhed', 'Beløb'], rows: danishRows }],
    [
      'UTF-16 LE with BOM, tab-separated (Excel\'s "Unicode text")',
      utf16le(danish.replaceAll(';', '\t')),
      { encoding: 'utf-16le', delimiter: '\t', rows: danishRows },
    ],
    ['UTF-16 BE with BOM', utf16be(danish), { encoding: 'utf-16be', delimiter: ';', rows: danishRows }],
    ['CRLF line breaks', utf8(danish.replaceAll('\n', '\r\n')), { headers: ['Enhed', 'Beløb'], rows: danishRows }],
    ['Ctrl-Z at the end of an old export', windows1252(`${danish}\u001a`), { encoding: 'windows-1252', rows: danishRows }],
    ['sep=; honoured and not a row: the header is line 1', utf8('sep=;\nA,x;B\n1,5;2'), { delimiter: ';', headers: ['A,x', 'B'], rows: [[2, ['1,5', '2']]] }],
    ['sep=, overrides what the header suggests', utf8('sep=,\r\nA;x,B\r\n1;5,2'), { delimiter: ',', headers: ['A;x', 'B'], rows: [[2, ['1;5', '2']]] }],
    ['"sep=;" quoted, after a BOM', withBom('"sep=;"\nA;B\n1;2'), { encoding: 'utf-8-bom', delimiter: ';', headers: ['A', 'B'], rows: [[2, ['1', '2']]] }],
    [
      'quoted ; and line break and "" inside a field: one row, as Excel numbers it',
      utf8('Navn;Note\n"Skole; Nord";"linje 1\nlinje 2 ""citat"""\nC;D\n'),
      {
        headers: ['Navn', 'Note'],
        rows: [
          [2, ['Skole; Nord', 'linje 1\nlinje 2 "citat"']],
          [3, ['C', 'D']],
        ],
      },
    ],
    [
      'trailing empty columns dropped',
      utf8('a;b;;\n1;2;;\n3;;;\n'),
      {
        headers: ['a', 'b'],
        rows: [
          [2, ['1', '2']],
          [3, ['3', '']],
        ],
      },
    ],
    ['trailing empty rows dropped', utf8('a;b\n1;2\n;\n\n;;\n \n'), { rows: [[2, ['1', '2']]] }],
    ['empty lines before the header count as Excel rows', utf8('\n;\na;b\n1;2'), { headers: ['a', 'b'], rows: [[4, ['1', '2']]] }],
    [
      'an empty row between rows is dropped, the others keep their lines',
      utf8('a;b\n1;2\n\n3;4'),
      {
        rows: [
          [2, ['1', '2']],
          [4, ['3', '4']],
        ],
      },
    ],
    ['headers trimmed', utf8(' Enhed ; Beløb \n1;2'), { headers: ['Enhed', 'Beløb'] }],
    [
      'a short row padded with ""',
      utf8('a;b;c\n1\n1;2'),
      {
        rows: [
          [2, ['1', '', '']],
          [3, ['1', '2', '']],
        ],
      },
    ],
    [
      'cells beyond the headers kept when they hold something',
      utf8('a;b\n1;2;3\n4;5;;'),
      {
        rows: [
          [2, ['1', '2', '3']],
          [3, ['4', '5']],
        ],
      },
    ],
    ['cells not trimmed (the parsers and the mapping decide)', utf8('a;b\n 1 ; x '), { rows: [[2, [' 1 ', ' x ']]] }],
    ['tab-separated', utf8('Enhed\tBeløb\nA\t1.234,56\n'), { delimiter: '\t', rows: [[2, ['A', '1.234,56']]] }],
    [
      'comma-separated with quoted decimal-comma amounts',
      utf8('Enhed,Beløb,Dato\nA,"1.234,56",31-05-2026\nB,"-7,5",1-5-2026\n'),
      {
        delimiter: ',',
        rows: [
          [2, ['A', '1.234,56', '31-05-2026']],
          [3, ['B', '-7,5', '1-5-2026']],
        ],
      },
    ],
    ['";" wins over the decimal comma: "a;b / 1,5;2,5"', utf8('a;b\n1,5;2,5'), { delimiter: ';', rows: [[2, ['1,5', '2,5']]] }],
    ['";" wins even when commas split the data rows more evenly', utf8('a;b;c\n1,5;2,5;3,5\n4,5;5,5;6,5'), { delimiter: ';' }],
    [
      'one column of decimal commas stays one column',
      utf8('Beløb\n1,5\n2,25'),
      {
        delimiter: ';',
        headers: ['Beløb'],
        rows: [
          [2, ['1,5']],
          [3, ['2,25']],
        ],
      },
    ],
    ['a comma inside a header name does not make it comma-separated', utf8('Konto, nr.;Navn\n1;A'), { delimiter: ';', headers: ['Konto, nr.', 'Navn'] }],
    ['a header row alone: no rows', utf8('a;b\n'), { headers: ['a', 'b'], rows: [] }],
    ['the content decides, not the name (.xlsx that is text)', utf8('a;b\n1;2'), { format: 'csv' }],
  ])('%s', async (_, bytes, expected) => {
    expectTable(await readTable(bytes, 'eksport.csv'), expected)
  })
})

describe('readTable: files that cannot be read at all', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
  const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])
  const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
  it.each<[string, Uint8Array, string, string | RegExp]>([
    ['no bytes', new Uint8Array(), 'a.csv', 'Filen er tom.'],
    ['only line breaks and delimiters', utf8('\n;;\n\r\n  \n'), 'a.csv', 'Filen er tom.'],
    ['only a BOM', withBom(''), 'a.csv', 'Filen er tom.'],
    ['only a sep= line', utf8('sep=;\n'), 'a.csv', 'Filen er tom.'],
    ['an image', png, 'a.csv', 'Filen er hverken CSV eller XLSX.'],
    ['text with NUL bytes', utf8('a;b\n1\u00002;3'), 'a.csv', 'Filen er hverken CSV eller XLSX.'],
    ['a ZIP that is not a workbook', brokenZip, 'a.xlsx', 'Filen er hverken CSV eller XLSX.'],
    ['an old .xls', ole2, 'budget.xls', 'Filen er en gammel Excel-fil (.xls). Gem den i Excel som .xlsx eller CSV, og prøv igen.'],
    ['a password-protected workbook', ole2, 'budget.xlsx', /^Filen er beskyttet med en adgangskode/],
    [
      'a delimiter hint the import does not know',
      utf8('sep=|\na|b\n1|2'),
      'a.csv',
      "Filen angiver skilletegnet '|' (sep=|). Brug semikolon, komma eller tabulator.",
    ],
    ['a quote never closed', utf8('a;b\n1;2\n"3;4\n5;6\n'), 'a.csv', 'Linje 3: et citationstegn (") bliver aldrig lukket, så resten af filen kan ikke læses.'],
  ])('%s → ReadError', async (_, bytes, fileName, message) => {
    const read = readTable(bytes, fileName)
    await expect(read).rejects.toThrow(ReadError)
    await expect(read).rejects.toThrow(message)
  })
})

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  build(workbook)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('readTable: XLSX', () => {
  const twoSheets = workbookBytes((workbook) => {
    workbook.addWorksheet('Oversigt').addRows([['Om filen'], ['Eksport fra Prisme']])
    const budget = workbook.addWorksheet('Budget')
    // Row 1 and 2 empty: the header is the first row that holds something, on line 3.
    budget.getRow(3).values = [' Enhed ', 'Beløb', 'Dato', 'Note', 'Formel', 'Link', 'Fejl', '', '']
    budget.getRow(4).values = [
      'Børnehuset Ærø',
      1234.56,
      new Date(Date.UTC(2026, 4, 31)),
      { richText: [{ text: 'fed ' }, { text: 'tekst' }] },
      { formula: 'B4*2', result: 2469.12 },
      { text: 'se her', hyperlink: 'https://example.org' },
      { error: '#N/A' },
    ]
    budget.getRow(6).values = ['Åskolen', -7.5, '31-05-2026', null, { formula: 'B6&""', result: 'tekst' }]
    budget.getRow(7).values = ['Skole', 0, new Date(Date.UTC(2026, 0, 1, 23, 30)), 'x', { formula: 'B7>0', result: true }, '', false, '', 'udenfor']
  })

  it('reads the first sheet unless told, and lists every sheet', async () => {
    expectTable(await readTable(await twoSheets, 'budget.xlsx'), {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheets: ['Oversigt', 'Budget'],
      sheet: 'Oversigt',
      headers: ['Om filen'],
      rows: [[2, ['Eksport fra Prisme']]],
    })
  })

  it.each(['Budget', 'budget', ' BUDGET '])('reads the sheet named %j: numbers, dates, rich text, formulas, links, errors', async (sheet) => {
    expectTable(await readTable(await twoSheets, 'budget.xlsx', { sheet }), {
      sheet: 'Budget',
      headers: ['Enhed', 'Beløb', 'Dato', 'Note', 'Formel', 'Link', 'Fejl'],
      rows: [
        [4, ['Børnehuset Ærø', 1234.56, '2026-05-31', 'fed tekst', 2469.12, 'se her', '#N/A']],
        [6, ['Åskolen', -7.5, '31-05-2026', '', 'tekst', '', '']],
        [7, ['Skole', 0, '2026-01-01', 'x', 'SAND', '', 'FALSK', '', 'udenfor']],
      ],
    })
  })

  it('refuses a sheet that is not there, naming the sheets there are', async () => {
    await expect(readTable(await twoSheets, 'budget.xlsx', { sheet: 'Regnskab' })).rejects.toThrow(
      new ReadError("Arket 'Regnskab' findes ikke. Filen har arkene: Oversigt, Budget."),
    )
  })

  it('is told by its content, not its name', async () => {
    expect((await readTable(await twoSheets, 'budget.csv')).format).toBe('xlsx')
  })

  it('a merged cell gives its value to every row and column it covers (a unit merged down over its months)', async () => {
    const merged = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Ark1')
      sheet.addRows([
        ['Enhed', 'Måned', 'Beløb'],
        ['Åskolen', '2026-01', 1],
        ['', '2026-02', 2],
      ])
      sheet.mergeCells('A2:A3')
    })
    expectTable(await readTable(merged, 'flettet.xlsx'), {
      rows: [
        [2, ['Åskolen', '2026-01', 1]],
        [3, ['Åskolen', '2026-02', 2]],
      ],
    })
  })

  it('a workbook in the 1904 date system (old Mac Excel) gives the same days', async () => {
    const mac = await workbookBytes((workbook) => {
      workbook.properties.date1904 = true
      workbook.addWorksheet('Ark1').addRows([['Dato'], [new Date(Date.UTC(2026, 4, 31))], [{ formula: 'A2-30', result: new Date(Date.UTC(2026, 4, 1)) }]])
    })
    expectTable(await readTable(mac, 'mac.xlsx'), {
      rows: [
        [2, ['2026-05-31']],
        [3, ['2026-05-01']],
      ],
    })
  })

  it('an empty sheet is an empty file', async () => {
    const empty = await workbookBytes((workbook) => workbook.addWorksheet('Ark1'))
    await expect(readTable(empty, 'tom.xlsx')).rejects.toThrow(new ReadError('Filen er tom.'))
  })
})
